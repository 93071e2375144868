/** `meddle assess` as a user runs it: the three examples' verdicts in the article's order, provenance on every number, exit 2 on bad scenarios. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERDICTS } from '../src/assess/index.js';
import { meddle } from './support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'meddle-assess-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
/** The store every run reads, made from the bundled record on first use. */
const db = join(dir, 'record.db');

const EXAMPLES = {
  major: 'examples/assess/covert-major-power.yaml',
  ccp: 'examples/assess/soviet-ccp-1945.yaml',
  small: 'examples/assess/small-state-incumbent-election.yaml',
} as const;

interface Report {
  readonly verdict: { readonly verdict: (typeof VERDICTS)[number]; readonly reasons: readonly unknown[] };
  readonly odds: { readonly payoff: { readonly value: number } };
  readonly comparables: {
    readonly list: readonly { readonly id: string; readonly sources: readonly unknown[] }[];
  };
  readonly simulations: readonly {
    readonly id: string;
    readonly scenario: { readonly seed: number; readonly runs: number };
  }[];
  readonly provenance: {
    readonly meddle: string;
    readonly record: { readonly version: string; readonly hash: string };
    readonly model: string;
    readonly seed: number;
  };
}

const reports: Partial<Record<keyof typeof EXAMPLES, { text: string; report: Report }>> = {};

beforeAll(async () => {
  for (const [name, file] of Object.entries(EXAMPLES) as [keyof typeof EXAMPLES, string][]) {
    const run = await meddle(['--db', db, 'assess', file, '--format', 'json']);
    if (run.code !== 0) throw new Error(`${file}: exit ${run.code}: ${run.stderr}`);
    reports[name] = { text: run.stdout, report: JSON.parse(run.stdout) as Report };
  }
});

const report = (name: keyof typeof EXAMPLES): Report => {
  const entry = reports[name];
  if (entry === undefined) throw new Error(`no report for ${name}`);
  return entry.report;
};

