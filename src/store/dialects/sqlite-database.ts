/** Opens an embedded SQLite file as a kysely database. */
import SqliteDriver from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from '../database-types.js';

export function openSqliteDatabase(path: string, options: { mustExist: boolean }): Kysely<Database> {
  const database = new SqliteDriver(path, { fileMustExist: options.mustExist });
  // The rollback journal (SQLite's default), not WAL: a read leaves the file's bytes as they were.
  database.pragma('foreign_keys = ON');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
}
