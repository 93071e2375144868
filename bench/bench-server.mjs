// The built server on 127.0.0.1 over a fresh SQLite copy of the bundled record, for the benches that load it;
// everything is closed and removed after `work`, whatever happens.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildServer } from '../dist/server/index.js';
import { openStore } from '../dist/store/index.js';

export async function withServer(work) {
  const dir = mkdtempSync(join(tmpdir(), 'meddle-bench-'));
  const store = await openStore(join(dir, 'record.db'));
  const app = await buildServer({ store, version: 'bench' });
  try {
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    return await work(url);
  } finally {
    await app.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
