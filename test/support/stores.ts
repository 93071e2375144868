/** The stores a contract test runs on: a SQLite file in a temporary folder, and a fresh PostgreSQL database. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, postgresAvailable } from './postgres.js';

export interface StoreTarget {
  readonly name: 'sqlite' | 'postgres';
  /** A `--db` value naming a database that does not exist yet (or is empty). */
  readonly spec: string;
  readonly cleanup: () => Promise<void>;
}

export type StoreFactory = () => Promise<StoreTarget>;

export async function storeFactories(): Promise<{ name: 'sqlite' | 'postgres'; make: StoreFactory }[]> {
  const sqlite: StoreFactory = async () => {
    const dir = mkdtempSync(join(tmpdir(), 'meddle-test-'));
    return {
      name: 'sqlite',
      spec: join(dir, 'record.db'),
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    };
  };
  const postgres: StoreFactory = async () => {
    const { url, drop } = await createTestDatabase();
    return { name: 'postgres', spec: url, cleanup: drop };
  };
  return [
    { name: 'sqlite', make: sqlite },
    ...((await postgresAvailable()) ? [{ name: 'postgres' as const, make: postgres }] : []),
  ];
}
