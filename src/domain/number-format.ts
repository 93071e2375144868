/**
 * How meddle writes numbers for people: shares as percentages, intervals, p-values. One module, so that the CLI,
 * the reports and the web app print a figure alike. Free of dependencies: the web app imports it directly.
 */

export interface PercentStyle {
  /** Decimals: a number, or `adaptive` (one decimal for a share between 0 and 1 %, else none). Default 0. */
  readonly digits?: number | 'adaptive';
  /** A space before the sign (`26 %`, the default) or none (`26%`, for dense tables). */
  readonly space?: boolean;
}

const isNumber = (x: number | null | undefined): x is number =>
  x !== null && x !== undefined && Number.isFinite(x);

/** A share (0–1) as a percentage: `percent(0.256)` is `26 %`; a missing or non-finite share is `—`. */
export function percent(share: number | null | undefined, style: PercentStyle = {}): string {
  if (!isNumber(share)) return '—';
  const digits = style.digits === 'adaptive' ? (share > 0 && share < 0.01 ? 1 : 0) : (style.digits ?? 0);
  return `${(100 * share).toFixed(digits)}${style.space === false ? '' : ' '}%`;
}

/** An interval of shares, `12–34 %`; empty when either end is missing. */
export const interval = (low: number | null | undefined, high: number | null | undefined): string =>
  low === null || low === undefined || high === null || high === undefined
    ? ''
    : `${(100 * low).toFixed(0)}–${(100 * high).toFixed(0)} %`;

/** A p-value to three decimals, `< 0.001` below that; `—` when missing. */
export const pValue = (p: number | null | undefined): string =>
  p === null || p === undefined ? '—' : p < 0.001 ? '< 0.001' : p.toFixed(3);

/** A number to `digits` decimals; `—` when missing or not finite. */
export const fixed = (x: number | null | undefined, digits = 2): string =>
  isNumber(x) ? x.toFixed(digits) : '—';
