import { describe, expect, it } from 'vitest';
import type { Episode } from '../domain/index.js';
import { loadBundledRecord } from '../store/bundled-data.js';
import { tabulateEpisodes } from './episode-table.js';

const { episodes } = loadBundledRecord();

describe('tabulateEpisodes', () => {
  it('shows the unknowns but leaves them out of the tests, saying so, unless asked to include them', () => {
    const electoral = episodes.filter((e) => e.kind === 'electoral');
    const result = tabulateEpisodes(electoral, 'proxyOutcome', 'side');
    const unknown = electoral.filter((e) => e.proxyOutcome === 'unknown' || e.side === 'unknown').length;
    expect(result.table.rowLevels).toContain('unknown');
    expect(result.unknown).toEqual({
      episodes: unknown,
      share: unknown / electoral.length,
      leftOutOfTests: true,
    });
    const known = result.table.rowLevels.filter((l) => l !== 'unknown').length;
    expect(result.association.tested.length).toBe(known);
    expect(result.association.notes.join(' ')).toContain(`leave out the ${unknown} episodes coded unknown`);
    // One sensitivity line per known outcome the unknowns could have been.
    expect(result.sensitivity.map((s) => s.as)).toEqual(
      result.table.rowLevels.filter((l) => l !== 'unknown'),
    );
    const all = tabulateEpisodes(electoral, 'proxyOutcome', 'side', { includeUnknown: true });
    expect(all.association.tested.length).toBe(result.table.rowLevels.length);
    expect(all.unknown.leftOutOfTests).toBe(false);
    expect(all.sensitivity).toEqual([]);
  });

  it('counts proxyOutcome by side among electoral episodes as a plain count does', () => {
    const electoral = episodes.filter((e) => e.kind === 'electoral');
    const result = tabulateEpisodes(electoral, 'proxyOutcome', 'side');
    // The independent count: one pass over the episodes, no table code.
    const expected = new Map<string, number>();
    for (const e of electoral)
      expected.set(`${e.proxyOutcome}|${e.side}`, (expected.get(`${e.proxyOutcome}|${e.side}`) ?? 0) + 1);
    for (const [i, row] of result.table.rowLevels.entries()) {
      for (const [j, column] of result.table.columnLevels.entries()) {
        expect(result.table.counts[i]?.[j], `${row} × ${column}`).toBe(expected.get(`${row}|${column}`) ?? 0);
      }
    }
    expect(result.table.total).toBe(electoral.length);
    expect([...expected.values()].reduce((a, b) => a + b, 0)).toBe(result.table.total);
  });

  it('applies exclusion rules in order and reports what each removed', () => {
    const result = tabulateEpisodes(episodes, 'proxyOutcome', 'side', {
      exclude: ['unknown-outcome', 'post-2000'],
    });
    const unknown = episodes.filter((e) => e.proxyOutcome === 'unknown').length;
    const later = episodes.filter((e) => e.proxyOutcome !== 'unknown' && e.startYear > 2000).length;
    expect(result.exclusions.map((x) => [x.rule, x.removed])).toEqual([
      ['unknown-outcome', unknown],
      ['post-2000', later],
    ]);
    expect(result.episodes).toBe(episodes.length - unknown - later);
    expect(result.table.rowLevels).not.toContain('unknown');
  });

  it('keeps codebook order and gives shares of each column with Wilson intervals', () => {
    const sample = [
      { proxyOutcome: 'won', side: 'incumbent' },
      { proxyOutcome: 'won', side: 'incumbent' },
      { proxyOutcome: 'lost', side: 'incumbent' },
      { proxyOutcome: 'lost', side: 'challenger' },
    ] as unknown as Episode[];
    const { table, association } = tabulateEpisodes(sample, 'proxyOutcome', 'side');
    expect(table.rowLevels).toEqual(['won', 'lost']);
    expect(table.columnLevels).toEqual(['incumbent', 'challenger']);
    expect(table.counts).toEqual([
      [2, 0],
      [1, 1],
    ]);
    expect(table.columnShares[0]?.[0]?.estimate).toBeCloseTo(2 / 3, 12);
    expect(table.columnShares[0]?.[0]?.interval.method).toBe('wilson');
    expect(association.fisher?.method).toBe('fisher-exact');
  });

  it('refuses tests on list fields, which count an episode once per value', () => {
    const result = tabulateEpisodes(episodes, 'means', 'side');
    expect(result.multiValued).toBe(true);
    expect(result.association.chiSquare).toBeNull();
  });
});
