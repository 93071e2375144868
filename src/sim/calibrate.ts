/** Fits the model's free constants to empirical base rates by a deterministic compass search, and reports the fit. */
import { z } from 'zod';
import { InputError } from '../domain/input-error.js';
import type { RunSummary } from './aggregate.js';
import { type ModelConstants, REFERENCE_CONSTANTS } from './model-constants.js';
import { parseScenario, type Scenario, type ScenarioInput } from './parameters.js';
import type { Rate } from './rate.js';
import { simulateScenario } from './simulate.js';

export const CALIBRATION_MEASURES = [
  'won',
  'ascendedWithin5Years',
  'ascendedWithin10Years',
  'ascended',
  // Levels 2 and 3, measured in struggle mode: the payoff kept, defection after taking power, exposure.
  'alignedAtHorizonGivenAscent',
  'defectedWithin10YearsOfAscent',
  'exposed',
] as const;
export type CalibrationMeasure = (typeof CALIBRATION_MEASURES)[number];

export const calibrationTargetSchema = z.strictObject({
  id: z.string().min(1),
  description: z.string().default(''),
  source: z.string().default(''),
  scenario: z.record(z.string(), z.unknown()).default({}),
  measure: z.enum(CALIBRATION_MEASURES),
  /** The band the measured rate must fall in. */
  low: z.number().min(0).max(1),
  high: z.number().min(0).max(1),
});
export type CalibrationTarget = z.output<typeof calibrationTargetSchema>;

export const calibrationTargetsSchema = z.array(calibrationTargetSchema).min(1);

/** model.md's four calibration targets. */
export const CALIBRATION_TARGETS: readonly CalibrationTarget[] = [
  {
    id: 'incumbent-election',
    description: 'election mode, default aid, incumbent side: proxy wins',
    source: "the article's Table 2 (Levin): 40 of 50 interventions for incumbents won",
    scenario: { mode: 'election', side: 'incumbent' },
    measure: 'won',
    low: 0.75,
    high: 0.85,
  },
  {
    id: 'challenger-election',
    description: 'election mode, default aid, challenger side: proxy wins',
    source: "the article's Table 2 (Levin): 25 of 65 interventions for challengers won",
    scenario: { mode: 'election', side: 'challenger' },
    measure: 'won',
    low: 0.33,
    high: 0.43,
  },
  {
    id: 'challenger-ascent',
    description: 'struggle, challenger, P = 0.3, defaults: ascent within 5 years',
    source: "O'Rourke: about two thirds of 64 US covert regime-change attempts failed",
    scenario: { mode: 'struggle', side: 'challenger', targetPower: 0.3 },
    measure: 'ascendedWithin5Years',
    low: 0.25,
    high: 0.4,
  },
  {
    id: 'major-power-ascent',
    description: 'struggle, challenger, P = 0.8: ascent within 10 years',
    source:
      "O'Rourke's six US operations against the USSR and Levin's two Soviet ones in US elections: none succeeded",
    scenario: { mode: 'struggle', side: 'challenger', targetPower: 0.8 },
    measure: 'ascendedWithin10Years',
    low: 0,
    high: 0.1,
  },
];

/** A free constant: its search interval and the first step of the search. */
export interface FreeConstant {
  readonly name: keyof ModelConstants;
  readonly min: number;
  readonly max: number;
  readonly step: number;
  /** The search stops refining this constant below this step. */
  readonly resolution: number;
}

/** The constants calibration fits by default; the inertia of the power balance stays at its reference form. */
export const FREE_CONSTANTS: readonly FreeConstant[] = [
  { name: 'electionMeanIncumbent', min: 0.35, max: 0.65, step: 0.02, resolution: 0.0005 },
  { name: 'electionMeanChallenger', min: 0.35, max: 0.65, step: 0.02, resolution: 0.0005 },
  { name: 'rivalBase', min: 0, max: 1.5, step: 0.2, resolution: 0.005 },
  { name: 'rivalSlope', min: 0, max: 3, step: 0.2, resolution: 0.005 },
];

