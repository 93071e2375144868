/** Indicators computed alike from any case, so that cases can be set side by side as more are traced. */
import { type Case, type CaseEvent, type CaseTag, yearOf } from '../domain/index.js';
import { type DateOrder, orderOfDates } from './case-date.js';

/** Events with a tag, split by where they fall against the proxy's ascent to power. */
export interface TagAroundAscent {
  readonly before: number;
  /** Dated too coarsely to place: the same year as the ascent, given without month (or month without day). */
  readonly same: number;
  readonly after: number;
}

export interface CaseIndicators {
  readonly events: number;
  readonly sources: number;
  readonly ascentYear: number | null;
  readonly breakYear: number | null;
  /** Break year minus ascent year; null when the proxy never took power or never broke away. */
  readonly yearsAscentToBreak: number | null;
  readonly grievance: TagAroundAscent | null;
  readonly support: TagAroundAscent | null;
  readonly concession: TagAroundAscent | null;
  /** Support events before the ascent over all support events that can be placed; null without either. */
  readonly supportShareBeforeAscent: number | null;
}

function eventById(c: Case, id: string | null): CaseEvent | undefined {
  return id === null ? undefined : c.events.find((e) => e.id === id);
}

function aroundAscent(c: Case, ascent: CaseEvent, tag: CaseTag): TagAroundAscent {
  const tally: Record<DateOrder, number> = { before: 0, same: 0, after: 0 };
  for (const event of c.events) {
    if (event.id === ascent.id || !event.tags.includes(tag)) continue;
    tally[orderOfDates(event.date, ascent.date)] += 1;
  }
  return { before: tally.before, same: tally.same, after: tally.after };
}

/**
 * @example caseIndicators(sovietCcp).yearsAscentToBreak // 9 (1949 to 1958)
 */
export function caseIndicators(c: Case): CaseIndicators {
  const ascent = eventById(c, c.ascent);
  const rupture = eventById(c, c.break);
  const ascentYear = ascent !== undefined ? yearOf(ascent.date) : null;
  const breakYear = rupture !== undefined ? yearOf(rupture.date) : null;
  const support = ascent !== undefined ? aroundAscent(c, ascent, 'support-given') : null;
  const placed = support !== null ? support.before + support.after : 0;
  return {
    events: c.events.length,
    sources: c.events.reduce((n, e) => n + e.sources.length, 0),
    ascentYear,
    breakYear,
    yearsAscentToBreak: ascentYear !== null && breakYear !== null ? breakYear - ascentYear : null,
    grievance: ascent !== undefined ? aroundAscent(c, ascent, 'grievance') : null,
    support,
    concession: ascent !== undefined ? aroundAscent(c, ascent, 'concession') : null,
    supportShareBeforeAscent: support !== null && placed > 0 ? support.before / placed : null,
  };
}
