import { describe, expect, expectTypeOf, it } from 'vitest';
import { InputError } from '../domain/input-error.js';
import {
  DEFAULT_SCENARIO,
  NUMERIC_PARAMETERS,
  parseScenario,
  rangeText,
  type Scenario,
} from './parameters.js';

function messageOf(input: unknown): string {
  try {
    parseScenario(input);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error('expected an InputError');
}

describe('parseScenario', () => {
  it('fills in model.md defaults', () => {
    expect(DEFAULT_SCENARIO).toMatchObject({
      side: 'challenger',
      mode: 'struggle',
      targetPower: 0.3,
      capability: 0.5,
      divergence: 0.3,
      capabilityDivergence: 0.5,
      nationalism: 0.5,
      aid: 0.3,
      layers: 0,
      heavyHandedness: 0.5,
      opportunism: 0.1,
      weights: { intentions: 1, capabilities: 0.5, regime: 0.3 },
      horizon: 30,
      discount: 0.95,
      volatility: 0.05,
      runs: 10_000,
      seed: 1,
    });
    expectTypeOf(DEFAULT_SCENARIO).toEqualTypeOf<Scenario>();
  });

  it('keeps given values and fills only the missing weights', () => {
    const scenario = parseScenario({ targetPower: 0.8, weights: { regime: 0 } });
    expect(scenario.targetPower).toBe(0.8);
    expect(scenario.weights).toEqual({ intentions: 1, capabilities: 0.5, regime: 0 });
  });

  it('names the parameter, the value and the allowed range of an out-of-range value', () => {
    expect(messageOf({ targetPower: 1.5 })).toMatchInlineSnapshot(
      `"targetPower: out of range (got "1.5"; allowed range 0..1)"`,
    );
    expect(messageOf({ layers: 6 })).toMatchInlineSnapshot(
      `"layers: out of range (got "6"; allowed range integer 0..5)"`,
    );
    expect(messageOf({ discount: 0 })).toMatchInlineSnapshot(
      `"discount: out of range (got "0"; allowed range (0, 1])"`,
    );
    expect(messageOf({ weights: { intentions: -1 } })).toMatchInlineSnapshot(
      `"weights.intentions: out of range (got "-1"; allowed range ≥ 0)"`,
    );
    expect(messageOf({ volatility: 0.9 })).toMatchInlineSnapshot(
      `"volatility: out of range (got "0.9"; allowed range 0..0.5)"`,
    );
  });

  it('refuses non-integers and non-numbers with the allowed range', () => {
    expect(messageOf({ horizon: 2.5 })).toMatchInlineSnapshot(
      `"horizon: not an integer (got "2.5"; allowed range integer 1..100)"`,
    );
    expect(messageOf({ aid: 'lots' })).toMatchInlineSnapshot(
      `"aid: not a number (got "lots"; allowed range 0..1)"`,
    );
    expect(messageOf({ aid: Number.NaN })).toMatch(/^aid: not a number \(got "NaN"; allowed range 0\.\.1\)$/);
  });

  it('names an unknown parameter and its value, and suggests the nearest known one', () => {
    expect(messageOf({ targetPowr: 0.4 })).toMatch(
      /^targetPowr: unknown parameter \(got "0\.4"; did you mean targetPower\? allowed parameters: .*capability/,
    );
    expect(messageOf({ weights: { regim: 1 } })).toMatch(
      /^weights\.regim: unknown parameter \(got "1"; did you mean regime\?/,
    );
  });

  it('lists the allowed values of side and mode', () => {
    expect(messageOf({ side: 'rebel' })).toMatch(
      /^side: .*\(got "rebel"; allowed values: challenger, incumbent\)$/,
    );
  });

  it('reports every issue of a scenario at once', () => {
    try {
      parseScenario({ targetPower: 2, aid: -1, foo: 1 });
      expect.unreachable();
    } catch (error) {
      expect((error as InputError).issues.map((i) => i.field).sort()).toEqual(['aid', 'foo', 'targetPower']);
    }
  });

  it('states every range the way docs/model.md does', () => {
    expect(Object.values(NUMERIC_PARAMETERS).map((p) => `${p.name} ${rangeText(p)}`)).toMatchInlineSnapshot(`
      [
        "targetPower 0..1",
        "capability 0..1",
        "divergence 0..1",
        "capabilityDivergence 0..1",
        "nationalism 0..1",
        "aid 0..1",
        "layers integer 0..5",
        "heavyHandedness 0..1",
        "opportunism 0..1",
        "weights.intentions ≥ 0",
        "weights.capabilities ≥ 0",
        "weights.regime ≥ 0",
        "horizon integer 1..100",
        "discount (0, 1]",
        "volatility 0..0.5",
        "runs integer 1..10000000",
        "seed integer 0..9007199254740991",
      ]
    `);
  });
});
