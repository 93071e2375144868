/** Argument checks shared by the statistics: bad counts and levels are the user's to fix, so they are InputErrors. */
import { InputError } from '../domain/input-error.js';

/** A confidence level strictly between 0 and 1 (0.95, not 95). */
export function checkLevel(level: number, field = 'level'): void {
  if (!(level > 0 && level < 1)) {
    throw new InputError({
      field,
      value: String(level),
      message: 'confidence level must lie strictly between 0 and 1',
      hint: 'write 0.95 for 95 %',
    });
  }
}

/** A count: a finite non-negative integer. */
export function checkCount(count: number, field: string): void {
  if (!(Number.isInteger(count) && count >= 0)) {
    throw new InputError({ field, value: String(count), message: 'a count must be a non-negative integer' });
  }
}

/** k successes out of n trials, with at least one trial: a proportion of nothing has no interval. */
export function checkSuccesses(k: number, n: number, kField = 'k', nField = 'n'): void {
  checkCount(k, kField);
  checkCount(n, nField);
  if (n === 0)
    throw new InputError({ field: nField, value: '0', message: 'a proportion needs at least one trial' });
  if (k > n) {
    throw new InputError({ field: kField, value: String(k), message: `successes exceed the ${n} trials` });
  }
}

/** A contingency table: at least `minRows` × `minColumns`, rectangular, of counts. */
export function checkTable(table: readonly (readonly number[])[], minRows = 2, minColumns = 2): void {
  const columns = table[0]?.length ?? 0;
  if (table.length < minRows || columns < minColumns) {
    throw new InputError({
      field: 'table',
      message: `a contingency table needs at least ${minRows} rows and ${minColumns} columns`,
    });
  }
  table.forEach((row, i) => {
    if (row.length !== columns) {
      throw new InputError({
        field: `table[${i}]`,
        message: `row has ${row.length} cells, expected ${columns}`,
      });
    }
    row.forEach((count, j) => {
      checkCount(count, `table[${i}][${j}]`);
    });
  });
}
