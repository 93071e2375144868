import { describe, expect, it } from 'vitest';
import { issueLines as issuesOf } from '../../test/support/input-issues.js';
import { checkPublished } from '../stats/index.js';
import { parsePublishedFile, publishedFiles, readPublishedFile } from './published-file.js';

const RATE = [
  'id: r',
  'kind: rate',
  'title: A rate',
  'quantity: successes',
  'sources:',
  '  a: { authors: ["Author, A."], title: A work, year: 2018, page: "12" }',
  'figures:',
  '  - { source: a, count: 25, of: 64 }',
  'replicate:',
  '  universe: { interferer: [USA], kind: [electoral], years: [1946, 2000] }',
  '  outcome: { field: proxyOutcome, counts: [won], base: [won, lost] }',
].join('\n');

describe('published results', () => {
  it('reads every bundled file, and flags the faults the literature is known for', () => {
    const checks = Object.fromEntries(
      publishedFiles().map((file) => {
        const entry = readPublishedFile(file);
        // Every file says how the record counts it, or why it cannot.
        expect(entry.replication, file).toBeDefined();
        entry.replication?.();
        return [entry.result.id, checkPublished(entry.result).faults.map((f) => f.kind)];
      }),
    );
    expect(checks).toEqual({
      'istomin-table-2': ['table', 'table', 'table'],
      'levin-peig-rate': ['one-in', 'share'],
      'levin-peig-split': [],
      'levin-vote-share-effect': [],
      'orourke-covert-regime-change': ['sources-disagree'],
    });
  });

  it('names each work by author and year in the figures', () => {
    const entry = readPublishedFile(
      publishedFiles().find((f) => f.endsWith('orourke-covert-regime-change.yaml')) ?? '',
    );
    expect(entry.result.sources).toEqual({
      'orourke-2018': "O'Rourke 2018",
      'downes-orourke-2016': "Downes and O'Rourke 2016",
    });
  });

  it('names file, line and field of a source key that is not cited, and of a selection the codebook refuses', () => {
    expect(issuesOf(() => parsePublishedFile(RATE.replace('source: a,', 'source: b,'), 'r.yaml'))).toEqual([
      'r.yaml:8: figures[0].source: no such source (got "b"; the sources are a)',
    ]);
    const entry = parsePublishedFile(RATE.replace('counts: [won]', 'counts: [wonn]'), 'r.yaml');
    expect(issuesOf(() => entry.replication?.())).toEqual([
      'r.yaml:11: replicate.outcome.counts[0]: not a value of this field (got "wonn"; did you mean won? allowed: won, lost, partial, unknown)',
    ]);
    const years = parsePublishedFile(RATE.replace('years: [1946, 2000]', 'years: [2000, 1946]'), 'r.yaml');
    expect(issuesOf(() => years.replication?.())[0]).toMatch(
      /^r\.yaml:10: replicate\.universe\.years: years is \[first, last\]/,
    );
  });

  it('refuses a figure with neither count nor complement, and an unknown kind', () => {
    expect(issuesOf(() => parsePublishedFile(RATE.replace('count: 25, ', ''), 'r.yaml'))).toEqual([
      'r.yaml:8: figures[0].count: give the count, or the complement with its base',
    ]);
    expect(
      issuesOf(() => parsePublishedFile(RATE.replace('kind: rate', 'kind: ratio'), 'r.yaml'))[0],
    ).toMatch(/^r\.yaml:2: kind:/);
  });

  it('still reads a table alone, the format check-table has always taken', () => {
    const entry = parsePublishedFile('columns: [a]\nrows:\n  - { label: x, counts: { a: 1 } }\n', 'old.yaml');
    expect(entry.result).toMatchObject({ kind: 'table', id: 'old.yaml' });
    expect(entry.replication).toBeUndefined();
  });
});
