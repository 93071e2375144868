/** The Kaplan–Meier estimate of a survival curve from right-censored times, with Greenwood's variance. */
import { InputError } from '../domain/input-error.js';
import { checkLevel } from './check-arguments.js';
import { criticalZ } from './critical-z.js';

/** One subject: how long it was followed, and whether that time ended in the event or was censored. */
export interface SurvivalObservation {
  readonly time: number;
  readonly event: boolean;
}

/** How the pointwise interval is built: on log(−log S), on log S (R's default), or on S itself. */
export const SURVIVAL_INTERVAL_SCALES = ['log-log', 'log', 'plain'] as const;
export type SurvivalIntervalScale = (typeof SURVIVAL_INTERVAL_SCALES)[number];

export interface KaplanMeierOptions {
  readonly level?: number;
  readonly scale?: SurvivalIntervalScale;
}

/** The curve at one distinct time at which an event or a censoring happened. */
export interface SurvivalStep {
  readonly time: number;
  readonly atRisk: number;
  readonly events: number;
  readonly censored: number;
  readonly survival: number;
  /** The standard error of log S (Greenwood), as R's survfit reports it for the log scale. */
  readonly stdErrLog: number;
  readonly lower: number;
  readonly upper: number;
}

export interface MedianSurvival {
  /** undefined while the curve has not fallen to one half. */
  readonly time: number | undefined;
  readonly lower: number | undefined;
  readonly upper: number | undefined;
}

export interface KaplanMeierResult {
  readonly n: number;
  readonly events: number;
  readonly level: number;
  readonly scale: SurvivalIntervalScale;
  readonly steps: readonly SurvivalStep[];
  readonly median: MedianSurvival;
}

function checkObservations(observations: readonly SurvivalObservation[]): void {
  if (observations.length === 0)
    throw new InputError({ field: 'observations', value: '0', message: 'a survival curve needs subjects' });
  observations.forEach((o, i) => {
    if (!(Number.isFinite(o.time) && o.time >= 0))
      throw new InputError({
        field: `observations[${i}].time`,
        value: String(o.time),
        message: 'a time must be a finite number, zero or more',
      });
  });
}

/** The pointwise interval for S with standard error `se` of log S, clipped to [0, 1]. */
function interval(s: number, se: number, z: number, scale: SurvivalIntervalScale): [number, number] {
  // At S = 0 the interval is undefined (R: NA), as is Greenwood's variance on the log scale.
  if (s === 0) return [Number.NaN, Number.NaN];
  if (!Number.isFinite(se)) return [Number.NaN, Number.NaN];
  if (scale === 'plain') return [Math.max(0, s - z * se * s), Math.min(1, s + z * se * s)];
  if (scale === 'log') return [s * Math.exp(-z * se), Math.min(1, s * Math.exp(z * se))];
  // log(−log S) has standard error se / |log S|; at S = 1 it is undefined, and so are the bounds (R: NA).
  if (s === 1) return [Number.NaN, Number.NaN];
  const width = (z * se) / Math.log(s);
  return [s ** Math.exp(-width), s ** Math.exp(width)];
}

/**
 * The first time at which `curve` falls to one half or below; where it sits exactly at one half over an
 * interval, the middle of that interval (R's `quantile.survfit` convention).
 */
function crossing(times: readonly number[], curve: readonly number[]): number | undefined {
  const eps = 1e-10;
  for (let i = 0; i < curve.length; i++) {
    const value = curve[i] as number;
    if (Math.abs(value - 0.5) < eps) {
      const next = times.slice(i + 1).find((_, j) => (curve[i + 1 + j] as number) < 0.5 - eps);
      return next === undefined ? (times[i] as number) : ((times[i] as number) + next) / 2;
    }
    if (value < 0.5) return times[i] as number;
  }
  return undefined;
}

/**
 * Kaplan (1958) and Meier's product-limit estimate S(t) = Π (1 − dᵢ/nᵢ) over the event times up to t, with
 * Greenwood's (1926) variance of log S, Σ dᵢ / (nᵢ(nᵢ − dᵢ)), and a pointwise interval on the chosen scale;
 * the curve, standard errors and bounds R's `survfit(Surv(time, event) ~ 1, conf.type = scale)` reports, and
 * its median with the limits where the interval's bounds cross one half.
 *
 * @see https://en.wikipedia.org/wiki/Kaplan%E2%80%93Meier_estimator
 * @example
 * kaplanMeier([{ time: 2, event: true }, { time: 3, event: false }, { time: 5, event: true }]).steps[0].survival; // 2/3
 */
export function kaplanMeier(
  observations: readonly SurvivalObservation[],
  options: KaplanMeierOptions = {},
): KaplanMeierResult {
  checkObservations(observations);
  const level = options.level ?? 0.95;
  const scale = options.scale ?? 'log';
  checkLevel(level);
  const z = criticalZ(level);
  const times = [...new Set(observations.map((o) => o.time))].sort((a, b) => a - b);
  let atRisk = observations.length;
  let survival = 1;
  let greenwood = 0;
  const steps: SurvivalStep[] = [];
  for (const time of times) {
    const here = observations.filter((o) => o.time === time);
    const events = here.filter((o) => o.event).length;
    const censored = here.length - events;
    if (events > 0) {
      survival *= 1 - events / atRisk;
      greenwood =
        atRisk === events ? Number.POSITIVE_INFINITY : greenwood + events / (atRisk * (atRisk - events));
    }
    const stdErrLog = Math.sqrt(greenwood);
    const [lower, upper] = interval(survival, stdErrLog, z, scale);
    steps.push({ time, atRisk, events, censored, survival, stdErrLog, lower, upper });
    atRisk -= here.length;
  }
  // The lower bound falls to one half first, which gives the median's lower limit; the upper bound, later.
  // Points where a bound is undefined (S = 1 on the log-log scale, S = 0) are left out, as R leaves them.
  const boundCrossing = (bound: (s: SurvivalStep) => number) => {
    const defined = steps.filter((s) => !Number.isNaN(bound(s)));
    return crossing(
      defined.map((s) => s.time),
      defined.map(bound),
    );
  };
  const median: MedianSurvival = {
    time: crossing(
      steps.map((s) => s.time),
      steps.map((s) => s.survival),
    ),
    lower: boundCrossing((s) => s.lower),
    upper: boundCrossing((s) => s.upper),
  };

  return {
    n: observations.length,
    events: observations.filter((o) => o.event).length,
    level,
    scale,
    steps,
    median,
  };
}

/** S(t): the curve's value at any time, 1 before the first step. */
export function survivalAt(result: KaplanMeierResult, time: number): number {
  let value = 1;
  for (const step of result.steps) {
    if (step.time > time) break;
    value = step.survival;
  }
  return value;
}
