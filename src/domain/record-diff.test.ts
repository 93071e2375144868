import { describe, expect, it } from 'vitest';
import type { Episode } from './episode-schema.js';
import { diffRecords } from './record-diff.js';

const episode = (id: string, extra: Partial<Episode> = {}) =>
  ({
    id,
    payoff: 'unknown',
    means: ['financing'],
    sources: [{ authors: ['A'], title: 'T', year: 2000, page: '1' }],
    ...extra,
  }) as unknown as Episode;

describe('diffRecords', () => {
  it('lists episodes added and removed, and changed fields with both values', () => {
    const before = [episode('b'), episode('a'), episode('gone')];
    const after = [episode('a', { payoff: 'kept' }), episode('new'), episode('b')];
    const diff = diffRecords(before, after);
    expect(diff.added).toEqual(['new']);
    expect(diff.removed).toEqual(['gone']);
    expect(diff.changed).toEqual([{ id: 'a', changes: [{ field: 'payoff', from: 'unknown', to: 'kept' }] }]);
    expect(diff.byField).toEqual({ payoff: 1 });
  });

  it('compares lists and sources by content, not identity', () => {
    const a = episode('a');
    const copy = JSON.parse(JSON.stringify(a)) as Episode;
    expect(diffRecords([a], [copy]).changed).toEqual([]);
    const retitled = { ...copy, sources: [{ ...copy.sources[0], title: 'U' }] } as Episode;
    expect(diffRecords([a], [retitled]).byField).toEqual({ sources: 1 });
  });

  it('is empty for a record against itself', () => {
    const record = [episode('a'), episode('b')];
    expect(diffRecords(record, record)).toEqual({ added: [], removed: [], changed: [], byField: {} });
  });
});
