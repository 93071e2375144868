/** The contract every record store keeps, whichever database is behind it. */
import type { Episode } from '../domain/index.js';
import type { EpisodeFilter } from './episode-filter.js';

/** How an import treats an episode whose id the store already holds. */
export type OnExisting = 'reject' | 'replace';

export interface WriteReport {
  readonly inserted: readonly string[];
  readonly replaced: readonly string[];
}

export interface RecordStore {
  /** What the store is, for messages: a file path or a URL without its password. */
  readonly location: string;
  listEpisodes(filter?: EpisodeFilter): Promise<Episode[]>;
  getEpisode(id: string): Promise<Episode | undefined>;
  /** The ids among these that the store already holds. */
  existingIds(ids: readonly string[]): Promise<string[]>;
  /** Writes all the episodes in one transaction, or none of them. */
  writeEpisodes(episodes: readonly Episode[], onExisting: OnExisting): Promise<WriteReport>;
  /** Empties the store and writes these episodes, in one transaction. */
  replaceAll(episodes: readonly Episode[], recordVersion: string): Promise<void>;
  /** The release of the record the store was seeded with, or `custom` for one built by imports alone. */
  recordVersion(): Promise<string>;
  close(): Promise<void>;
}