/** Which constants the outcome of a scenario in each mode can depend on (so unchanged targets are not re-run). */
const DEPENDS_ON: Record<'struggle' | 'election', readonly (keyof ModelConstants)[]> = {
  election: ['electionMeanIncumbent', 'electionMeanChallenger'],
  struggle: ['rivalBase', 'rivalSlope', 'inertiaBase', 'inertiaSlope'],
};

const WINDOW_YEARS: Partial<Record<CalibrationMeasure, number>> = {
  ascendedWithin5Years: 5,
  ascendedWithin10Years: 10,
};

export interface CalibrationOptions {
  readonly targets?: readonly CalibrationTarget[];
  readonly free?: readonly FreeConstant[];
  readonly start?: ModelConstants;
  /** Runs per target and evaluation. */
  readonly runs?: number;
  readonly seed?: number;
  /** Weight of the pull towards the starting constants, which keeps the fit the least change that works. */
  readonly anchor?: number;
  readonly maxEvaluations?: number;
}

export interface TargetFit {
  readonly id: string;
  readonly description: string;
  readonly source: string;
  readonly measure: CalibrationMeasure;
  readonly low: number;
  readonly high: number;
  readonly value: Rate;
  readonly pass: boolean;
}

export interface CalibrationReport {
  readonly constants: ModelConstants;
  readonly start: ModelConstants;
  readonly fits: readonly TargetFit[];
  readonly loss: number;
  readonly evaluations: number;
  readonly runs: number;
  readonly seed: number;
  readonly pass: boolean;
}

