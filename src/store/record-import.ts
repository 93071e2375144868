/** Imports records into a store: every record is checked before anything is written, and then all or none is. */
import {
  type Episode,
  InputError,
  type InputIssue,
  type RecordAt,
  type StateTable,
  validateEpisodes,
} from '../domain/index.js';
import type { OnExisting, RecordStore, WriteReport } from './record-store.js';

export interface ImportOptions {
  readonly onExisting?: OnExisting;
  /** Check everything, write nothing. */
  readonly dryRun?: boolean;
}

export interface ImportReport extends WriteReport {
  readonly dryRun: boolean;
  readonly episodes: readonly Episode[];
}

/**
 * Validates every record, then checks the store for ids it already holds, then writes in one transaction.
 * Throws an InputError listing every issue found; the store is untouched unless all is well.
 */
export async function importRecords(
  store: RecordStore,
  records: readonly RecordAt[],
  states: StateTable,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const onExisting = options.onExisting ?? 'reject';
  const dryRun = options.dryRun ?? false;
  const { episodes, issues } = validateEpisodes(records, states);
  if (issues.length > 0) throw new InputError(issues);
  const existing = new Set(await store.existingIds(episodes.map((e) => e.id)));
  if (existing.size > 0 && onExisting === 'reject') {
    const lineOf = new Map(records.map((r, i) => [episodes[i]?.id, r]));
    const clashes: InputIssue[] = [...existing].map((id) => {
      const record = lineOf.get(id);
      return {
        ...(record?.file !== undefined ? { file: record.file } : {}),
        ...(record?.line !== undefined ? { line: record.line } : {}),
        code: 'id-taken',
        field: 'id',
        value: id,
        message: 'the store already holds an episode with this id',
        hint: 'use {replace} to overwrite stored episodes, or give this one a new id',
      };
    });
    throw new InputError(clashes);
  }
  if (dryRun) {
    return {
      dryRun,
      episodes,
      inserted: episodes.filter((e) => !existing.has(e.id)).map((e) => e.id),
      replaced: [...existing],
    };
  }
  const written = await store.writeEpisodes(episodes, onExisting);
  return { dryRun, episodes, ...written };
}
