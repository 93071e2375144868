/** The case's events in date order, each with its tags and the brief form of its sources. */
import type { Case, CaseEvent } from '../domain/index.js';
import { compareDates } from './case-date.js';
import { shortCitation } from './short-citation.js';

export interface TimelineEntry {
  readonly event: CaseEvent;
  /** The brief citations of the event's sources, in the order the file gives them. */
  readonly citations: readonly string[];
}

/** Events sorted by date; events on the same date keep the order of the file (the sort is stable). */
export function caseTimeline(c: Case): TimelineEntry[] {
  return [...c.events]
    .sort((a, b) => compareDates(a.date, b.date))
    .map((event) => ({ event, citations: event.sources.map(shortCitation) }));
}
