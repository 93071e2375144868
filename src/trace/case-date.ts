/** Orders the partial dates of case events (`1921`, `1927-07`, `1945-08-14`) without inventing precision. */

/** Where one date falls against another, at the precision both share; `same` when that precision cannot tell. */
export type DateOrder = 'before' | 'same' | 'after';

/**
 * Compares two case dates at their common precision: `1949` against `1949-10-01` is `same` (the year cannot say
 * which came first), `1949-12` against `1949-10-01` is `after`.
 *
 * @example orderOfDates('1927-04-12', '1927') // 'same'
 */
export function orderOfDates(date: string, reference: string): DateOrder {
  const length = Math.min(date.length, reference.length);
  const a = date.slice(0, length);
  const b = reference.slice(0, length);
  return a < b ? 'before' : a > b ? 'after' : 'same';
}

/**
 * A total order for display: earlier first, and a date given only as a year before the dated days within it, as
 * a chronicle lists a year's general remarks before its dated entries. ISO text sorts this way as it stands.
 */
export function compareDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
