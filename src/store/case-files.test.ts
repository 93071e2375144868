import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../domain/index.js';
import { loadCase } from './case-files.js';

const dir = mkdtempSync(join(tmpdir(), 'meddle-case-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function caseFolder(name: string, caseYaml: string): string {
  const folder = join(dir, name);
  mkdirp(folder);
  writeFileSync(join(folder, 'case.yaml'), caseYaml);
  return folder;
}
function mkdirp(path: string) {
  rmSync(path, { recursive: true, force: true });
  mkdirSync(path, { recursive: true });
}

const header = `id: tiny
title: A tiny case
interferer: 365
target: 710
proxy: CCP
period: { from: 1920, to: 1960 }
ascent: null
break: null
episodes: [rus-chn-1921-ccp]
events:
`;

function issuesOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error.issues;
    throw error;
  }
  return [];
}

describe('loadCase', () => {
  it('reads the bundled soviet-ccp case with its hypotheses, at least 40 sourced events', () => {
    const loaded = loadCase('soviet-ccp');
    expect(loaded.case.events.length).toBeGreaterThanOrEqual(40);
    expect(loaded.case.events.every((e) => e.sources.length > 0)).toBe(true);
    expect(loaded.hypotheses?.hypotheses.map((h) => h.id)).toEqual(['H1', 'H2', 'H3']);
  });

  it('names the file, line, event and field of an unknown tag', () => {
    const folder = caseFolder(
      'bad-tag',
      `${header}  - id: first-event
    date: 1921
    actors: [USSR]
    summary: something
    tags: [support-given, bribery]
    sources: [{ authors: [X], title: T, year: null, page: "1" }]
`,
    );
    const [issue, ...rest] = issuesOf(() => loadCase(folder));
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({
      file: 'bad-tag/case.yaml',
      line: 15,
      field: 'events[0].tags[1]',
      value: 'bribery',
    });
    expect(issue?.message).toMatch(/^event "first-event": /);
  });

  it('names the event that has no source, on the event’s line', () => {
    const folder = caseFolder(
      'no-source',
      `${header}  - id: unsourced
    date: 1921
    actors: [USSR]
    summary: something
    tags: [context]
`,
    );
    const [issue] = issuesOf(() => loadCase(folder));
    expect(issue).toMatchObject({ file: 'no-source/case.yaml', line: 11, field: 'events[0].sources' });
    expect(issue?.message).toContain('event "unsourced"');
  });

  it('checks the case’s episode links against the record when given its ids', () => {
    const [issue] = issuesOf(() => loadCase('soviet-ccp', { recordIds: new Set(['usa-ita-1948-election']) }));
    expect(issue).toMatchObject({ field: 'episodes[0]', value: 'rus-chn-1921-ccp', line: 12 });
  });

  it('reports a YAML syntax error with its line', () => {
    const folder = caseFolder('bad-yaml', `${header}  - id: x\n   date: [1921\n`);
    const [issue] = issuesOf(() => loadCase(folder));
    expect(issue?.file).toBe('bad-yaml/case.yaml');
    expect(issue?.message).toMatch(/^not valid YAML/);
  });

  it('rejects hypotheses whose evidence points at events the case lacks', () => {
    const folder = caseFolder(
      'bad-evidence',
      `${header}  - id: first-event
    date: 1921
    actors: [USSR]
    summary: something
    tags: [support-given]
    sources: [{ authors: [X], title: T, year: null, page: "1" }]
`,
    );
    writeFileSync(
      join(folder, 'hypotheses.yaml'),
      `case: tiny
question: why?
hypotheses:
  - { id: H1, title: a, statement: s }
  - { id: H2, title: b, statement: s }
evidence:
  - id: E1
    summary: e
    events: [first-event, ghost]
    credibility: high
    relevance: high
    likelihoods: { H1: 0.3, H2: 0.7 }
`,
    );
    const [issue] = issuesOf(() => loadCase(folder));
    expect(issue).toMatchObject({
      file: 'bad-evidence/hypotheses.yaml',
      field: 'evidence[0].events[1]',
      line: 9,
    });
    expect(issue?.message).toBe('evidence "E1": case "tiny" has no event "ghost"');
  });
});
