/** A fresh PostgreSQL database per test file, on the server that .ci/start-services.sh starts. */
import pg from 'pg';

/** The server's admin database; MEDDLE_TEST_PG_URL points at it (CI sets it; see .ci/run). */
const ADMIN_URL = process.env.MEDDLE_TEST_PG_URL ?? 'postgres://meddle:meddle@127.0.0.1:5432/meddle_test';

let reachable: boolean | undefined;

async function serverReachable(): Promise<boolean> {
  if (reachable !== undefined) return reachable;
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    reachable = true;
  } catch {
    reachable = false;
  } finally {
    await client.end().catch(() => undefined);
  }
  return reachable;
}

/**
 * Whether PostgreSQL tests can run. In CI they must: a missing server is a failure there, not a skip.
 * Elsewhere they skip with the reason printed.
 */
export async function postgresAvailable(): Promise<boolean> {
  if (await serverReachable()) return true;
  if (process.env.CI === 'true') throw new Error(`PostgreSQL is not reachable at ${ADMIN_URL} in CI`);
  console.warn(`skipping PostgreSQL tests: no server at ${ADMIN_URL} (run .ci/start-services.sh)`);
  return false;
}

let counter = 0;

/** Creates an empty database and returns its URL with a function that drops it. */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `meddle_t_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: ADMIN_URL });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}
