/**
 * Guards CSV cells against formula injection (OWASP): a spreadsheet runs a cell that begins with `=`, `+`, `-`,
 * `@`, a tab or a carriage return as a formula, so such a cell is written with a leading `'`, which spreadsheets
 * show as text. Reading undoes it, so that an export imports back unchanged.
 */

/** A cell a spreadsheet would run, or one that already begins with the guard and so must keep its own `'`. */
const GUARDED = /^'*[=+\-@\t\r]/;

/** The cell as written to CSV for people: a would-be formula gets a leading `'`. */
export const neutraliseCsvCell = (cell: string): string => (GUARDED.test(cell) ? `'${cell}` : cell);

/** The cell as read back: the `'` that neutraliseCsvCell added is taken off, and only that one. */
export const restoreCsvCell = (cell: string): string =>
  cell.startsWith("'") && GUARDED.test(cell.slice(1)) ? cell.slice(1) : cell;
