/** The operation's uncertain inputs, each swept over a plausible range, showing which of them would flip the verdict. */
import type { Operation } from '../domain/operation-schema.js';
import { MODEL_VERSION } from '../sim/model-constants.js';
import type { BaseRates } from './base-rates.js';
import type { Figure, SimulationOrigin } from './figure.js';
import { outcomeOdds } from './outcome-odds.js';
import { mapToScenario } from './parameter-mapping.js';
import { riskRegister } from './risk-register.js';
import { simulateOutcomes } from './simulated-outcomes.js';
import { decideVerdict, VERDICTS, type Verdict } from './verdict.js';

/**
 * Runs per sweep point: enough to place P(pays off) within about ±0.05 of a verdict threshold, few enough that
 * the whole sweep (some forty points) takes well under a second. Every point shares the operation's seed, so
 * neighbouring points differ by their parameter, not by their noise (common random numbers).
 */
export const SWEEP_RUNS = 400;

type SweptParameter =
  | 'capability'
  | 'divergence'
  | 'targetPower'
  | 'heavyHandedness'
  | 'aid'
  | 'nationalism'
  | 'layers'
  | 'opportunism';

export interface AssumptionDefinition {
  /** The scenario field a user would correct. */
  readonly field: string;
  readonly parameter: SweptParameter;
  /** The plausible range, which for the target's power depends on what the state list already settles. */
  readonly values: readonly number[] | ((operation: Operation) => readonly number[]);
}

const UNIT = [0.1, 0.3, 0.5, 0.7, 0.9];

/** The assumptions swept and their plausible ranges (docs/assessment.md). */
export const ASSUMPTIONS: readonly AssumptionDefinition[] = [
  { field: 'proxy.capability', parameter: 'capability', values: UNIT },
  { field: 'proxy.divergence', parameter: 'divergence', values: UNIT },
  {
    field: 'targetSize → targetPower',
    parameter: 'targetPower',
    // The COW list settles whether the target is a major power; what stays uncertain is how strong it is.
    values: (operation) =>
      operation.targetClass === 'major-power' ? [0.7, 0.8, 0.85, 0.95] : [0.1, 0.3, 0.45, 0.6, 0.75],
  },
  { field: 'pressure', parameter: 'heavyHandedness', values: UNIT },
  { field: 'aid', parameter: 'aid', values: [0.05, 0.15, 0.3, 0.5] },
  { field: 'proxy.nationalism', parameter: 'nationalism', values: UNIT },
  { field: 'proxy.intermediaries', parameter: 'layers', values: [0, 1, 2, 3] },
  { field: 'opportunism', parameter: 'opportunism', values: [0, 0.1, 0.25, 0.4] },
];

export interface AssumptionPoint {
  readonly value: number;
  /** The scenario's own value. */
  readonly current: boolean;
  readonly payoff: Figure;
  readonly verdict: Verdict;
  readonly provenance: SimulationOrigin;
}

export interface AssumptionSweep {
  readonly field: string;
  readonly parameter: SweptParameter;
  readonly currentValue: number;
  readonly points: readonly AssumptionPoint[];
  /** The values at which the verdict differs from the assessment's, with the verdict there. */
  readonly flips: readonly { readonly value: number; readonly verdict: Verdict }[];
  /** How far (in the parameter's units) the nearest flipping value lies from the current one; null if none flips. */
  readonly distanceToFlip: number | null;
  readonly provenance: SimulationOrigin;
}

/**
 * Sweeps each assumption with the others held at the scenario's values; the record's base rates stay fixed, as
 * they do not depend on the model's inputs.
 */
export function sweepAssumptions(
  operation: Operation,
  rates: BaseRates,
  verdict: Verdict,
  runs = SWEEP_RUNS,
): AssumptionSweep[] {
  const base = mapToScenario(operation).scenario;
  return ASSUMPTIONS.map((assumption) => {
    const currentValue = base[assumption.parameter];
    const range = typeof assumption.values === 'function' ? assumption.values(operation) : assumption.values;
    const values = [...new Set([...range, currentValue])].sort((a, b) => a - b);
    const points = values.map((value): AssumptionPoint => {
      const mapping = mapToScenario(operation, { [assumption.parameter]: value, runs });
      const simulated = simulateOutcomes(mapping, `sweep:${assumption.parameter}=${value}:`);
      const odds = outcomeOdds(rates, simulated);
      const risks = riskRegister(operation, mapping.scenario, simulated, rates);
      const result = decideVerdict(odds, risks, simulated.npv);
      return {
        value,
        current: value === currentValue,
        payoff: odds.payoff,
        verdict: result.verdict,
        provenance: {
          source: 'simulation',
          simulation: `sweep:${assumption.parameter}=${value}`,
          model: MODEL_VERSION,
          seed: mapping.scenario.seed,
          runs,
          method: `the assessment redone with ${assumption.parameter} = ${value}, the record's rates held`,
        },
      };
    });
    const flips = points
      .filter((p) => p.verdict !== verdict)
      .map((p) => ({ value: p.value, verdict: p.verdict }));
    const distances = flips.map((f) => Math.abs(f.value - currentValue));
    return {
      field: assumption.field,
      parameter: assumption.parameter,
      currentValue,
      points,
      flips,
      distanceToFlip: distances.length > 0 ? Math.min(...distances) : null,
      provenance: {
        source: 'simulation',
        simulation: `sweep:${assumption.parameter}`,
        model: MODEL_VERSION,
        seed: base.seed,
        runs,
        method: `${assumption.field} swept over ${values.join(', ')} with the other inputs held`,
      },
    };
  });
}

/** Whether a flip makes the operation look better (a higher verdict) or worse. */
export const flipDirection = (from: Verdict, to: Verdict): 'better' | 'worse' =>
  VERDICTS.indexOf(to) > VERDICTS.indexOf(from) ? 'better' : 'worse';
