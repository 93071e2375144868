/** What every command shares: the output, the store named by `--db`, and the provenance it reports. */
import type { Command } from 'commander';
import { type Episode, InputError } from '../domain/index.js';
import {
  DEFAULT_DB,
  loadStateTable,
  openReleaseStore,
  openStore,
  type RecordProvenance,
  type RecordStore,
  recordProvenance,
} from '../store/index.js';
import type { CliIo } from './cli-io.js';
import { MEDDLE_VERSION } from './version.js';

export interface CommandContext {
  readonly io: CliIo;
  /** The `--db` in force: the option, else MEDDLE_DB, else ./meddle.db. */
  dbSpec(command: Command): string;
  /** The release `--record` names, if any. */
  release(command: Command): string | undefined;
  /** Opens the store (or the release `--record` names), runs `work`, and closes it whatever happens. */
  withStore<T>(command: Command, work: (store: RecordStore) => Promise<T>): Promise<T>;
}

export function createCommandContext(io: CliIo): CommandContext {
  const dbSpec = (command: Command): string =>
    (command.optsWithGlobals() as { db?: string }).db ?? io.env.MEDDLE_DB ?? DEFAULT_DB;
  const release = (command: Command): string | undefined =>
    (command.optsWithGlobals() as { record?: string }).record;
  const open = (command: Command): Promise<RecordStore> => {
    const version = release(command);
    if (version === undefined) return openStore(dbSpec(command));
    if ((command.optsWithGlobals() as { db?: string }).db !== undefined)
      throw new InputError({
        field: '--record',
        value: version,
        message: 'a release is read from the bundled data, not from a database',
        hint: 'give --record or --db, not both',
      });
    return openReleaseStore(version);
  };
  return {
    io,
    dbSpec,
    release,
    async withStore(command, work) {
      const store = await open(command);
      try {
        return await work(store);
      } finally {
        await store.close();
      }
    },
  };
}

/** What every JSON output opens with: who made it from which data. */
export interface Provenance {
  readonly meddle: string;
  readonly record: RecordProvenance;
}

export async function provenanceOf(store: RecordStore, episodes?: readonly Episode[]): Promise<Provenance> {
  const all = episodes ?? (await store.listEpisodes());
  return { meddle: MEDDLE_VERSION, record: recordProvenance(await store.recordVersion(), all) };
}

/** A state's abbreviation for tables (`USA`), or its code when the list lacks it. */
export function stateAbbr(cow: number): string {
  return loadStateTable().byCode(cow)?.abbr ?? String(cow);
}

export function stateName(cow: number): string {
  return loadStateTable().byCode(cow)?.name ?? String(cow);
}

/** Collects a repeatable option's values. */
export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
