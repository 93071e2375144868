/**
 * Calibration targets on levels 2 and 3, drawn from the record: how often a proxy that won kept the sponsor's
 * payoff, how many defected within ten years of taking power (Kaplan–Meier, censored), and how many covert
 * operations were exposed, by the target's class where the record has enough of each. Each target's band is
 * the 95 % interval of the record's figure, so that a model inside it is not told apart from the record.
 */
import { type Episode, percent } from '../domain/index.js';
import { episodeSurvival, wilsonInterval } from '../stats/index.js';
import type { CalibrationTarget } from './calibrate.js';

/** The struggle scenario a target class is compared at: the targetPower model.md gives for a minor and a major power. */
const SCENARIOS = {
  'minor-power': { mode: 'struggle', side: 'challenger', targetPower: 0.3 },
  'major-power': { mode: 'struggle', side: 'challenger', targetPower: 0.8 },
} as const;

/** A target with the record's count behind it. */
export interface RecordTarget extends CalibrationTarget {
  readonly count: number;
  readonly n: number;
  readonly rate: number;
}

/** Fewer episodes than this in a class give a band too wide to say anything; the class is left out. */
const MIN_EPISODES = 5;

/**
 * The record's level-2/3 targets. `version` names the release in each target's source.
 *
 * @example
 * recordCalibrationTargets(bundled.episodes, '2026.12.3').map((t) => t.id)
 * // ['payoff-kept-minor-power', 'defected-10y-minor-power', 'exposed-minor-power', 'exposed-major-power', …]
 */
export function recordCalibrationTargets(episodes: readonly Episode[], version: string): RecordTarget[] {
  const targets: RecordTarget[] = [];
  for (const targetClass of ['minor-power', 'major-power'] as const) {
    const inClass = episodes.filter((e) => e.targetClass === targetClass);
    const scenario = SCENARIOS[targetClass];
    const where = `record ${version}, ${targetClass} targets`;

    const won = inClass.filter(
      (e) => (e.proxyOutcome === 'won' || e.proxyOutcome === 'partial') && e.payoff !== 'unknown',
    );
    const kept = won.filter((e) => e.payoff === 'kept').length;
    if (won.length >= MIN_EPISODES) {
      const ci = wilsonInterval(kept, won.length);
      targets.push({
        id: `payoff-kept-${targetClass}`,
        description: `struggle, challenger, P = ${scenario.targetPower}: the proxy that took power still aligned at the horizon`,
        source: `${where}: ${kept} of ${won.length} proxies that won kept the payoff (${percent(kept / won.length)})`,
        scenario,
        measure: 'alignedAtHorizonGivenAscent',
        low: ci.lower,
        high: ci.upper,
        count: kept,
        n: won.length,
        rate: kept / won.length,
      });
    }

    const inPower = inClass.filter((e) => e.proxyOutcome === 'won' || e.proxyOutcome === 'partial');
    if (inPower.length >= MIN_EPISODES) {
      const survival = episodeSurvival(inClass, { horizons: [10] });
      const group = survival.groups[0];
      const at10 = group?.at[0];
      if (group !== undefined && at10 !== undefined && group.subjects.length >= MIN_EPISODES) {
        const events = group.subjects.filter((s) => s.event && s.time <= 10).length;
        // 1 − S(10), its interval the complement of S's.
        const low = Number.isNaN(at10.upper) ? 1 - at10.survival : 1 - at10.upper;
        const high = Number.isNaN(at10.lower) ? 1 - at10.survival : 1 - at10.lower;
        targets.push({
          id: `defected-10y-${targetClass}`,
          description: `struggle, challenger, P = ${scenario.targetPower}: the proxy defected within 10 years of taking power`,
          source: `${where}: Kaplan–Meier, ${events} defections within 10 years among ${group.subjects.length} proxies followed, 1 − S(10) = ${percent(1 - at10.survival)}`,
          scenario,
          measure: 'defectedWithin10YearsOfAscent',
          low,
          high,
          count: events,
          n: group.subjects.length,
          rate: 1 - at10.survival,
        });
      }
    }

    const covert = inClass.filter((e) => e.covert && e.exposed !== 'unknown');
    const exposed = covert.filter((e) => e.exposed === 'yes').length;
    if (covert.length >= MIN_EPISODES) {
      const ci = wilsonInterval(exposed, covert.length);
      targets.push({
        id: `exposed-${targetClass}`,
        description: `struggle, challenger, P = ${scenario.targetPower}: the covert operation was exposed`,
        source: `${where}: ${exposed} of ${covert.length} covert operations with a known exposure were exposed (${percent(exposed / covert.length)})`,
        scenario,
        measure: 'exposed',
        low: ci.lower,
        high: ci.upper,
        count: exposed,
        n: covert.length,
        rate: exposed / covert.length,
      });
    }
  }
  return targets;
}
