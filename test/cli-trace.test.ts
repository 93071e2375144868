/** `meddle trace` as a user runs it: the report, its formats, and exit 2 with the event named on bad case files. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CASES_DIR } from '../src/store/case-files.js';
import { meddle } from './support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'meddle-trace-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of the bundled case with one edit to case.yaml. */
function editedCase(name: string, edit: (text: string) => string): string {
  const folder = join(dir, name);
  cpSync(join(CASES_DIR, 'soviet-ccp'), folder, { recursive: true });
  const file = join(folder, 'case.yaml');
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  return folder;
}

describe('meddle trace', () => {
  it('prints the timeline, the ACH matrix and the posterior for soviet-ccp', async () => {
    const run = await meddle(['trace', 'soviet-ccp']);
    expect(run.code).toBe(0);
    for (const heading of [
      'Timeline',
      'Leverage and grievance over time',
      'Indicators',
      'Analysis of competing hypotheses',
      'Bayesian process tracing',
    ])
      expect(run.stdout).toContain(heading);
    expect(run.stdout).toContain('1927-04-12  [leverage-lost]');
    expect(run.stdout).toMatch(/Ranking \(least inconsistent first\): H2 > H3 > H1/);
    expect(run.stdout).toMatch(/Posterior: H1 <0\.001, H2 0\.902, H3 0\.098; most probable: H2/);
    expect(run.stdout).toContain('E12 is marked as dependent on E6');
  });

  it('gives the typed result with provenance as JSON', async () => {
    const run = await meddle(['trace', 'soviet-ccp', '--format', 'json']);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.provenance.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(out.timeline.length).toBeGreaterThanOrEqual(40);
    expect(out.indicators.yearsAscentToBreak).toBe(9);
    expect(out.hypotheses.ach.matrix.ranking).toEqual(['H2', 'H3', 'H1']);
  });

  it('writes Markdown tables', async () => {
    const run = await meddle(['trace', 'soviet-ccp', '--format', 'md']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('## Analysis of competing hypotheses');
    expect(run.stdout).toContain('| date | tags | what happened | sources |');
  });

  it('traces without hypotheses when the folder has none', async () => {
    const folder = editedCase('no-hypotheses', (t) => t);
    rmSync(join(folder, 'hypotheses.yaml'));
    const run = await meddle(['trace', folder]);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('Analysis of competing hypotheses');
  });

  it('exits 2 on an unknown tag, naming the file, line, event and field', async () => {
    const folder = editedCase('unknown-tag', (t) =>
      t.replace(
        '    tags: [leverage-exercised]\n    episodes: [rus-chn-1921-ccp]\n    sources: [*istomin]\n\n  - id: 1930-rise-of-mao',
        '    tags: [bribery]\n    episodes: [rus-chn-1921-ccp]\n    sources: [*istomin]\n\n  - id: 1930-rise-of-mao',
      ),
    );
    const run = await meddle(['trace', folder]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^error: unknown-tag\/case\.yaml:\d+: events\[\d+\]\.tags\[0\]: event "1929-chinese-eastern-railway-crisis": .*got "bribery"; allowed: support-given/m,
    );
  });

  it('exits 2 on an event without a source, naming the event', async () => {
    const folder = editedCase('no-source', (t) =>
      t.replace(
        '    summary: Sun Yat-sen dies.\n    tags: [context]\n    sources: [*vanvleck]\n',
        '    summary: Sun Yat-sen dies.\n    tags: [context]\n',
      ),
    );
    const run = await meddle(['trace', folder]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /no-source\/case\.yaml:\d+: events\[\d+\]\.sources: event "1925-03-death-of-sun-yat-sen": /,
    );
  });

  it('exits 2 on hypotheses that point at a missing event, and on an unknown case', async () => {
    const hypotheses = join(dir, 'bad-hypotheses.yaml');
    writeFileSync(
      hypotheses,
      readFileSync(join(CASES_DIR, 'soviet-ccp', 'hypotheses.yaml'), 'utf8').replace(
        '[1956-secret-speech]',
        '[1956-no-such-event]',
      ),
    );
    const bad = await meddle(['trace', 'soviet-ccp', '--hypotheses', hypotheses]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('evidence "E6": case "soviet-ccp" has no event "1956-no-such-event"');
    const unknown = await meddle(['trace', 'no-such-case']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('bundled cases: soviet-ccp');
  });
});
