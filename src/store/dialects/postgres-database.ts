/** Opens a PostgreSQL database by URL as a kysely database. */
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from '../database-types.js';

export { isPostgresUrl, redactUrl } from './postgres-url.js';

export function openPostgresDatabase(url: string): Kysely<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
