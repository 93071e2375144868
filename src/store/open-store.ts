/** Opens the store a database spec names: a SQLite file (created and seeded on first use) or a PostgreSQL URL. */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Kysely } from 'kysely';
import { InputError } from '../domain/index.js';
import type { Database } from './database-types.js';
import { DEFAULT_DB } from './default-db.js';
import { isPostgresUrl, redactUrl } from './dialects/postgres-url.js';
import { openSqliteDatabase } from './dialects/sqlite-database.js';
import { createKyselyRecordStore } from './kysely-record-store.js';
import { migrateToLatest } from './migrations.js';
import type { RecordStore } from './record-store.js';

export { DEFAULT_DB };

export interface OpenOptions {
  /** What a new database starts with: the bundled record (the default) or nothing. */
  readonly seed?: 'bundled' | 'empty';
}

async function isFresh(db: Kysely<Database>): Promise<boolean> {
  const tables = await db.introspection.getTables();
  return !tables.some((t) => t.name === 'episode');
}

async function seed(store: RecordStore, kind: 'bundled' | 'empty'): Promise<void> {
  if (kind === 'empty') return store.replaceAll([], 'custom');
  // Read and validated only when a new database is seeded, not on every open.
  const { loadBundledRecord } = await import('./bundled-data.js');
  const bundled = loadBundledRecord();
  await store.replaceAll(bundled.episodes, bundled.provenance.version);
}

/** A new SQLite file is built beside its final path and renamed into place, so no half-made file is left. */
async function createSqlite(path: string, kind: 'bundled' | 'empty'): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  rmSync(temporary, { force: true });
  const db = openSqliteDatabase(temporary, { mustExist: false });
  const store = createKyselyRecordStore(db, temporary);
  try {
    await migrateToLatest(db);
    await seed(store, kind);
  } catch (error) {
    await store.close();
    rmSync(temporary, { force: true });
    throw error;
  }
  await store.close();
  renameSync(temporary, path);
}

/**
 * Makes a new database at `spec`, seeded as asked. An existing one is replaced only with `force`:
 * a SQLite file by renaming the new file over it, PostgreSQL in one transaction.
 */
export async function initStore(
  spec: string,
  options: OpenOptions & { force?: boolean } = {},
): Promise<void> {
  const kind = options.seed ?? 'bundled';
  const refuse = (where: string) =>
    new InputError({
      code: 'database-exists',
      role: 'db',
      value: where,
      message: 'a database is already there',
      hint: 'add {force} to replace it',
    });
  if (isPostgresUrl(spec)) {
    const store = await openStore(spec, { seed: 'empty' });
    try {
      if ((await store.listEpisodes()).length > 0 && options.force !== true) throw refuse(store.location);
      await seed(store, kind);
    } finally {
      await store.close();
    }
    return;
  }
  if (existsSync(spec) && options.force !== true) throw refuse(spec);
  await createSqlite(spec, kind);
}

export async function openStore(spec: string = DEFAULT_DB, options: OpenOptions = {}): Promise<RecordStore> {
  const kind = options.seed ?? 'bundled';
  if (isPostgresUrl(spec)) {
    // The driver is loaded only for a PostgreSQL URL: a SQLite user never pays for it.
    const { openPostgresDatabase } = await import('./dialects/postgres-database.js');
    const db = openPostgresDatabase(spec);
    const store = createKyselyRecordStore(db, redactUrl(spec));
    try {
      const fresh = await isFresh(db);
      await migrateToLatest(db);
      if (fresh) await seed(store, kind);
    } catch (error) {
      await store.close();
      throw new Error(
        `cannot open ${redactUrl(spec)}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    return store;
  }
  if (spec.trim() === '')
    throw new InputError({
      code: 'empty-database-path',
      role: 'db',
      message: 'empty database path',
      hint: 'a file path or postgres:// URL',
    });
  if (!existsSync(dirname(spec)))
    throw new InputError({
      code: 'no-database-folder',
      role: 'db',
      value: spec,
      message: 'the folder for the database does not exist',
      hint: 'create it first, or give another path',
    });
  if (!existsSync(spec)) await createSqlite(spec, kind);
  const db = openSqliteDatabase(spec, { mustExist: true });
  await migrateToLatest(db);
  return createKyselyRecordStore(db, spec);
}

/** A read-only view of one release: an in-memory SQLite database holding it, gone when closed. */
export async function openReleaseStore(version: string): Promise<RecordStore> {
  const { loadRelease } = await import('./record-releases.js');
  const release = loadRelease(version);
  const db = openSqliteDatabase(':memory:', { mustExist: false });
  const store = createKyselyRecordStore(db, `release ${version}`);
  await migrateToLatest(db);
  await store.replaceAll(release.episodes, release.provenance.version);
  return store;
}
