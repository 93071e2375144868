/**
 * Every release of the bundled record: the current one in data/record/, earlier ones as gzipped snapshots in
 * data/releases/VERSION.json.gz, each checked against the hash it was published with before it is used.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { InputError, validateEpisodes } from '../domain/index.js';
import { type BundledRecord, DATA_DIR, loadBundledRecord, loadStateTable } from './bundled-data.js';
import { recordProvenance } from './record-provenance.js';

export const RELEASES_DIR = `${DATA_DIR}releases/`;

/** What a snapshot file holds: the release's name and hash and its episodes as they were coded. */
export interface ReleaseSnapshot {
  readonly version: string;
  readonly hash: string;
  readonly episodes: readonly unknown[];
}

const SNAPSHOT_SUFFIX = '.json.gz';

/** Newest first, by the year.month.patch of their names. */
export function listReleases(): string[] {
  const older = existsSync(RELEASES_DIR)
    ? readdirSync(RELEASES_DIR)
        .filter((name) => name.endsWith(SNAPSHOT_SUFFIX))
        .map((name) => name.slice(0, -SNAPSHOT_SUFFIX.length))
    : [];
  const current = loadBundledRecord().provenance.version;
  const key = (v: string) =>
    v
      .split('.')
      .map((part) => part.padStart(6, '0'))
      .join('.');
  return [...new Set([current, ...older])].sort((a, b) => (key(a) < key(b) ? 1 : key(a) > key(b) ? -1 : 0));
}

const cache = new Map<string, BundledRecord>();

/** One release by name, validated, its hash checked; an unknown name is the user's error. */
export function loadRelease(version: string): BundledRecord {
  const current = loadBundledRecord();
  if (version === current.provenance.version) return current;
  const cached = cache.get(version);
  if (cached !== undefined) return cached;
  const path = `${RELEASES_DIR}${version}${SNAPSHOT_SUFFIX}`;
  if (!/^[\w.-]+$/.test(version) || !existsSync(path))
    throw new InputError({
      code: 'unknown-release',
      role: 'record',
      value: version,
      message: 'no such release of the record',
      hint: `one of ${listReleases().join(', ')}`,
    });
  const snapshot = JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')) as ReleaseSnapshot;
  const file = `data/releases/${version}${SNAPSHOT_SUFFIX}`;
  const { episodes, issues } = validateEpisodes(
    snapshot.episodes.map((value) => ({ value })),
    loadStateTable(),
    file,
  );
  if (issues.length > 0) throw new InputError(issues);
  const provenance = recordProvenance(snapshot.version, episodes);
  if (provenance.hash !== snapshot.hash)
    throw new Error(
      `${file} is damaged: its episodes hash to ${provenance.hash}, not the published ${snapshot.hash}`,
    );
  const release = { episodes, provenance };
  cache.set(version, release);
  return release;
}
