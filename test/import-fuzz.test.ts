/** Property: whatever bytes an import is fed, it ends in success or an InputError, and a failed import writes nothing. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Episode, isInputError } from '../src/domain/index.js';
import {
  canonicalJson,
  formatEpisodesCsv,
  formatEpisodesJson,
  importRecords,
  loadBundledRecord,
  loadStateTable,
  openStore,
  parseRecordText,
  type RecordFormat,
  type RecordStore,
  recordProvenance,
} from '../src/store/index.js';

const states = loadStateTable();
const seedEpisodes = loadBundledRecord().episodes.slice(0, 3);
const fresh: Episode[] = seedEpisodes.map((e, i) => ({ ...e, id: `fuzz-${i}` }));
const valid: Record<RecordFormat, string> = {
  csv: formatEpisodesCsv(fresh),
  json: formatEpisodesJson(fresh, recordProvenance('fuzz', fresh)),
};

const dir = mkdtempSync(join(tmpdir(), 'meddle-fuzz-'));
let store: RecordStore;
let snapshot: Episode[];

beforeAll(async () => {
  store = await openStore(join(dir, 'fuzz.db'));
  snapshot = await store.listEpisodes();
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Imports `text`; checks the outcome is success or an InputError, and that a failure changed nothing. */
async function importChecked(text: string, format: RecordFormat): Promise<'written' | 'rejected'> {
  try {
    await importRecords(store, parseRecordText(text, 'fuzz', format), states);
  } catch (error) {
    if (!isInputError(error)) throw error;
    expect(error.issues.length).toBeGreaterThan(0);
    expect(canonicalJson(await store.listEpisodes())).toBe(canonicalJson(snapshot));
    return 'rejected';
  }
  await store.replaceAll(snapshot, await store.recordVersion());
  return 'written';
}

/** A valid file edited at random: a span cut out, a string put in, or a line doubled. */
const mutated = (format: RecordFormat) =>
  fc
    .tuple(
      fc.nat({ max: valid[format].length }),
      fc.nat({ max: 40 }),
      fc.oneof(
        fc.string({ maxLength: 12 }),
        fc.constantFrom(',', '"', '\n', ';', '|', '{', ']', '\\', 'null', '-1'),
      ),
      fc.constantFrom('cut', 'insert', 'double'),
    )
    .map(([at, length, insert, how]) => {
      const text = valid[format];
      if (how === 'cut') return text.slice(0, at) + text.slice(at + length);
      if (how === 'insert') return text.slice(0, at) + insert + text.slice(at);
      const lines = text.split('\n');
      const n = at % lines.length;
      return [...lines.slice(0, n + 1), ...lines.slice(n)].join('\n');
    });

describe('importing arbitrary input', () => {
  it('the unmutated files import (so that the properties below test something)', async () => {
    expect(await importChecked(valid.csv, 'csv')).toBe('written');
    expect(await importChecked(valid.json, 'json')).toBe('written');
  });

  for (const format of ['csv', 'json'] as const) {
    it(`random bytes as ${format}: never an unhandled error, never a write`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), async (bytes) => {
          const text = Buffer.from(bytes).toString('utf8');
          expect(await importChecked(text, format)).toBe('rejected');
        }),
        { numRuns: 150, seed: 20261125 },
      );
    });

    it(`mutated ${format} files: success or a reported error, and a rejected file writes nothing`, async () => {
      await fc.assert(
        fc.asyncProperty(mutated(format), async (text) => {
          await importChecked(text, format);
        }),
        { numRuns: 300, seed: 20261125 },
      );
    });
  }
});
