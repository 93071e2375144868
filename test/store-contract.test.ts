/** One contract, run on every store: what SQLite and PostgreSQL must both do with the record. */
import { afterEach, describe, expect, it } from 'vitest';
import { type Episode, sourceFieldsSchema } from '../src/domain/index.js';
import {
  canonicalJson,
  type EpisodeFilter,
  formatEpisodesCsv,
  formatEpisodesJson,
  importRecords,
  loadBundledRecord,
  loadStateTable,
  matchesFilter,
  openStore,
  parseEpisodesCsv,
  parseEpisodesJson,
  type RecordStore,
  recordProvenance,
} from '../src/store/index.js';
import { type StoreTarget, storeFactories } from './support/stores.js';

const factories = await storeFactories();
const bundled = loadBundledRecord();
const states = loadStateTable();

const copies = (episodes: readonly Episode[], suffix: string): Episode[] =>
  episodes.map((e) => ({ ...e, id: `${e.id}-${suffix}` }));

describe.each(factories)('the $name store', ({ make }) => {
  let target: StoreTarget | undefined;
  let store: RecordStore | undefined;

  const open = async (seed: 'bundled' | 'empty' = 'bundled'): Promise<RecordStore> => {
    target = await make();
    store = await openStore(target.spec, { seed });
    return store;
  };

  afterEach(async () => {
    await store?.close();
    await target?.cleanup();
    store = undefined;
    target = undefined;
  });

  it('is seeded with the bundled record on first use, every episode intact', async () => {
    const s = await open();
    expect(canonicalJson(await s.listEpisodes())).toBe(canonicalJson(bundled.episodes));
    expect(await s.recordVersion()).toBe(bundled.provenance.version);
  });

  it('starts empty when asked', async () => {
    const s = await open('empty');
    expect(await s.listEpisodes()).toEqual([]);
    expect(await s.recordVersion()).toBe('custom');
  });

  it('selects exactly the episodes the reference filter selects', async () => {
    const s = await open();
    const filters: EpisodeFilter[] = [
      [{ field: 'kind', value: 'electoral' }],
      [{ field: 'side', value: 'incumbent' }],
      [{ field: 'means', value: 'financing' }],
      [{ field: 'covert', value: true }],
      [{ field: 'targetClass', value: 'major-power' }],
      [{ field: 'interferer', value: 2 }],
      [{ field: 'partners', value: 200 }],
      [
        { field: 'kind', value: 'electoral' },
        { field: 'side', value: 'challenger' },
      ],
      [
        { field: 'rationale', value: 'regime' },
        { field: 'proxyOutcome', value: 'won' },
      ],
    ];
    for (const filter of filters) {
      const expected = bundled.episodes.filter((e) => matchesFilter(e, filter)).map((e) => e.id);
      const actual = (await s.listEpisodes(filter)).map((e) => e.id);
      expect(actual.sort(), JSON.stringify(filter)).toEqual(expected.sort());
    }
  });

  it('finds one episode by id, and none for an unknown id', async () => {
    const s = await open();
    const first = bundled.episodes[0];
    expect(first).toBeDefined();
    if (first === undefined) return;
    expect(await s.getEpisode(first.id)).toEqual(first);
    expect(await s.getEpisode('no-such-episode')).toBeUndefined();
  });

  it('round-trips the record through CSV into an empty store exactly', async () => {
    const s = await open('empty');
    const records = parseEpisodesCsv(formatEpisodesCsv(bundled.episodes), 'export.csv');
    await importRecords(s, records, states);
    expect(canonicalJson(await s.listEpisodes())).toBe(canonicalJson(bundled.episodes));
  });

  it('round-trips the record through JSON into an empty store exactly', async () => {
    const s = await open('empty');
    const text = formatEpisodesJson(bundled.episodes, recordProvenance('test', bundled.episodes));
    await importRecords(s, parseEpisodesJson(text, 'export.json'), states);
    expect(canonicalJson(await s.listEpisodes())).toBe(canonicalJson(bundled.episodes));
  });

  it('keeps where a copy of a work was read, through the store and through CSV', async () => {
    const s = await open('empty');
    const original = bundled.episodes[0];
    if (original === undefined) throw new Error('the bundled record is empty');
    const [first, ...rest] = original.sources;
    if (first === undefined) throw new Error('the first episode has no source');
    const readAt = 'https://web.archive.org/web/2010/https://example.org/report';
    const edited: Episode = { ...original, sources: [{ ...first, readAt }, ...rest] };
    const records = parseEpisodesCsv(formatEpisodesCsv([edited]), 'export.csv');
    await importRecords(s, records, states);
    expect((await s.getEpisode(original.id))?.sources[0]?.readAt).toBe(readAt);
    expect(await s.getEpisode(original.id)).toEqual(edited);
    // Read back in the schema's key order, so that the record's hash is the same from the store as from files.
    const keys = Object.keys((await s.getEpisode(original.id))?.sources[0] ?? {});
    expect(keys).toEqual(Object.keys(sourceFieldsSchema.shape).filter((k) => keys.includes(k)));
  });

  it('rejects a batch that clashes with a stored id, writing none of it', async () => {
    const s = await open();
    const fresh = copies(bundled.episodes.slice(0, 1), 'new');
    const clash = bundled.episodes.slice(0, 1);
    await expect(s.writeEpisodes([...fresh, ...clash], 'reject')).rejects.toThrow(/already stored/);
    expect(await s.existingIds(fresh.map((e) => e.id))).toEqual([]);
  });

  it('replaces stored episodes when asked, in one write', async () => {
    const s = await open();
    const original = bundled.episodes[0];
    if (original === undefined) throw new Error('the bundled record is empty');
    const edited: Episode = { ...original, notes: 'edited in a test', means: ['cyber'] };
    const report = await s.writeEpisodes([edited], 'replace');
    expect(report).toEqual({ inserted: [], replaced: [original.id] });
    expect(await s.getEpisode(original.id)).toEqual(edited);
    expect((await s.listEpisodes()).length).toBe(bundled.episodes.length);
  });
});
