import { describe, expect, it } from 'vitest';
import type { Episode } from '../domain/index.js';
import type { PublishedResult } from './published-result.js';
import { replicatePublished } from './replicate-published.js';

const episode = (id: string, extra: Partial<Episode>) =>
  ({
    id,
    interferer: 2,
    startYear: 1960,
    side: 'incumbent',
    proxyOutcome: 'won',
    ...extra,
  }) as unknown as Episode;
const record = [
  episode('a', {}),
  episode('b', { proxyOutcome: 'lost' }),
  episode('c', { proxyOutcome: 'lost', side: 'challenger' }),
  episode('d', { proxyOutcome: 'unknown' }),
  episode('e', { interferer: 365 }),
  episode('old', { startYear: 1940 }),
];
const inWindow = (e: Episode) => e.startYear >= 1946;
const sources = { a: 'Author 2018' };

describe('replicatePublished', () => {
  it('sets a published rate beside the record’s, with the Wilson interval, leaving out what falls outside the base', () => {
    const result: PublishedResult = {
      kind: 'rate',
      id: 'r',
      title: 't',
      quantity: 'q',
      sources,
      figures: [{ source: 'a', count: 1, of: 4 }],
    };
    const replication = replicatePublished(
      result,
      {
        universe: (e) => inWindow(e) && e.interferer === 2,
        outcome: {
          field: 'proxyOutcome',
          counts: (e) => e.proxyOutcome === 'won',
          base: (e) => e.proxyOutcome === 'won' || e.proxyOutcome === 'lost',
        },
      },
      record,
    );
    expect(replication.universe).toBe(4);
    expect(replication.lines.map((l) => [l.figure, l.published, l.ours, l.difference])).toEqual([
      ['base (Author 2018)', '4', '4', 0],
      ['share (Author 2018)', '1 of 4', '1 of 3', 8.3],
    ]);
    expect(replication.lines[1]?.share).toEqual({
      published: 25,
      ours: 33.3,
      lower: 6.1,
      upper: 79.2,
      inside: true,
    });
    expect(replication.notes).toEqual([
      '1 episode of the universe left out of the base, its proxyOutcome outside it',
    ]);
  });

  it('counts parts by their groups, and says so where the record cannot give the figure at all', () => {
    const parts: PublishedResult = {
      kind: 'parts',
      id: 'p',
      title: 't',
      sources,
      total: { source: 'a', count: 10 },
      parts: [
        { id: 'us', label: 'US', source: 'a', count: 7 },
        { id: 'su', label: 'USSR', source: 'a', count: 3 },
      ],
    };
    const groups = [
      { id: 'us', test: (e: Episode) => e.interferer === 2 },
      { id: 'su', test: (e: Episode) => e.interferer === 365 },
    ];
    const replication = replicatePublished(
      parts,
      { universe: inWindow, parts: { field: 'interferer', groups } },
      record,
    );
    expect(replication.lines.map((l) => [l.published, l.ours, l.difference])).toEqual([
      ['7', '4', -3],
      ['3', '1', -2],
      ['10', '5', -5],
    ]);
    const none = replicatePublished(parts, { universe: inWindow, unavailable: 'no vote shares' }, record);
    expect(none).toMatchObject({ lines: [], unavailable: 'no vote shares' });
  });

  it('counts a table’s cells from the record, each column’s share with its interval', () => {
    const table: PublishedResult = {
      kind: 'table',
      id: 't',
      title: 't',
      sources: {},
      table: {
        columns: ['inc', 'cha'],
        shareOf: 'column',
        shareDecimals: 0,
        rows: [
          { label: 'won', counts: { inc: 8, cha: 2 } },
          { label: 'lost', counts: { inc: 2, cha: 8 } },
        ],
      },
    };
    const by = (field: 'side' | 'proxyOutcome', ids: string[]) => ({
      field,
      groups: ids.map((id) => ({
        id,
        test: (e: Episode) => e[field] === (id === 'inc' ? 'incumbent' : id === 'cha' ? 'challenger' : id),
      })),
    });
    const replication = replicatePublished(
      table,
      { universe: inWindow, columns: by('side', ['inc', 'cha']), rows: by('proxyOutcome', ['won', 'lost']) },
      record,
    );
    expect(replication.lines.map((l) => [l.figure, l.published, l.ours])).toEqual([
      ['won, inc', '8 of 10', '2 of 3'],
      ['lost, inc', '2 of 10', '1 of 3'],
      ['won, cha', '2 of 10', '0 of 1'],
      ['lost, cha', '8 of 10', '1 of 1'],
    ]);
    expect(replication.notes).toEqual([
      '1 episode of the universe falls outside the printed cells (side or proxyOutcome not among them)',
    ]);
  });
});
