// Load on the API's read endpoints: 50 clients for 30 seconds against the built server on 127.0.0.1, printing
// requests per second, p99 latency and the error count, which must be zero.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { buildServer } from '../dist/server/index.js';
import { openStore } from '../dist/store/index.js';

const CONNECTIONS = 50;
const DURATION_S = Number(process.env.MEDDLE_BENCH_SECONDS ?? 30);

/** What a reader of the record does: lists, filters, one episode, a table, a case, provenance. */
const READS = [
  '/api/episodes',
  '/api/episodes?kind=electoral&side=challenger',
  '/api/episodes/usa-ita-1948-election',
  '/api/table?row=proxyOutcome&by=side',
  '/api/cases/soviet-ccp',
  '/api/provenance',
  '/api/fields',
];

export default async function bench() {
  const dir = mkdtempSync(join(tmpdir(), 'meddle-bench-'));
  const store = await openStore(join(dir, 'record.db'));
  const app = await buildServer({ store, version: 'bench' });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    // Warm up: the first table and case trace are computed once, then served from their caches.
    for (const path of READS) await (await fetch(`${url}${path}`)).arrayBuffer();
    const result = await autocannon({
      url,
      connections: CONNECTIONS,
      duration: DURATION_S,
      requests: READS.map((path) => ({ method: 'GET', path })),
    });
    const errors = result.errors + result.timeouts + result.non2xx;
    console.log(
      `server: ${CONNECTIONS} connections for ${DURATION_S} s on ${READS.length} read endpoints: ` +
        `${Math.round(result.requests.average)} requests/s, p99 latency ${result.latency.p99} ms, ` +
        `${errors} errors (${result.requests.total} requests)`,
    );
    if (errors > 0) {
      console.error(`server: ${errors} errors under load (must be 0)`);
      process.exitCode = 1;
    }
  } finally {
    await app.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

// Run directly (node bench/server.bench.mjs) as well as from bench/run.mjs.
if (import.meta.url === `file://${process.argv[1]}`) await bench();
