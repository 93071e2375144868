/** Checks a published table's arithmetic: totals, margins and printed percentages, and the intervals its shares should carry. */
import type { ConfidenceInterval } from './confidence-interval.js';
import { wilsonInterval } from './wilson-interval.js';

/** One printed row: its counts, and the percentages printed beside them, keyed by column id. */
export interface PublishedRow {
  readonly label: string;
  readonly counts: Readonly<Record<string, number>>;
  readonly percent?: Readonly<Record<string, number>>;
}

/** A cross-tabulation as printed: category rows, group columns, optional printed totals. */
export interface PublishedTable {
  readonly title?: string;
  readonly source?: string;
  /** Ids of the component columns, in print order, without the total column. */
  readonly columns: readonly string[];
  /** Id of the printed total column, if the table has one. */
  readonly totalColumn?: string;
  /** Printed headings by column id; the id is used where none is given. */
  readonly labels?: Readonly<Record<string, string>>;
  /** Whose total each percentage is a share of: its column's, its row's, or the grand total. */
  readonly shareOf: 'column' | 'row' | 'grand';
  /** Decimals the percentages are printed with (0 for whole per cents). */
  readonly shareDecimals: number;
  readonly rows: readonly PublishedRow[];
  /** The printed row of totals, if any. */
  readonly totalRow?: PublishedRow;
}

interface FaultPlace {
  readonly row: string;
  /** Column id. */
  readonly column: string;
  readonly message: string;
}

/** A faulty sum: a printed total that is not the sum of its parts. */
export interface TotalFault extends FaultPlace {
  readonly kind: 'row-total' | 'column-total';
  readonly printed: number;
  readonly sum: number;
  readonly parts: readonly number[];
}

/** A printed percentage that its count and base do not round to. */
export interface ShareFault extends FaultPlace {
  readonly kind: 'share';
  readonly printed: number;
  /** count/base × 100, unrounded. */
  readonly exact: number;
  /** The exact share rounded to the printed decimals. */
  readonly expected: number;
  readonly count: number;
  readonly base: number;
}

/** A column (or row) of percentages whose sum strays from 100 by more than rounding allows. */
export interface ShareSumFault extends FaultPlace {
  readonly kind: 'share-sum';
  readonly sum: number;
  readonly slack: number;
}

export type TableFault = TotalFault | ShareFault | ShareSumFault;

/** A printed share beside what its counts support, with the interval it should have carried. */
export interface ShareCheck {
  readonly row: string;
  readonly column: string;
  readonly count: number;
  readonly base: number;
  readonly printed: number | undefined;
  /** count/base × 100. */
  readonly exact: number;
  /** Wilson 95 % interval, in per cent. */
  readonly interval: ConfidenceInterval;
}

export interface TableCheck {
  readonly faults: readonly TableFault[];
  readonly shares: readonly ShareCheck[];
}

// A printed figure of d decimals stands for any value within half a unit of its last digit; the small extra
// absorbs binary rounding so that 38.5 printed as 38.5 never counts as a fault.
const EPSILON = 1e-9;

/**
 * Every total, margin and percentage of `table` that does not add up, in print order, and each share with
 * the Wilson 95 % interval its count and base give. A printed total is compared with the sum of its printed
 * parts; a percentage with its count over the printed base (the printed total when there is one), rounded
 * to the printed decimals; and percentages that should sum to 100 with 100, allowing half a unit of
 * rounding per term.
 *
 * @example
 * checkTable(table2).faults.map((fault) => fault.message);
 * // ['Electoral victory, All electoral interferences: printed 67, but 40 + 25 = 65', …]
 */
