/** What identifies a record's content: its release and a hash that changes whenever any coding does. */
import { createHash } from 'node:crypto';
import type { Episode } from '../domain/index.js';

export interface RecordProvenance {
  /** The record's release (data/record/VERSION for the bundled record). */
  readonly version: string;
  /** sha256 of the canonical JSON of the episodes: the same episodes always give the same hash. */
  readonly hash: string;
  readonly episodes: number;
}

const byId = (a: Episode, b: Episode): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Fields added to the codebook after release 2026.11.0, left out of the canonical form while they hold their
 * defaults, so that a record coded before them keeps the hash it was published with.
 */
function withoutUnsetLaterFields(e: Episode): Partial<Episode> {
  const { powerYear, alignedThrough, basis, ...rest } = e;
  return {
    ...rest,
    ...(powerYear !== null ? { powerYear } : {}),
    ...(alignedThrough !== null ? { alignedThrough } : {}),
    ...(Object.keys(basis).length > 0 ? { basis } : {}),
  };
}

/** Episodes sorted by id, serialised with keys in codebook order: the form every hash is taken over. */
export function canonicalJson(episodes: readonly Episode[]): string {
  return JSON.stringify([...episodes].sort(byId).map(withoutUnsetLaterFields));
}

export function recordProvenance(version: string, episodes: readonly Episode[]): RecordProvenance {
  return {
    version,
    hash: createHash('sha256').update(canonicalJson(episodes)).digest('hex'),
    episodes: episodes.length,
  };
}
