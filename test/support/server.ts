/** An in-process API server on a fresh SQLite record, started before a test file's tests and stopped after. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildServer } from '../../src/server/index.js';
import { openStore, type RecordStore } from '../../src/store/index.js';

export interface TestServer {
  /** Set before the first test runs. */
  app: FastifyInstance;
  store: RecordStore;
  /** A temporary folder for the file's own files, removed with the server. */
  dir: string;
}

/** Registers the hooks that start and stop the server; read its fields inside tests. */
export function useTestServer(): TestServer {
  const server = {} as TestServer;
  beforeAll(async () => {
    server.dir = mkdtempSync(join(tmpdir(), 'meddle-server-'));
    server.store = await openStore(join(server.dir, 'record.db'));
    server.app = await buildServer({ store: server.store, version: '0.0.0-test' });
    await server.app.ready();
  });
  afterAll(async () => {
    await server.app?.close();
    await server.store?.close();
    rmSync(server.dir, { recursive: true, force: true });
  });
  return server;
}
