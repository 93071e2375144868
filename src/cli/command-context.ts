/**
 * What every command shares: the output and the store named by `--db`. It imports no store code until a command
 * opens one, so that `meddle --version` and `--help` load almost nothing.
 */
import type { Command } from 'commander';
import { InputError } from '../domain/input-error.js';
import { DEFAULT_DB } from '../store/default-db.js';
import type { RecordStore } from '../store/record-store.js';
import type { CliIo } from './cli-io.js';

/** A started HTTP app as `meddle serve` drives it: listen, say where, close. */
export interface ServedApp {
  listen(options: { port: number; host: string }): Promise<unknown>;
  readonly server: { address(): { readonly port: number } | string | null };
  close(): Promise<unknown>;
}

/** What `meddle serve` needs of the HTTP edge, given to the CLI by the composition root (src/main.ts). */
export type BuildServer = (options: {
  readonly store: RecordStore;
  readonly version: string;
  readonly token: string | undefined;
  readonly webRoot: string;
  readonly allowedHosts: readonly string[];
  readonly logger: { readonly level: string };
}) => Promise<ServedApp>;

/** The other edges a command may drive; neither edge imports the other, the composition root wires them. */
export interface CliPorts {
  readonly buildServer?: BuildServer;
}

export interface CommandContext {
  readonly io: CliIo;
  readonly ports: CliPorts;
  /** The `--db` in force: the option, else MEDDLE_DB, else ./meddle.db. */
  dbSpec(command: Command): string;
  /** The release `--record` names, if any. */
  release(command: Command): string | undefined;
  /** Opens the store (or the release `--record` names), runs `work`, and closes it whatever happens. */
  withStore<T>(command: Command, work: (store: RecordStore) => Promise<T>): Promise<T>;
}

export function createCommandContext(io: CliIo, ports: CliPorts = {}): CommandContext {
  const dbSpec = (command: Command): string =>
    (command.optsWithGlobals() as { db?: string }).db ?? io.env.MEDDLE_DB ?? DEFAULT_DB;
  const release = (command: Command): string | undefined =>
    (command.optsWithGlobals() as { record?: string }).record;
  const open = async (command: Command): Promise<RecordStore> => {
    const version = release(command);
    const { openReleaseStore, openStore } = await import('../store/index.js');
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
    ports,
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

/** Collects a repeatable option's values. */
export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
