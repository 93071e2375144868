/** The arc of leverage and grievance over a case: mechanism counts per span of years, with running balances. */
import { CASE_TAGS, type Case, type CaseTag, yearOf } from '../domain/index.js';

export interface ArcSpan {
  /** First and last year of the span, both included. */
  readonly from: number;
  readonly to: number;
  /** Events in the span carrying each tag (an event with two tags counts under both). */
  readonly counts: Readonly<Record<CaseTag, number>>;
  /**
   * Leverage exercised minus leverage lost minus defections in the span. Support given is left out on purpose:
   * the article's point is that support buys leverage only until the proxy no longer needs it, so counting it as
   * leverage would assume the conclusion.
   */
  readonly leverage: number;
  /** The running sum of `leverage` from the first span to this one. */
  readonly leverageToDate: number;
  readonly grievance: number;
  readonly grievanceToDate: number;
}

function zeroCounts(): Record<CaseTag, number> {
  return Object.fromEntries(CASE_TAGS.map((t) => [t, 0])) as Record<CaseTag, number>;
}

/**
 * Buckets events by the year they start in, in spans of `width` years from the first year of the case's period;
 * the last span is cut at the period's end.
 *
 * @example mechanismArc(sovietCcp, 10)[0] // { from: 1912, to: 1921, counts: {...}, leverage: 0, ... }
 */
export function mechanismArc(c: Case, width = 5): ArcSpan[] {
  if (!Number.isInteger(width) || width < 1)
    throw new RangeError(`span width must be a whole number ≥ 1, got ${width}`);
  const spans: ArcSpan[] = [];
  let leverageToDate = 0;
  let grievanceToDate = 0;
  for (let from = c.period.from; from <= c.period.to; from += width) {
    const to = Math.min(from + width - 1, c.period.to);
    const counts = zeroCounts();
    for (const event of c.events) {
      const year = yearOf(event.date);
      if (year < from || year > to) continue;
      for (const tag of event.tags) counts[tag] += 1;
    }
    const leverage = counts['leverage-exercised'] - counts['leverage-lost'] - counts.defection;
    leverageToDate += leverage;
    grievanceToDate += counts.grievance;
    spans.push({ from, to, counts, leverage, leverageToDate, grievance: counts.grievance, grievanceToDate });
  }
  return spans;
}
