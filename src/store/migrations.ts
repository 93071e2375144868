/** The schema of a record store, as ordered migrations that run the same on SQLite and PostgreSQL. */
import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import type { Database } from './database-types.js';

const migrations: Record<string, Migration> = {
  '0001-record': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('episode')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('interferer', 'integer', (c) => c.notNull())
        .addColumn('target', 'integer', (c) => c.notNull())
        .addColumn('target_class', 'text', (c) => c.notNull())
        .addColumn('start_year', 'integer', (c) => c.notNull())
        .addColumn('end_year', 'integer')
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('side', 'text', (c) => c.notNull())
        .addColumn('covert', 'integer', (c) => c.notNull())
        .addColumn('proxy_name', 'text', (c) => c.notNull())
        .addColumn('proxy_type', 'text', (c) => c.notNull())
        .addColumn('proxy_outcome', 'text', (c) => c.notNull())
        .addColumn('payoff', 'text', (c) => c.notNull())
        .addColumn('payoff_lost_year', 'integer')
        .addColumn('defected', 'text', (c) => c.notNull())
        .addColumn('defected_year', 'integer')
        .addColumn('exposed', 'text', (c) => c.notNull())
        .addColumn('dispute', 'text', (c) => c.notNull())
        .addColumn('grievance', 'text', (c) => c.notNull())
        .addColumn('notes', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('episode_code')
        .addColumn('episode_id', 'text', (c) => c.notNull().references('episode.id').onDelete('cascade'))
        .addColumn('field', 'text', (c) => c.notNull())
        .addColumn('value', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('episode_code_pk', ['episode_id', 'field', 'value'])
        .execute();
      await db.schema
        .createTable('episode_source')
        .addColumn('episode_id', 'text', (c) => c.notNull().references('episode.id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('authors', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('year', 'integer')
        .addColumn('container', 'text')
        .addColumn('page', 'text')
        .addColumn('url', 'text')
        .addColumn('doi', 'text')
        .addColumn('accessed', 'text')
        .addPrimaryKeyConstraint('episode_source_pk', ['episode_id', 'position'])
        .execute();
      await db.schema
        .createTable('meta')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('episode_code_lookup')
        .on('episode_code')
        .columns(['field', 'value'])
        .execute();
    },
  },
  // Levels 2 and 3 with their basis: the proxy's years, a basis per coded value (JSON), a type per source.
  '0002-basis': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('episode').addColumn('power_year', 'integer').execute();
      await db.schema.alterTable('episode').addColumn('aligned_through', 'integer').execute();
      await db.schema.alterTable('episode').addColumn('basis', 'text').execute();
      await db.schema.alterTable('episode_source').addColumn('type', 'text').execute();
    },
  },
  // Where a copy of a work was read, kept apart from the work's own address.
  '0003-read-at': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('episode_source').addColumn('read_at', 'text').execute();
    },
  },
};

/**
 * Whether every migration is recorded as run. One query, where the Migrator's own check takes a lock and reads the
 * schema: opening a store is most of what a quick command does, and nearly always finds it up to date.
 */
async function isAtLatest(db: Kysely<Database>): Promise<boolean> {
  try {
    const run = await (db as unknown as Kysely<{ kysely_migration: { name: string } }>)
      .selectFrom('kysely_migration')
      .select('name')
      .orderBy('name')
      .execute();
    const wanted = Object.keys(migrations).sort();
    return run.length === wanted.length && run.every((row, i) => row.name === wanted[i]);
  } catch {
    // No migration table yet: a new database, which the Migrator sets up.
    return false;
  }
}

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Brings a database to the latest schema; a no-op (and no write) when it is there already. */
export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  if (await isAtLatest(db)) return;
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
