// How fast `meddle` starts: --version, --help and record list against a bare `node -e 0`, as ratios measured in
// one run on this machine (the aim: --version and --help within 2×, record list within 3×).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const cli = new URL('../dist/cli/main.js', import.meta.url).pathname;

/** The median wall time of `runs` runs of a command, after one run to warm the file cache. */
function median(args, runs = 7) {
  execFileSync(process.execPath, args, { stdio: 'ignore' });
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    execFileSync(process.execPath, args, { stdio: 'ignore' });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

export default async function bench() {
  const dir = mkdtempSync(join(tmpdir(), 'meddle-start-'));
  try {
    const db = join(dir, 'record.db');
    execFileSync(process.execPath, [cli, '--db', db, 'db', 'init'], { stdio: 'ignore' });
    const bare = median(['-e', '0']);
    console.log(`node -e 0: ${bare.toFixed(0)} ms`);
    for (const [label, args, bound] of [
      ['meddle --version', [cli, '--version'], 2],
      ['meddle --help', [cli, '--help'], 2],
      ['meddle record list', [cli, '--db', db, 'record', 'list'], 3],
    ]) {
      const ms = median(args);
      const ratio = ms / bare;
      console.log(
        `${label}: ${ms.toFixed(0)} ms, ${ratio.toFixed(1)}× node ${ratio <= bound ? 'ok' : `ABOVE ${bound}×`}`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
