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
  return entries.filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f)).map((f) => join(dir, f));
}

describe('the pure core, and presentation', () => {
  // render/ turns results into text, SVG and chart specs; it reads and writes nothing of its own.
  for (const folder of [...PURE, 'render']) {
    it(`src/${folder} touches no files, network, process, clock or Math.random`, () => {
      const offending = sources(join('src', folder)).flatMap((file) => {
        const text = readFileSync(file, 'utf8');
        return FORBIDDEN.filter((pattern) => pattern.test(text)).map((pattern) => `${file}: ${pattern}`);
      });
      expect(offending).toEqual([]);
    });
  }
});

/** Below the edges, an issue names a role (`db`, `where`) and the CLI words it; no code there names its options. */
describe('no CLI flag below the CLI', () => {
  const BELOW = [...PURE, 'store', 'sim-runner', 'render'];
  const FLAG = /['"`]--[a-z]/;
  const code = (text: string) =>
    text
      .split('\n')
      .filter((line) => !/^\s*(\*|\/\/|\/\*)/.test(line))
      .join('\n');
  for (const folder of BELOW) {
    it(`src/${folder} names no --option in its code`, () => {
      const offending = sources(join('src', folder)).filter((file) =>
        FLAG.test(code(readFileSync(file, 'utf8'))),
      );
      expect(offending).toEqual([]);
    });
  }
});

/** The edges meet only in the composition root (src/compose.ts): no edge imports another. */
describe('no edge imports another', () => {
  const EDGES = ['cli', 'server', 'web'];
  for (const edge of EDGES) {
    const others = EDGES.filter((other) => other !== edge);
    it(`src/${edge} imports nothing from ${others.map((o) => `src/${o}`).join(' or ')}`, () => {
      const reach = new RegExp(`(from|import\\()\\s*'\\.\\./(${others.join('|')})/`);
      const offending = sources(join('src', edge)).filter((file) => reach.test(readFileSync(file, 'utf8')));
      expect(offending).toEqual([]);
    });
  }
});