/** Every numeric leaf with the path to it, skipping the report's own provenance block (which is the provenance). */
function numbersWithoutProvenance(value: unknown, path: string, covered: boolean, out: string[]): void {
  if (typeof value === 'number') {
    if (!covered) out.push(path);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const here = covered || (!Array.isArray(value) && 'provenance' in value);
  for (const [key, child] of Object.entries(value))
    numbersWithoutProvenance(child, `${path}.${key}`, here, out);
}

/** A copy of an example with one edit, written to the test folder. */
function edited(name: string, example: string, edit: (text: string) => string): string {
  const file = join(dir, name);
  writeFileSync(file, edit(readFileSync(example, 'utf8')));
  return file;
}

describe('meddle assess', () => {
  it('orders the examples as the article argues: a major-power target worst, small-state incumbent support best', () => {
    const rank = (name: keyof typeof EXAMPLES) => VERDICTS.indexOf(report(name).verdict.verdict);
    expect(report('major').verdict.verdict).toBe('advise against');
    // The Soviet–CCP verdict sits on the edge of "advise against" (docs/assessment.md) and may meet the
    // major-power one; its odds of paying off must still lie strictly between the two others'.
    expect(rank('major')).toBeLessThanOrEqual(rank('ccp'));
    expect(rank('ccp')).toBeLessThan(rank('small'));
    expect(report('major').odds.payoff.value).toBeLessThan(report('ccp').odds.payoff.value);
    expect(report('ccp').odds.payoff.value).toBeLessThan(report('small').odds.payoff.value);
    for (const name of Object.keys(EXAMPLES) as (keyof typeof EXAMPLES)[])
      expect(report(name).verdict.reasons).toHaveLength(3);
  });

  it('gives every number of the JSON report a provenance', () => {
    for (const name of Object.keys(EXAMPLES) as (keyof typeof EXAMPLES)[]) {
      const { provenance, ...rest } = report(name);
      const bare: string[] = [];
      numbersWithoutProvenance(rest, name, false, bare);
      expect(bare).toEqual([]);
      expect(provenance.record.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(provenance.model).toMatch(/^\d+\.\d+\.\d+$/);
    }
  });

  it('names the seed and runs of every simulation and the sources of every comparable', () => {
    const ccp = report('ccp');
    expect(ccp.provenance.seed).toBe(1945);
    expect(ccp.simulations.map((s) => s.scenario.seed)).toEqual([1945]);
    expect(ccp.comparables.list.length).toBeGreaterThan(0);
    for (const c of ccp.comparables.list) expect(c.sources.length).toBeGreaterThan(0);
    // The operation itself is in the record; it must not be its own comparable.
    expect(ccp.comparables.list.map((c) => c.id)).not.toContain('rus-chn-1921-ccp');
    expect(report('small').simulations.map((s) => s.id)).toEqual(['main', 'after-a-win']);
  });

  it('gives the same JSON for the same scenario and seed', async () => {
    const again = await meddle(['--db', db, 'assess', EXAMPLES.major, '--format', 'json']);
    expect(again.stdout).toBe(reports.major?.text);
  });

  it('reads the store it is given, as POST /api/assess reads the store it serves', async () => {
    const empty = join(dir, 'empty.db');
    expect((await meddle(['--db', empty, 'db', 'init', '--empty'])).code).toBe(0);
    const run = await meddle(['--db', empty, 'assess', EXAMPLES.small, '--format', 'json']);
    expect(run.code).toBe(0);
    const fromEmpty = JSON.parse(run.stdout) as Report & { provenance: { record: { episodes: number } } };
    expect(fromEmpty.provenance.record.episodes).toBe(0);
    expect(fromEmpty.comparables.list).toEqual([]);
    expect(report('small').comparables.list.length).toBeGreaterThan(0);
    const release = await meddle(['--record', '2026.11.0', 'assess', EXAMPLES.small, '--format', 'json']);
    expect((JSON.parse(release.stdout) as Report).provenance.record.version).toBe('2026.11.0');
  });

  it('writes Markdown with the verdict, the odds, the ledger, the risks, the assumptions and the sources', async () => {
    const run = await meddle(['--db', db, 'assess', EXAMPLES.major]);
    expect(run.code).toBe(0);
    for (const heading of [
      '## Verdict: advise against',
      '## The odds',
      '## Comparable episodes',
      '## Base rates',
      '## Simulation',
      '## Cost ledger',
      '## Risk register',
      '## Key assumptions',
      '## Sources of the comparables',
    ])
      expect(run.stdout).toContain(heading);
    expect(run.stdout).toMatch(/model \d+\.\d+\.\d+ · seed 1951 · 4000 runs/);
  });

  it('writes one self-contained HTML file with its charts inline', async () => {
    const out = join(dir, 'report.html');
    const run = await meddle(['--db', db, 'assess', EXAMPLES.small, '--format', 'html', '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('favourable');
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html.match(/<svg/g)?.length ?? 0).toBeGreaterThanOrEqual(3);
    expect(html).not.toMatch(/<script|<link|<img|src="http|@import/);
  });

  it('exits 2 on an unknown country, naming the field and the nearest state', async () => {
    const file = edited('unknown-country.yaml', EXAMPLES.ccp, (t) =>
      t.replace('target: China ', 'target: Chinaa'),
    );
    const run = await meddle(['--db', db, 'assess', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^error: .*unknown-country\.yaml:6: target: unknown country \(got "Chinaa"; did you mean China \(CHN, 710\)\?/m,
    );
  });

  it('exits 2 on an out-of-range field, naming the field and what is allowed', async () => {
    const file = edited('bad-capability.yaml', EXAMPLES.ccp, (t) =>
      t.replace('capability: 0.85', 'capability: 1.5'),
    );
    const run = await meddle(['--db', db, 'assess', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /bad-capability\.yaml:\d+: proxy\.capability: .*got "1\.5"; allowed: a number from 0 to 1/,
    );
  });

  it('exits 2 on an unknown field or value, offering the nearest allowed one', async () => {
    const file = edited('misspelt.yaml', EXAMPLES.major, (t) =>
      t.replace('pressure: 0.5', 'presure: 0.5').replace('side: challenger', 'side: rebels'),
    );
    const run = await meddle(['--db', db, 'assess', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/misspelt\.yaml:\d+: side: .*got "rebels"; allowed: incumbent, challenger/);
    expect(run.stderr).toMatch(/misspelt\.yaml:\d+: presure: unknown field .*did you mean pressure\?/);
  });
});
