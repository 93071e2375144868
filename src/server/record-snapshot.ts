/**
 * The record as last read, with its provenance: read and hashed at most once every two seconds and again at once
 * after this server's own writes, so that reads neither query nor rehash the whole record each time. A CLI import
 * into the same database shows within the interval.
 */
import type { Episode } from '../domain/index.js';
import { MODEL_VERSION } from '../sim/index.js';
import { type RecordProvenance, type RecordStore, recordProvenance } from '../store/index.js';

export interface ServerProvenance {
  readonly meddle: string;
  readonly record: RecordProvenance;
  readonly model: string;
  readonly writable: boolean;
}

export interface RecordSnapshot {
  readonly provenance: ServerProvenance;
  /** In the store's order. */
  readonly episodes: readonly Episode[];
  readonly byId: ReadonlyMap<string, Episode>;
}

export interface SnapshotCache {
  get(): Promise<RecordSnapshot>;
  /** Called after every write: the next read reads the store again. */
  invalidate(): void;
}

const MAX_AGE_MS = 2000;

export function createSnapshotCache(
  store: RecordStore,
  meddle: string,
  writable: boolean,
  now: () => number = Date.now,
): SnapshotCache {
  let pending: Promise<RecordSnapshot> | undefined;
  let readAt = 0;
  const read = async (): Promise<RecordSnapshot> => {
    const episodes = await store.listEpisodes();
    return {
      provenance: {
        meddle,
        record: recordProvenance(await store.recordVersion(), episodes),
        model: MODEL_VERSION,
        writable,
      },
      episodes,
      byId: new Map(episodes.map((e) => [e.id, e])),
    };
  };
  return {
    get() {
      if (pending !== undefined && now() - readAt > MAX_AGE_MS) pending = undefined;
      if (pending === undefined) {
        readAt = now();
        pending = read().catch((error: unknown) => {
          pending = undefined;
          throw error;
        });
      }
      return pending;
    },
    invalidate() {
      pending = undefined;
    },
  };
}