/** Targets from a user's file, validated, with every issue named by its place in the list. */
export function parseCalibrationTargets(input: unknown, file?: string): CalibrationTarget[] {
  const parsed = calibrationTargetsSchema.safeParse(input);
  if (!parsed.success) {
    throw new InputError(
      parsed.error.issues.map((issue) => ({
        ...(file !== undefined ? { file } : {}),
        field: issue.path
          .map((k) => (typeof k === 'number' ? `[${k}]` : String(k)))
          .join('.')
          .replace(/\.\[/g, '['),
        message: issue.message,
        hint: `a target has id, measure (${CALIBRATION_MEASURES.join(', ')}), low, high and optionally scenario, description, source`,
      })),
    );
  }
  for (const [i, target] of parsed.data.entries()) {
    parseScenario(target.scenario, file !== undefined ? { file } : {});
    if (target.low > target.high) {
      throw new InputError({ field: `[${i}].low`, value: String(target.low), message: 'low is above high' });
    }
  }
  return parsed.data;
}

function measured(summary: RunSummary, measure: CalibrationMeasure): Rate {
  if (summary.mode === 'election') {
    if (measure === 'won') return summary.rates.won;
    throw new InputError({
      field: 'measure',
      value: measure,
      message: 'not measured in election mode',
      hint: 'use won',
    });
  }
  if (measure === 'won') return summary.rates.inPowerAtHorizon;
  return summary.rates[measure];
}

/**
 * How far a rate is from its band: 0 at the band's middle, 1 at its edges, in squared half-widths. A band that
 * starts at 0 ("under 10 %") is treated the same way, so the fit aims at its middle rather than grazing its edge.
 */
function targetLoss(target: CalibrationTarget | undefined, value: number): number {
  if (target === undefined) return 0;
  const middle = (target.low + target.high) / 2;
  const half = Math.max((target.high - target.low) / 2, 1e-6);
  return ((value - middle) / half) ** 2;
}

/**
 * Fits the free constants by compass search (Kolda, Lewis & Torczon 2003, SIAM Review 45(3)): from the start,
 * try a step up and down in each constant in turn and keep any move that lowers the loss; when no move helps,
 * halve the steps; stop when every step is below its resolution. Every evaluation uses the same seed, so the loss
 * is a deterministic function of the constants and the search always ends in the same place.
 *
 * The loss is the sum over targets of the squared distance from the band's middle in half-widths, plus `anchor`
 * times the squared relative change of each constant from its start.
 */
export function calibrate(options: CalibrationOptions = {}): CalibrationReport {
  const targets = options.targets ?? CALIBRATION_TARGETS;
  const free = options.free ?? FREE_CONSTANTS;
  const start = options.start ?? REFERENCE_CONSTANTS;
  const runs = options.runs ?? 20_000;
  const seed = options.seed ?? 1;
  const anchor = options.anchor ?? 0.01;
  const maxEvaluations = options.maxEvaluations ?? 2000;
  const scenarios = targets.map((target) => {
    const scenario = parseScenario({ ...target.scenario, runs, seed } as ScenarioInput);
    // A run's first k years never depend on the years after them, so "ascent within k years" is measured exactly
    // by simulating only k years: three to six times less work per evaluation.
    const window = WINDOW_YEARS[target.measure];
    return window !== undefined && window < scenario.horizon ? { ...scenario, horizon: window } : scenario;
  });
  const cache = new Map<string, Rate>();
  let evaluations = 0;

  const entries = targets.map((target, i) => ({ target, scenario: scenarios[i] as Scenario, index: i }));
  const rates = (constants: ModelConstants): Rate[] =>
    entries.map(({ target, scenario, index }) => {
      const key = `${index}:${DEPENDS_ON[scenario.mode].map((name) => constants[name]).join(',')}`;
      const cached = cache.get(key);
      if (cached !== undefined) return cached;
      const rate = measured(simulateScenario(scenario, { constants }).summary, target.measure);
      cache.set(key, rate);
      return rate;
    });

  const loss = (constants: ModelConstants): number => {
    evaluations++;
    const fit = rates(constants).reduce(
      (sum, rate, i) => sum + targetLoss(entries[i]?.target, rate.rate ?? 0),
      0,
    );
    const drift = free.reduce(
      (sum, c) => sum + ((constants[c.name] - start[c.name]) / (start[c.name] || 1)) ** 2,
      0,
    );
    return fit + anchor * drift;
  };

  let current: ModelConstants = { ...start };
  let best = loss(current);
  const searched = free.map((constant) => ({ constant, step: constant.step }));
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  while (evaluations < maxEvaluations && searched.some((s) => s.step >= s.constant.resolution)) {
    let moved = false;
    for (const entry of searched) {
      const { constant, step } = entry;
      if (step < constant.resolution) continue;
      for (const direction of [1, -1]) {
        const value = round(current[constant.name] + direction * step);
        if (value < constant.min || value > constant.max) continue;
        const candidate = { ...current, [constant.name]: value };
        const candidateLoss = loss(candidate);
        if (candidateLoss < best) {
          current = candidate;
          best = candidateLoss;
          moved = true;
          break;
        }
      }
    }
    if (!moved) for (const entry of searched) entry.step /= 2;
  }

  const fits = rates(current).map((value, i): TargetFit => {
    const target = entries[i]?.target as CalibrationTarget;
    const rate = value.rate ?? Number.NaN;
    return {
      id: target.id,
      description: target.description,
      source: target.source,
      measure: target.measure,
      low: target.low,
      high: target.high,
      value,
      pass: rate >= target.low && rate <= target.high,
    };
  });
  return {
    constants: current,
    start,
    fits,
    loss: best,
    evaluations,
    runs,
    seed,
    pass: fits.every((f) => f.pass),
  };
}

/** The fit of given constants to the targets, without searching. */
export function checkCalibration(
  constants: ModelConstants,
  options: Omit<CalibrationOptions, 'start' | 'free'> = {},
): CalibrationReport {
  return calibrate({ ...options, start: constants, free: [] });
}
