import { describe, expect, it } from 'vitest';
import { checkTable, type PublishedTable } from './check-table.js';
import { wilsonInterval } from './wilson-interval.js';

// The article's Table 2 as printed (data/published/istomin-table-2.yaml holds the same in the file format).
const table2: PublishedTable = {
  title: 'Outcomes of electoral interference, 1946–2000',
  columns: ['incumbents', 'challengers'],
  totalColumn: 'all',
  labels: {
    all: 'All electoral interferences',
    incumbents: 'Assistance to incumbents',
    challengers: 'Assistance to challengers',
  },
  shareOf: 'column',
  shareDecimals: 0,
  rows: [
    {
      label: 'Electoral victory',
      counts: { all: 67, incumbents: 40, challengers: 25 },
      percent: { all: 58, incumbents: 80, challengers: 38 },
    },
    {
      label: 'Electoral loss',
      counts: { all: 48, incumbents: 10, challengers: 40 },
      percent: { all: 42, incumbents: 20, challengers: 61 },
    },
  ],
  totalRow: { label: 'All cases', counts: { all: 115, incumbents: 50, challengers: 65 } },
};

describe('checkTable', () => {
  it("finds exactly Table 2's three faults: two row totals and the challengers' loss share", () => {
    expect(checkTable(table2).faults.map((fault) => fault.message)).toMatchInlineSnapshot(`
      [
        "Electoral victory, All electoral interferences: printed 67, but 40 + 25 = 65",
        "Electoral loss, All electoral interferences: printed 48, but 10 + 40 = 50",
        "Electoral loss, Assistance to challengers: printed 61 %, but 40/65 = 61.5 %, which rounds to 62 % (truncated rather than rounded)",
      ]
    `);
  });

  it('gives each share of Table 2 its Wilson 95 % interval, in per cent', () => {
    const { shares } = checkTable(table2);
    const loss = shares.find((s) => s.row === 'Electoral loss' && s.column === 'challengers');
    const wilson = wilsonInterval(40, 65);
    expect(loss).toMatchObject({ count: 40, base: 65, printed: 61, exact: (100 * 40) / 65 });
    expect(loss?.interval.lower).toBeCloseTo(100 * wilson.lower, 12);
    expect(loss?.interval.upper).toBeCloseTo(100 * wilson.upper, 12);
    // 2 rows × 3 columns of shares, plus the total row's 100 % shares.
    expect(shares).toHaveLength(9);
  });

  it('accepts shares that round correctly and 38 + 61 = 99, within the rounding of two terms', () => {
    const faults = checkTable(table2).faults;
    expect(faults.filter((f) => f.kind === 'share-sum')).toEqual([]);
    expect(faults.filter((f) => f.kind === 'column-total')).toEqual([]);
  });

  it('reports a total row that is not the sum of the rows', () => {
    const faults = checkTable({
      ...table2,
      rows: table2.rows.map((row) => ({ label: row.label, counts: row.counts })),
      totalRow: { label: 'All cases', counts: { all: 115, incumbents: 52, challengers: 65 } },
    }).faults;
    expect(faults.map((f) => [f.kind, f.column])).toEqual([
      ['row-total', 'all'],
      ['row-total', 'all'],
      ['row-total', 'all'],
      ['column-total', 'incumbents'],
    ]);
  });

  it('checks row shares against the row total and flags percentages that cannot sum to 100', () => {
    const faults = checkTable({
      columns: ['yes', 'no'],
      totalColumn: 'all',
      shareOf: 'row',
      shareDecimals: 1,
      rows: [
        { label: 'Soviet Union', counts: { all: 40, yes: 10, no: 30 }, percent: { yes: 25.0, no: 80.0 } },
      ],
    }).faults;
    expect(faults.map((f) => f.kind)).toEqual(['share', 'share-sum']);
  });
});
