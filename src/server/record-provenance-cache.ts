/**
 * The record's provenance, hashed at most once a couple of seconds and again at once after this server's own
 * writes, so that reads do not rehash the record; a CLI import into the same file shows within the interval.
 */
import { MODEL_VERSION } from '../sim/index.js';
import { type RecordProvenance, type RecordStore, recordProvenance } from '../store/index.js';

export interface ServerProvenance {
  readonly meddle: string;
  readonly record: RecordProvenance;
  readonly model: string;
  readonly writable: boolean;
}

export interface ProvenanceCache {
  get(): Promise<ServerProvenance>;
  /** Called after every write: the next read hashes the record again. */
  invalidate(): void;
}

const MAX_AGE_MS = 2000;

export function createProvenanceCache(
  store: RecordStore,
  meddle: string,
  writable: boolean,
  now: () => number = Date.now,
): ProvenanceCache {
  let pending: Promise<ServerProvenance> | undefined;
  let computedAt = 0;
  const compute = async (): Promise<ServerProvenance> => ({
    meddle,
    record: recordProvenance(await store.recordVersion(), await store.listEpisodes()),
    model: MODEL_VERSION,
    writable,
  });
  return {
    get() {
      if (pending !== undefined && now() - computedAt > MAX_AGE_MS) pending = undefined;
      if (pending === undefined) computedAt = now();
      pending ??= compute().catch((error: unknown) => {
        pending = undefined;
        throw error;
      });
      return pending;
    },
    invalidate() {
      pending = undefined;
    },
  };
}
