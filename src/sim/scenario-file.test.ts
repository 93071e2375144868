import { describe, expect, it } from 'vitest';
import type { InputError } from '../domain/input-error.js';
import { PRESETS } from './presets.js';
import { parseScenarioText, resolveScenario } from './scenario-file.js';

describe('scenario files', () => {
  it('reads YAML and JSON alike, filling defaults', () => {
    const yaml = parseScenarioText('name: test\ntargetPower: 0.8\nweights:\n  regime: 0\n');
    const fromJson = parseScenarioText('{"name": "test", "targetPower": 0.8, "weights": {"regime": 0}}');
    expect(yaml).toEqual(fromJson);
    expect(yaml).toMatchObject({ targetPower: 0.8, aid: 0.3, weights: { intentions: 1, regime: 0 } });
  });

  it('starts from a preset and lets the file override it', () => {
    expect(parseScenarioText('preset: soviet-ccp\nhorizon: 50\n')).toMatchObject({
      targetPower: 0.7,
      capability: 0.85,
      horizon: 50,
    });
  });

  it('names the file and the line of an offending parameter', () => {
    try {
      parseScenarioText('targetPower: 0.3\nweights:\n  regime: -2\n', 'bad.yaml');
      expect.unreachable();
    } catch (error) {
      expect((error as InputError).message).toBe(
        'bad.yaml:3: weights.regime: out of range (got "-2"; allowed range ≥ 0)',
      );
    }
  });

  it('reports a YAML syntax error with its line', () => {
    expect(() => parseScenarioText('targetPower: [0.3\n', 'broken.yaml')).toThrow(/^broken\.yaml:\d+: /);
  });

  it('validates every preset', () => {
    for (const preset of PRESETS) expect(() => resolveScenario({ preset: preset.name })).not.toThrow();
  });
});
