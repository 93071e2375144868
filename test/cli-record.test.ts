/** The record commands as a user runs them: output, exit codes, and what they leave in the database. */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { EPISODE_FIELDS, type Episode } from '../src/domain/index.js';
import { canonicalJson, formatEpisodesCsv, loadBundledRecord } from '../src/store/index.js';
import { meddle } from './support/cli.js';
import { storeFactories } from './support/stores.js';

const bundled = loadBundledRecord();
const dir = mkdtempSync(join(tmpdir(), 'meddle-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** A CSV of new episodes, rows built one at a time so that each row's first line is known independently. */
function csvWithBadRows(badAt: ReadonlyMap<number, Readonly<Record<string, string>>>) {
  const header = EPISODE_FIELDS.filter((f) => f !== 'targetClass');
  const source = bundled.episodes.slice(0, 1)[0];
  if (source === undefined) throw new Error('the bundled record is empty');
  let text = stringify([header], { record_delimiter: '\n' });
  let line = 2;
  const lines: number[] = [];
  for (let i = 0; i < 6; i++) {
    const episode: Episode = { ...source, id: `${source.id}-copy-${i}` };
    const row: Record<string, string> = Object.fromEntries(
      header.map((f) => {
        const value = episode[f];
        if (f === 'sources')
          return [
            f,
            episode.sources
              .map(
                (s) =>
                  `${s.authors.join('; ')} | ${s.year ?? 'n.d.'} | ${s.title} | url=https://example.org/${i}`,
              )
              .join('\n'),
          ];
        if (f === 'basis') return [f, JSON.stringify(value)];
        return [f, Array.isArray(value) ? value.join(';') : value === null ? '' : String(value)];
      }),
    );
    Object.assign(row, badAt.get(i));
    const rowText = stringify([header.map((f) => row[f] ?? '')], { record_delimiter: '\n' });
    lines.push(line);
    line += rowText.split('\n').length - 1;
    text += rowText;
  }
  return { text, lines };
}

describe.each(await storeFactories())('meddle record on $name', ({ name, make }) => {
  it('lists the bundled episodes as JSON, each with a source and a derived target class', async () => {
    const target = await make();
    try {
      const run = await meddle(['--db', target.spec, 'record', 'list', '--json']);
      expect(run.code).toBe(0);
      const out = JSON.parse(run.stdout) as {
        episodes: Episode[];
        record: { hash: string; version: string };
      };
      expect(out.episodes.length).toBe(bundled.episodes.length);
      for (const e of out.episodes) {
        expect(e.sources.length).toBeGreaterThan(0);
        expect(['major-power', 'minor-power']).toContain(e.targetClass);
      }
      expect(out.record.hash).toBe(bundled.provenance.hash);
    } finally {
      await target.cleanup();
    }
  });

  it('rejects a CSV with three bad rows among good ones: exit 2, all three errors with their lines, nothing written', async () => {
    const target = await make();
    try {
      expect((await meddle(['--db', target.spec, 'db', 'init'])).code).toBe(0);
      const before = await meddle(['--db', target.spec, 'record', 'export', '--format', 'json']);
      const fileBytes = name === 'sqlite' ? sha(target.spec) : undefined;
      const { text, lines } = csvWithBadRows(
        new Map([
          [1, { kind: 'coup' }],
          [3, { startYear: '19x8' }],
          // Without sources the basis cannot point at any, so it goes too: one error for the row, not one per index.
          [4, { sources: '', basis: '' }],
        ]),
      );
      const file = join(dir, `bad-${name}.csv`);
      writeFileSync(file, text);
      const run = await meddle(['--db', target.spec, 'record', 'import', file]);
      expect(run.code).toBe(2);
      const errors = run.stderr.split('\n').filter((l) => l.startsWith('error:'));
      expect(errors).toHaveLength(3);
      expect(errors[0]).toContain(`${file}:${lines[1]}: kind:`);
      expect(errors[0]).toContain('allowed: electoral');
      expect(errors[1]).toContain(`${file}:${lines[3]}: startYear:`);
      expect(errors[1]).toContain('"19x8"');
      expect(errors[2]).toContain(`${file}:${lines[4]}: sources:`);
      expect(run.stderr).toContain('nothing was written');
      const after = await meddle(['--db', target.spec, 'record', 'export', '--format', 'json']);
      expect(after.stdout).toBe(before.stdout);
      if (fileBytes !== undefined) expect(sha(target.spec)).toBe(fileBytes);
    } finally {
      await target.cleanup();
    }
  });

  it('exports, and imports the export into an empty database, giving an identical record', async () => {
    const target = await make();
    const empty = await make();
    try {
      for (const format of ['csv', 'json'] as const) {
        const file = join(dir, `export-${name}.${format}`);
        expect(
          (await meddle(['--db', target.spec, 'record', 'export', '--format', format, '--out', file])).code,
        ).toBe(0);
        expect((await meddle(['--db', empty.spec, 'db', 'init', '--empty', '--force'])).code).toBe(0);
        const imported = await meddle(['--db', empty.spec, 'record', 'import', file]);
        expect(imported.code, imported.stderr).toBe(0);
        const a = JSON.parse((await meddle(['--db', target.spec, 'record', 'list', '--json'])).stdout);
        const b = JSON.parse((await meddle(['--db', empty.spec, 'record', 'list', '--json'])).stdout);
        expect(canonicalJson(b.episodes)).toBe(canonicalJson(a.episodes));
        expect(b.record.hash).toBe(a.record.hash);
      }
    } finally {
      await target.cleanup();
      await empty.cleanup();
    }
  });
});

describe('meddle record, whatever the store', () => {
  const db = join(dir, 'plain.db');

  it('filters with --where and explains a mistyped field or value', async () => {
    const ok = await meddle(['--db', db, 'record', 'list', '--where', 'kind=electoral', '--json']);
    expect(ok.code).toBe(0);
    const episodes = (JSON.parse(ok.stdout) as { episodes: Episode[] }).episodes;
    expect(episodes.map((e) => e.id).sort()).toEqual(
      bundled.episodes
        .filter((e) => e.kind === 'electoral')
        .map((e) => e.id)
        .sort(),
    );
    const field = await meddle(['--db', db, 'record', 'list', '--where', 'knd=electoral']);
    expect(field.code).toBe(2);
    expect(field.stderr).toContain('did you mean kind?');
    const value = await meddle(['--db', db, 'record', 'list', '--where', 'side=incumbnt']);
    expect(value.code).toBe(2);
    expect(value.stderr).toContain('did you mean incumbent?');
  });

  it('shows one episode with its sources, and exits 2 for an unknown id', async () => {
    const first = bundled.episodes[0];
    if (first === undefined) throw new Error('the bundled record is empty');
    const shown = await meddle(['--db', db, 'record', 'show', first.id]);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain(first.title);
    expect(shown.stdout).toContain(first.sources[0]?.title ?? '');
    const missing = await meddle(['--db', db, 'record', 'show', 'no-such-episode']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such episode');
  });

  it('validates a file without a database, reporting every issue', async () => {
    const file = join(dir, 'one-bad.json');
    writeFileSync(
      file,
      JSON.stringify([{ ...bundled.episodes[0], id: 'Bad Id', means: ['bribes'] }], null, 2),
    );
    const run = await meddle(['record', 'validate', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${file}:2: id:`);
    expect(run.stderr).toContain(`${file}:2: means[0]:`);
    const good = join(dir, 'good.csv');
    writeFileSync(good, formatEpisodesCsv(bundled.episodes));
    expect((await meddle(['record', 'validate', good])).stdout).toContain(
      `${bundled.episodes.length} episodes, all valid`,
    );
  });

  it('cites the sources of a selection as BibTeX', async () => {
    const run = await meddle(['--db', db, 'cite', '--where', 'kind=electoral']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^@(misc|article)\{/m);
  });

  it('prints coverage with the record version and hash', async () => {
    const run = await meddle(['--db', db, 'record', 'stats', '--json']);
    const out = JSON.parse(run.stdout) as { coverage: { episodes: number }; record: { hash: string } };
    expect(out.coverage.episodes).toBe(bundled.episodes.length);
    expect(out.record.hash).toBe(bundled.provenance.hash);
  });

  it('answers usage errors with exit 2 and help with exit 0', async () => {
    expect((await meddle(['record', 'lst'])).code).toBe(2);
    expect((await meddle(['record', 'list', '--bogus'])).code).toBe(2);
    const help = await meddle(['record', 'import', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--dry-run');
    expect((await meddle(['--version'])).code).toBe(0);
  });

  it('exits 2 naming --db when the database folder does not exist', async () => {
    const run = await meddle(['--db', join(dir, 'missing', 'record.db'), 'record', 'list']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--db: the folder for the database does not exist');
  });

  it("prints the API's error body on standard error with --json, the role named as the CLI's option", async () => {
    const run = await meddle(['--db', join(dir, 'missing', 'record.db'), 'record', 'list', '--json']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    const body = JSON.parse(run.stderr);
    expect(Object.keys(body)).toEqual(['error', 'message', 'issues']);
    expect(body.error).toBe('bad-request');
    expect(body.issues[0]).toMatchObject({ code: 'no-database-folder', role: 'db', field: '--db' });
    expect(body.message).toContain('--db: the folder for the database does not exist');
  });

  it('refuses to overwrite a database without --force', async () => {
    const file = join(dir, 'exists.db');
    expect((await meddle(['--db', file, 'db', 'init'])).code).toBe(0);
    const again = await meddle(['--db', file, 'db', 'init']);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('--force');
  });
});

describe('meddle record stats --unknown', () => {
  it('lists the episodes whose field is unknown where the codebook asks it, with what was looked for', async () => {
    // The bundled release itself, not whatever ./meddle.db holds in the working folder.
    const release = bundled.provenance.version;
    const run = await meddle(['--record', release, 'record', 'stats', '--unknown', 'exposed', '--json']);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { field: string; unknowns: { id: string; reason: string }[] };
    const expected = bundled.episodes.filter((e) => e.covert && e.exposed === 'unknown').map((e) => e.id);
    expect(out.field).toBe('exposed');
    expect(out.unknowns.map((u) => u.id)).toEqual([...expected].sort());
    for (const u of out.unknowns) expect(u.reason.length).toBeGreaterThan(0);
  });

  it('exits 2 on a field that is not on levels 2 and 3', async () => {
    const run = await meddle(['record', 'stats', '--unknown', 'kind']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('payoff, defected, exposed, dispute, grievance');
  });
});

describe('meddle record lint', () => {
  it('finds the bundled record clean against the codebook and the MID extract', async () => {
    const run = await meddle(['record', 'lint', '--present', '2026', '--json']);
    const out = JSON.parse(run.stdout) as { episodes: number; findings: unknown[] };
    expect(out.findings).toEqual([]);
    expect(out.episodes).toBe(bundled.episodes.length);
    expect(run.code).toBe(0);
  });

  it('exits 2 and names the episode, the rule and the field for each finding', async () => {
    const first = bundled.episodes[0];
    if (first === undefined) throw new Error('the bundled record is empty');
    const { targetClass: _t, ...coded } = first;
    const { grievance: _g, ...basis } = coded.basis;
    const file = join(dir, 'unlinted.json');
    writeFileSync(file, JSON.stringify([{ ...coded, basis }]));
    const run = await meddle(['record', 'lint', file, '--present', '2026']);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(`basis-missing  ${first.id}  basis.grievance: grievance has no basis`);
    expect(run.stderr).toContain('record lint: 1 finding');
  });

  it('fails a covert regime change coded overt, naming the episode and the rule', async () => {
    const covert = bundled.episodes.find((e) => e.kind === 'covert-regime-change');
    if (covert === undefined) throw new Error('the bundled record has no covert regime change');
    const { targetClass: _t, ...coded } = covert;
    const file = join(dir, 'overt-regime-change.json');
    writeFileSync(file, JSON.stringify([{ ...coded, covert: false }]));
    const run = await meddle(['record', 'lint', file, '--present', '2026', '--no-mid']);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(
      `covert-kind  ${covert.id}  covert: a covert-regime-change episode is covert`,
    );
  });

  it('names the episode and source citing a bare IP, a bracketed title or a mirror', async () => {
    const e = bundled.episodes[0];
    if (e === undefined) throw new Error('the bundled record is empty');
    const { targetClass: _t, ...coded } = e;
    const [first, ...rest] = coded.sources;
    if (first === undefined) throw new Error('the first episode has no source');
    const bad = [
      { ...first, url: 'http://20.210.105.67/txt/time/Time1953/1953-09-14/858248.html' },
      { ...first, title: '[Article on the election]', url: 'https://www.example.org/a' },
      { ...first, title: 'A copy', url: 'https://wikimili.com/en/Some_article' },
    ];
    const file = join(dir, 'uncitable.json');
    writeFileSync(file, JSON.stringify([{ ...coded, sources: [...bad, ...rest] }]));
    const run = await meddle(['record', 'lint', file, '--present', '2026', '--no-mid']);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(`ip-host  ${e.id}  sources[0].url`);
    expect(run.stdout).toContain(`bracketed-title  ${e.id}  sources[1].title`);
    expect(run.stdout).toContain(`uncitable-host  ${e.id}  sources[2].url`);
  });

  it('exits 2 on a present that is not a year', async () => {
    const run = await meddle(['record', 'lint', '--present', 'soon']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--present');
  });
});

describe('input built to exhaust the parsers', () => {
  it('is an input error like any other: exit 2, the file named, the database untouched', async () => {
    const db = join(dir, 'deep.db');
    expect((await meddle(['--db', db, 'db', 'init'])).code).toBe(0);
    const before = createHash('sha256').update(readFileSync(db)).digest('hex');
    const file = join(dir, 'deep.json');
    writeFileSync(file, `${'['.repeat(20_000)}${']'.repeat(20_000)}`);
    const run = await meddle(['--db', db, 'record', 'import', file]);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain(`error: ${file}:1:`);
    expect(run.stderr).not.toContain('Maximum call stack');
    expect(createHash('sha256').update(readFileSync(db)).digest('hex')).toBe(before);
    const yaml = join(dir, 'deep.yaml');
    writeFileSync(yaml, `x: ${'['.repeat(20_000)}${']'.repeat(20_000)}`);
    const sim = await meddle(['sim', 'run', yaml]);
    expect(sim.code).toBe(2);
    expect(sim.stderr).toContain(`error: ${yaml}:1: not valid YAML: nested too deeply to read`);
  });
});
