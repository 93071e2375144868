/**
 * The record as last read, with its provenance: read and hashed at most once every two seconds and again at once
 * after this server's own writes, so that reads neither query nor rehash the whole record each time. A CLI import
 * into the same database shows within the interval.
 */
import type { Episode } from '../domain/index.js';
import { InputError } from '../domain/index.js';
import { MODEL_VERSION } from '../sim/index.js';
import { loadRelease, type RecordProvenance, type RecordStore, recordProvenance } from '../store/index.js';
import { ApiError } from './api-error.js';
import { queryIssues } from './query-filter.js';

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
  /** The served record, or with `release` (a request's `record=`) that release of the bundled record. */
  get(release?: string): Promise<RecordSnapshot>;
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
  const releases = new Map<string, RecordSnapshot>();
  /** A release never changes: its snapshot is made once, and is read-only whatever the server allows. */
  const releaseSnapshot = (version: string): RecordSnapshot => {
    const cached = releases.get(version);
    if (cached !== undefined) return cached;
    let release: ReturnType<typeof loadRelease>;
    try {
      release = loadRelease(version);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      const issues = queryIssues(error);
      throw new ApiError(400, 'bad-request', `query: record: ${issues[0]?.message ?? 'unknown release'}`, {
        issues,
      });
    }
    const snapshot = {
      provenance: { meddle, record: release.provenance, model: MODEL_VERSION, writable: false },
      episodes: release.episodes,
      byId: new Map(release.episodes.map((e) => [e.id, e])),
    };
    releases.set(version, snapshot);
    return snapshot;
  };
  const live = (): Promise<RecordSnapshot> => {
    if (pending !== undefined && now() - readAt > MAX_AGE_MS) pending = undefined;
    if (pending === undefined) {
      readAt = now();
      pending = read().catch((error: unknown) => {
        pending = undefined;
        throw error;
      });
    }
    return pending;
  };
  return {
    async get(release) {
      if (release === undefined) return live();
      const served = await live();
      return release === served.provenance.record.version ? served : releaseSnapshot(release);
    },
    invalidate() {
      pending = undefined;
    },
  };
}
