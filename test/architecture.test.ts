/** The pure core stays pure: no module in it reaches files, the network, the process, clocks or Math.random. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const PURE = ['domain', 'stats', 'sim', 'trace', 'assess'];
const FORBIDDEN = [
  /from 'node:(fs|net|http|https|child_process|os|worker_threads)/,
  /from '(fs|net|http|https|child_process|os|worker_threads)'/,
  /\bprocess\.(env|argv|exit|stdout|stderr|cwd)/,
  /\bDate\.now\(/,
  /new Date\(\)/,
  /\bMath\.random\(/,
  /from '\.\.\/(store|cli|server|web|sim-runner)\//,
];

function sources(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir, { recursive: true }) as string[];
  } catch {
    return [];
  }
  return entries.filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).map((f) => join(dir, f));
}

describe('the pure core', () => {
  for (const folder of PURE) {
    it(`src/${folder} touches no files, network, process, clock or Math.random`, () => {
      const offending = sources(join('src', folder)).flatMap((file) => {
        const text = readFileSync(file, 'utf8');
        return FORBIDDEN.filter((pattern) => pattern.test(text)).map((pattern) => `${file}: ${pattern}`);
      });
      expect(offending).toEqual([]);
    });
  }
});
