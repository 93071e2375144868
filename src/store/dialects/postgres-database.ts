/** Opens a PostgreSQL database by URL as a kysely database. */
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from '../database-types.js';

export function isPostgresUrl(spec: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(spec);
}

/** The URL with its password hidden, for messages and provenance. */
export function redactUrl(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:/@]+:)[^@]*@/i, '$1***@');
}

export function openPostgresDatabase(url: string): Kysely<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
