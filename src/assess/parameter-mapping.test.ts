import { describe, expect, it } from 'vitest';
import { testOperation } from '../../test/support/assess-fixtures.js';
import { aidOf, mapToScenario, TARGET_POWER } from './parameter-mapping.js';

describe('mapToScenario', () => {
  it('maps a major power to targetPower 0.85 whatever size is given, and a minor one by its size', () => {
    expect(
      mapToScenario(testOperation({ targetClass: 'major-power', targetSize: 'small' })).scenario.targetPower,
    ).toBe(TARGET_POWER['major-power']);
    expect(mapToScenario(testOperation({ targetSize: 'large' })).scenario.targetPower).toBe(0.6);
    expect(mapToScenario(testOperation()).scenario.targetPower).toBe(0.3);
  });

  it('derives aid from the means unless it is given, and counts intermediaries as at least one layer', () => {
    expect(aidOf(testOperation({ means: ['financing', 'armed-support', 'propaganda'] }))).toBe(0.28);
    expect(aidOf(testOperation({ aid: 0.05 }))).toBe(0.05);
    expect(mapToScenario(testOperation({ means: ['intermediaries'] })).scenario.layers).toBe(1);
  });

  it('simulates an election as the vote and, after a win, the proxy in power', () => {
    const mapping = mapToScenario(testOperation());
    expect(mapping.scenario.mode).toBe('election');
    expect(mapping.followOn).toMatchObject({ mode: 'struggle', side: 'incumbent', seed: 1 });
    expect(mapToScenario(testOperation({ kind: 'covert-regime-change' })).followOn).toBeUndefined();
  });

  it('weighs only the rationales the sponsor holds, and records a rule for every parameter', () => {
    const mapping = mapToScenario(testOperation({ rationale: ['capabilities'] }));
    expect(mapping.scenario.weights).toEqual({ intentions: 0, capabilities: 0.5, regime: 0 });
    expect(mapping.rows.map((r) => r.parameter)).toContain('targetPower');
    for (const row of mapping.rows) expect(row.rule).not.toBe('');
  });
});
