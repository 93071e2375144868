// Whether heavy simulations stall the server: a cheap GET's latency (p50, p99, max) while two of the largest
// simulations the API allows (20 000 runs over 100 years, with yearly bands) run at once.
import { LIMITS } from '../dist/server/index.js';
import { withServer } from './bench-server.mjs';

const P99_AIM_MS = 50;

export default async function bench() {
  await withServer(async (url) => {
    await (await fetch(`${url}/api/provenance`)).text();
    const body = JSON.stringify({ scenario: { runs: LIMITS.runs, horizon: 100 }, trajectories: true });
    const latencies = [];
    let running = true;
    const started = performance.now();
    const heavy = Promise.all(
      Array.from({ length: LIMITS.concurrentSimulations }, () =>
        fetch(`${url}/api/sim/run`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        }).then((r) => r.text()),
      ),
    ).finally(() => {
      running = false;
    });
    while (running) {
      const t = performance.now();
      await (await fetch(`${url}/api/provenance`)).text();
      latencies.push(performance.now() - t);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await heavy;
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
    const p99 = at(0.99);
    console.log(
      `cheap GET during ${LIMITS.concurrentSimulations} simulations of ${LIMITS.runs} runs × 100 years (${seconds.toFixed(1)} s): ` +
        `${latencies.length} requests, p50 ${at(0.5).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${latencies.at(-1).toFixed(1)} ms ` +
        `${p99 < P99_AIM_MS ? 'ok' : `ABOVE ${P99_AIM_MS} ms`}`,
    );
  });
}
