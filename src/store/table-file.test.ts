import { describe, expect, it } from 'vitest';
import { issueLines as issuesOf } from '../../test/support/input-issues.js';
import { parseTableFile } from './table-file.js';

describe('parseTableFile', () => {
  it('names file, line and field of each problem', () => {
    const text = [
      'columns: [a, b]',
      'shares: { of: column, decimals: 0 }',
      'rows:',
      '  - label: first',
      '    counts: { a: 1, b: -2 }',
      '  - label: second',
      '    counts: { a: 1, c: 2 }',
      'colour: red',
    ].join('\n');
    expect(issuesOf(() => parseTableFile(text, 't.yaml'))).toMatchInlineSnapshot(`
      [
        "t.yaml:5: rows[0].counts.b: a count cannot be negative",
        "t.yaml:8: colour: unknown field",
      ]
    `);
    const unknownColumn = text.replace('b: -2', 'b: 2').replace('colour: red', '');
    expect(issuesOf(() => parseTableFile(unknownColumn, 't.yaml'))).toEqual([
      't.yaml:7: rows[1].counts.c: unknown column (got "c"; the columns are a, b)',
    ]);
  });

  it('reports YAML syntax errors with their line', () => {
    expect(issuesOf(() => parseTableFile('columns: [a\nrows: x', 't.yaml'))[0]).toMatch(
      /^t\.yaml:\d+: not valid YAML/,
    );
  });
});
