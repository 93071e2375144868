/** Reads the data bundled with meddle: the state list and the curated record, with its version and hash. */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  createStateTable,
  type Episode,
  InputError,
  type StateTable,
  stateTableSchema,
  validateEpisodes,
} from '../domain/index.js';
import { parseEpisodesJson } from './json-format.js';
import { type RecordProvenance, recordProvenance } from './record-provenance.js';

/** The package's data/ folder; the same relative path from src/store and dist/store. */
export const DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));
export const RECORD_DIR = `${DATA_DIR}record/`;

let stateTable: StateTable | undefined;

export function loadStateTable(): StateTable {
  if (stateTable === undefined) {
    const parsed = stateTableSchema.safeParse(JSON.parse(readFileSync(`${DATA_DIR}states.json`, 'utf8')));
    if (!parsed.success) throw new Error(`data/states.json is malformed: ${parsed.error.message}`);
    stateTable = createStateTable(parsed.data);
  }
  return stateTable;
}

export interface BundledRecord {
  readonly episodes: readonly Episode[];
  readonly provenance: RecordProvenance;
}

/** The record's files: every data/record/*.json, read in name order. */
export function bundledRecordFiles(): string[] {
  return readdirSync(RECORD_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => `${RECORD_DIR}${name}`);
}

let bundled: BundledRecord | undefined;

/** The whole bundled record, validated; throws an InputError listing every issue if any file is wrong. */
export function loadBundledRecord(): BundledRecord {
  if (bundled !== undefined) return bundled;
  const states = loadStateTable();
  const records = bundledRecordFiles().flatMap((path) =>
    parseEpisodesJson(readFileSync(path, 'utf8'), `data/record/${path.slice(RECORD_DIR.length)}`),
  );
  const validation = validateEpisodes(records, states);
  if (validation.issues.length > 0) throw new InputError(validation.issues);
  const version = readFileSync(`${RECORD_DIR}VERSION`, 'utf8').trim();
  bundled = { episodes: validation.episodes, provenance: recordProvenance(version, validation.episodes) };
  return bundled;
}