export function checkTable(table: PublishedTable): TableCheck {
  const faults: TableFault[] = [];
  const label = (column: string) => table.labels?.[column] ?? column;
  const allColumns = table.totalColumn === undefined ? table.columns : [table.totalColumn, ...table.columns];
  const allRows = table.totalRow === undefined ? table.rows : [...table.rows, table.totalRow];

  if (table.totalColumn !== undefined) {
    for (const row of allRows) {
      const printed = row.counts[table.totalColumn];
      const parts = table.columns.map((column) => row.counts[column]);
      if (printed !== undefined && parts.every((p) => p !== undefined)) {
        const sum = sumOf(parts as number[]);
        if (sum !== printed) {
          faults.push({
            kind: 'row-total',
            row: row.label,
            column: table.totalColumn,
            printed,
            sum,
            parts: parts as number[],
            message: `${row.label}, ${label(table.totalColumn)}: printed ${printed}, but ${(parts as number[]).join(' + ')} = ${sum}`,
          });
        }
      }
    }
  }
  if (table.totalRow !== undefined) {
    const totalRow = table.totalRow;
    for (const column of allColumns) {
      const printed = totalRow.counts[column];
      const parts = table.rows.map((row) => row.counts[column]);
      if (printed !== undefined && parts.every((p) => p !== undefined)) {
        const sum = sumOf(parts as number[]);
        if (sum !== printed) {
          faults.push({
            kind: 'column-total',
            row: totalRow.label,
            column,
            printed,
            sum,
            parts: parts as number[],
            message: `${totalRow.label}, ${label(column)}: printed ${printed}, but ${(parts as number[]).join(' + ')} = ${sum}`,
          });
        }
      }
    }
  }

  const baseOf = (row: PublishedRow, column: string): number | undefined => {
    const sumOver = (cells: readonly (number | undefined)[]) =>
      cells.every((c) => c !== undefined) ? sumOf(cells as number[]) : undefined;
    switch (table.shareOf) {
      case 'column':
        return table.totalRow?.counts[column] ?? sumOver(table.rows.map((r) => r.counts[column]));
      case 'row':
        return (
          (table.totalColumn === undefined ? undefined : row.counts[table.totalColumn]) ??
          sumOver(table.columns.map((c) => row.counts[c]))
        );
      case 'grand': {
        const printed =
          table.totalColumn === undefined ? undefined : table.totalRow?.counts[table.totalColumn];
        return printed ?? sumOver(table.rows.flatMap((r) => table.columns.map((c) => r.counts[c])));
      }
    }
  };

  const shares: ShareCheck[] = [];
  const unit = 10 ** -table.shareDecimals;
  for (const row of allRows) {
    for (const column of allColumns) {
      const count = row.counts[column];
      const base = baseOf(row, column);
      if (count === undefined || base === undefined || base === 0 || count > base) continue;
      const exact = (100 * count) / base;
      const printed = row.percent?.[column];
      const wilson = wilsonInterval(count, base);
      shares.push({
        row: row.label,
        column,
        count,
        base,
        printed,
        exact,
        interval: { ...wilson, lower: 100 * wilson.lower, upper: 100 * wilson.upper },
      });
      if (printed !== undefined && Math.abs(printed - exact) > unit / 2 + EPSILON) {
        const expected = roundTo(exact, table.shareDecimals);
        const truncated = Math.trunc(exact / unit) * unit;
        const note = Math.abs(truncated - printed) < EPSILON ? ' (truncated rather than rounded)' : '';
        faults.push({
          kind: 'share',
          row: row.label,
          column,
          printed,
          exact,
          expected,
          count,
          base,
          message:
            `${row.label}, ${label(column)}: printed ${printed} %, but ${count}/${base} = ` +
            `${exact.toFixed(table.shareDecimals + 1)} %, which rounds to ${expected.toFixed(table.shareDecimals)} %${note}`,
        });
      }
    }
  }

  // Percentages over the rows of a column (or the columns of a row) should make 100, up to rounding.
  const groups: { row: string; column: string; values: (number | undefined)[] }[] =
    table.shareOf === 'column'
      ? allColumns.map((column) => ({ row: '', column, values: table.rows.map((r) => r.percent?.[column]) }))
      : table.shareOf === 'row'
        ? allRows.map((r) => ({ row: r.label, column: '', values: table.columns.map((c) => r.percent?.[c]) }))
        : [];
  for (const group of groups) {
    if (!group.values.every((v) => v !== undefined)) continue;
    const sum = sumOf(group.values as number[]);
    const slack = (group.values.length * unit) / 2;
    if (Math.abs(sum - 100) > slack + EPSILON) {
      const where = group.row === '' ? label(group.column) : group.row;
      faults.push({
        kind: 'share-sum',
        row: group.row,
        column: group.column,
        sum: roundTo(sum, table.shareDecimals),
        slack,
        message: `${where}: percentages sum to ${roundTo(sum, table.shareDecimals)}, more than rounding (±${slack}) allows from 100`,
      });
    }
  }
  return { faults, shares };
}

function sumOf(values: readonly number[]): number {
  return values.reduce((s, x) => s + x, 0);
}

function roundTo(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}
