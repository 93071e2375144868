/** The analytics commands as a user runs them: table, check-table, model logit and agreement. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadBundledRecord } from '../src/store/index.js';
import { meddle } from './support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'meddle-analytics-'));
const db = join(dir, 'record.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const { episodes } = loadBundledRecord();

describe('meddle table', () => {
  it('cross-tabulates proxyOutcome by side among electoral episodes, matching an independent count', async () => {
    const run = await meddle([
      '--db',
      db,
      'table',
      'proxyOutcome',
      '--by',
      'side',
      '--where',
      'kind=electoral',
      '--format',
      'json',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as {
      result: { table: { rowLevels: string[]; columnLevels: string[]; counts: number[][] } };
      record: { hash: string };
    };
    const { rowLevels, columnLevels, counts } = out.result.table;
    for (const [i, outcome] of rowLevels.entries())
      for (const [j, side] of columnLevels.entries()) {
        let expected = 0;
        for (const e of episodes)
          if (e.kind === 'electoral' && e.proxyOutcome === outcome && e.side === side) expected++;
        expect(counts[i]?.[j], `${outcome} × ${side}`).toBe(expected);
      }
    expect(out.record.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('prints text with intervals, the test, the exclusions applied and provenance, and writes the chart', async () => {
    const chart = join(dir, 'chart.svg');
    const run = await meddle([
      '--db',
      db,
      'table',
      'proxyOutcome',
      '--by',
      'side',
      '--exclude',
      'unknown-outcome',
      '--pool',
      '--chart',
      chart,
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/chi-square\(\d+\) = /);
    expect(run.stdout).toMatch(/excluded \(unknown-outcome\): \d+/);
    expect(run.stdout).toContain('partially pooled shares');
    expect(run.stdout).toMatch(/record 2026\.\d+\.\d+ sha256 [0-9a-f]{16}/);
    const svg = readFileSync(chart, 'utf8');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('incumbent');
  });

  it('exits 2 for an unknown field, rule or format, suggesting the right one', async () => {
    const field = await meddle(['--db', db, 'table', 'proxyOutcom', '--by', 'side']);
    expect(field.code).toBe(2);
    expect(field.stderr).toContain('did you mean proxyOutcome?');
    expect(
      (await meddle(['--db', db, 'table', 'side', '--by', 'kind', '--exclude', 'everything'])).code,
    ).toBe(2);
    expect((await meddle(['--db', db, 'table', 'side', '--by', 'kind', '--format', 'xlsx'])).code).toBe(2);
  });

  it('takes any seed a scenario file takes, 0 to 2^53 − 1, and no larger, as the API does', async () => {
    const table = (seed: string) =>
      meddle(['--db', db, 'table', 'side', '--by', 'kind', '--seed', seed, '--format', 'json']);
    expect((await table(String(Number.MAX_SAFE_INTEGER))).code).toBe(0);
    expect((await table('4294967296')).code).toBe(0);
    const past = await table('9007199254740992');
    expect(past.code).toBe(2);
    expect(past.stderr).toContain('--seed');
    expect(past.stderr).toContain(String(Number.MAX_SAFE_INTEGER));
  });
});

describe('meddle check-table', () => {
  it("finds exactly the three faults of the article's Table 2", async () => {
    const run = await meddle(['check-table', 'data/published/istomin-table-2.yaml', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const { faults } = JSON.parse(run.stdout) as { faults: { kind: string; printed: number }[] };
    expect(faults.map((f) => [f.kind, f.printed])).toEqual([
      ['row-total', 67],
      ['row-total', 48],
      ['share', 61],
    ]);
    const text = await meddle(['check-table', 'data/published/istomin-table-2.yaml']);
    expect(text.stdout).toContain('3 faults');
    expect(text.stdout).toContain('49.4–72.4');
  });
});

describe('meddle check-table and meddle replicate on the published results', () => {
  it("flags O'Rourke's 25 of 64 against Downes and O'Rourke's 24 of 63", async () => {
    const run = await meddle(['check-table', 'data/published/orourke-covert-regime-change.yaml', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const { kind, faults } = JSON.parse(run.stdout) as {
      kind: string;
      faults: { kind: string; message: string }[];
    };
    expect(kind).toBe('rate');
    expect(faults.map((f) => f.kind)).toEqual(['sources-disagree']);
    expect(faults[0]?.message).toContain(
      "O'Rourke 2018: 25 of 64 (39.1 %); Downes and O'Rourke 2016: 24 of 63",
    );
    const text = await meddle(['check-table', 'data/published/levin-peig-rate.yaml']);
    expect(text.stdout).toContain('2 faults');
    expect(text.stdout).toContain('11.3 % of 937 is 106, not 117');
  });

  it('replicates every bundled result against a release, published beside ours with its interval', async () => {
    const run = await meddle(['replicate', '--record', '2026.12.1', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const { record, results } = JSON.parse(run.stdout) as {
      record: { version: string };
      results: {
        id: string;
        replication?: {
          universe: number;
          unavailable?: string;
          lines: { figure: string; published: string; ours: string }[];
        };
      }[];
    };
    expect(record.version).toBe('2026.12.1');
    const byId = Object.fromEntries(results.map((r) => [r.id, r.replication]));
    expect(Object.keys(byId)).toEqual([
      'istomin-table-2',
      'levin-peig-rate',
      'levin-peig-split',
      'levin-vote-share-effect',
      'orourke-covert-regime-change',
    ]);
    expect(byId['levin-peig-split']?.lines.map((l) => [l.published, l.ours])).toEqual([
      ['81', '56'],
      ['36', '18'],
      ['117', '74'],
    ]);
    expect(byId['levin-vote-share-effect']?.unavailable).toContain('not vote shares');
    const text = await meddle([
      'replicate',
      'data/published/orourke-covert-regime-change.yaml',
      '--record',
      '2026.12.1',
    ]);
    expect(text.stdout).toContain("share (O'Rourke 2018)");
    expect(text.stdout).toMatch(/25 of 64 +14 of 47 +39\.1 +29\.8 \(18\.7–44\.0\)/);
  });

  it('exits 2 naming the file, line and field of a bad published result', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'meddle-published-'));
    const file = join(dir, 'bad.yaml');
    writeFileSync(
      file,
      'id: x\nkind: parts\ntitle: t\nsources: { a: { authors: [A], title: T, year: 2000, page: "1" } }\ntotal: { source: a, count: 3 }\nparts:\n  - { id: p, label: P, source: z, count: 1 }\n  - { id: q, label: Q, source: a, count: 2 }\n',
    );
    const run = await meddle(['replicate', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${file}:7: parts[0].source: no such source`);
  });
});

describe('meddle model logit', () => {
  it('fits a logistic regression on the record and prints it like a statistics package', async () => {
    const run = await meddle([
      '--db',
      db,
      'model',
      'logit',
      'proxyOutcome',
      '~',
      'side',
      '+',
      'covert',
      '--exclude',
      'unknown-side',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Logistic regression: proxyOutcome = won ~ side + covert');
    expect(run.stdout).toMatch(/\(Intercept\)/);
    expect(run.stdout).toMatch(/side:challenger/);
    expect(run.stdout).toMatch(/n = \d+; log-likelihood = -\d+\.\d+/);
    expect(run.stdout).toMatch(/left out: \d+ episodes with proxyOutcome (unknown|partial)/);
  });

  it('exits 2 for a malformed formula, naming it', async () => {
    const run = await meddle(['--db', db, 'model', 'logit', 'proxyOutcome', 'side']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('expected OUTCOME ~ FIELD');
  });
});

describe('meddle agreement', () => {
  it("reproduces Krippendorff's binary example (alpha = 0.095) from a long CSV", async () => {
    // Krippendorff (2011), "Computing Krippendorff's alpha-reliability", two coders, ten units.
    const a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0];
    const b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0];
    const rows = a.flatMap((code, u) => [`u${u},A,flag,${code}`, `u${u},B,flag,${b[u]}`]);
    const file = join(dir, 'codings.csv');
    writeFileSync(file, ['unit,coder,field,value', ...rows].join('\n'));
    const run = await meddle(['agreement', file, '--json', '--replicates', '200']);
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as { fields: { field: string; alpha: number }[] };
    expect(out.fields[0]?.alpha).toBeCloseTo(0.095238, 6);
  });

  it('exits 2 naming the line of a unit coded twice by one coder', async () => {
    const file = join(dir, 'twice.csv');
    writeFileSync(file, 'unit,coder,field,value\nu1,A,side,incumbent\nu1,A,side,challenger\n');
    const run = await meddle(['agreement', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${file}:3: value:`);
  });
});

describe('meddle survival', () => {
  it('follows every proxy in power of the bundled record, counting its defections, with a chart', async () => {
    const chart = join(dir, 'survival.svg');
    const run = await meddle(['--db', db, 'survival', '--by', 'kind', '--json', '--chart', chart]);
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as {
      result: {
        groups: { label: string; curve: { n: number; events: number } }[];
        logRank?: { df: number };
        excluded: { episodes: string[] }[];
      };
    };
    const held = episodes.filter((e) => e.proxyOutcome === 'won' || e.proxyOutcome === 'partial');
    const followed = out.result.groups.reduce((sum, g) => sum + g.curve.n, 0);
    const left = out.result.excluded.reduce((sum, x) => sum + x.episodes.length, 0);
    expect(followed + left).toBe(held.length);
    const events = out.result.groups.reduce((sum, g) => sum + g.curve.events, 0);
    expect(events).toBe(held.filter((e) => e.defected === 'yes' && e.defectedYear !== null).length);
    expect(out.result.logRank?.df).toBe(out.result.groups.length - 1);
    expect(readFileSync(chart, 'utf8')).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  });

  it('exits 2 on a field with several values per episode, naming the option', async () => {
    const run = await meddle(['--db', db, 'survival', '--by', 'means']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--by');
  });
});
