/** Number formats shared by the pages: percentages, intervals and p-values as the CLI prints them. */

export const percent = (x: number | null | undefined, digits = 0): string =>
  x === null || x === undefined || !Number.isFinite(x) ? '—' : `${(100 * x).toFixed(digits)} %`;

export const interval = (low: number | null | undefined, high: number | null | undefined): string =>
  low === null || low === undefined || high === null || high === undefined
    ? ''
    : `${(100 * low).toFixed(0)}–${(100 * high).toFixed(0)} %`;

export const pValue = (p: number | null | undefined): string =>
  p === null || p === undefined ? '—' : p < 0.001 ? '< 0.001' : p.toFixed(3);

export const fixed = (x: number | null | undefined, digits = 2): string =>
  x === null || x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(digits);
