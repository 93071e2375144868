// The episode list's throughput beside a small endpoint's: 50 clients against the built server on 127.0.0.1,
// asking as a browser does (Accept-Encoding: gzip, deflate, br). The list is rendered and compressed once per
// record version and query, so it should come close to the small endpoint; the figures say how close.
import autocannon from 'autocannon';
import { withServer } from './bench-server.mjs';

const CONNECTIONS = 50;
const DURATION_S = Number(process.env.MEDDLE_BENCH_SECONDS ?? 10);
const HEADERS = { 'accept-encoding': 'gzip, deflate, br' };

/** The small endpoint first, as the yardstick; then the whole list, a page of it, and a revalidation. */
const TARGETS = [
  { name: 'GET /api/provenance (small)', path: '/api/provenance' },
  { name: 'GET /api/episodes (whole list)', path: '/api/episodes' },
  { name: 'GET /api/episodes?limit=50&fields=id,title', path: '/api/episodes?limit=50&fields=id,title' },
  { name: 'GET /api/episodes, If-None-Match (304)', path: '/api/episodes', revalidate: true },
];

async function load(url, target) {
  const headers = { ...HEADERS };
  if (target.revalidate === true) {
    const etag = (await fetch(`${url}${target.path}`, { headers })).headers.get('etag');
    if (etag !== null) headers['if-none-match'] = etag;
  }
  const result = await autocannon({
    url: `${url}${target.path}`,
    connections: CONNECTIONS,
    duration: DURATION_S,
    headers,
  });
  // A 304 is the answer asked for when revalidating, not an error.
  const errors = result.errors + result.timeouts + (target.revalidate === true ? 0 : result.non2xx);
  console.log(
    `list: ${target.name}: ${Math.round(result.requests.average)} requests/s, ` +
      `${(result.throughput.average / 1e6).toFixed(1)} MB/s sent, p99 latency ${result.latency.p99} ms, ` +
      `${errors} errors (${CONNECTIONS} connections, ${DURATION_S} s)`,
  );
  return errors;
}

export default async function bench() {
  await withServer(async (url) => {
    // Warm up: each view is rendered and compressed on its first request.
    for (const { path } of TARGETS) await (await fetch(`${url}${path}`, { headers: HEADERS })).arrayBuffer();
    let errors = 0;
    for (const target of TARGETS) errors += await load(url, target);
    if (errors > 0) {
      console.error(`list: ${errors} errors under load (must be 0)`);
      process.exitCode = 1;
    }
  });
}

// Run directly (node bench/list.bench.mjs) as well as from bench/run.mjs.
if (import.meta.url === `file://${process.argv[1]}`) await bench();
