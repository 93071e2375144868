// Load on the API's read endpoints: 50 clients for 30 seconds against the built server on 127.0.0.1, printing
// requests per second, p99 latency and the error count, which must be zero.
import autocannon from 'autocannon';
import { withServer } from './bench-server.mjs';

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
  await withServer(async (url) => {
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
  });
}

// Run directly (node bench/server.bench.mjs) as well as from bench/run.mjs.
if (import.meta.url === `file://${process.argv[1]}`) await bench();
