/** Reads a published table (meddle's small YAML table format) into the structure `checkTable` checks. */
import { z } from 'zod';
import { fieldPath, InputError, type InputIssue, parseYamlWithLines } from '../domain/index.js';
import type { PublishedRow, PublishedTable } from '../stats/check-table.js';

const id = z.string().trim().min(1);
const count = z.int().min(0, 'a count cannot be negative');
const percent = z.number().min(0).max(100, 'a percentage lies between 0 and 100');

const rowSchema = z.strictObject({
  label: z.string().trim().min(1),
  counts: z.record(id, count),
  percent: z.record(id, percent).optional(),
});

/** The fields of a table; docs/methods.md describes them and data/published/istomin-table-2.yaml shows them. */
export const tableFields = {
  title: z.string().optional(),
  source: z.string().optional(),
  columns: z.array(id).min(1, 'name at least one column'),
  total_column: id.optional(),
  labels: z.record(id, z.string()).optional(),
  shares: z
    .strictObject({
      of: z.enum(['column', 'row', 'grand']),
      decimals: z.int().min(0).max(6),
    })
    .optional(),
  rows: z.array(rowSchema).min(1, 'give at least one row'),
  total_row: rowSchema.optional(),
};

/** A file holding a table alone (the published-result form adds id, kind, sources and replicate). */
const tableFileSchema = z.strictObject(tableFields);

export type TableFile = z.infer<typeof tableFileSchema>;

/** Makes an issue for a place in a parsed file, with its line. */
export type IssueAt = (
  path: readonly PropertyKey[],
  message: string,
  value?: unknown,
  hint?: string,
) => InputIssue;

/** An issue maker for `file`: each issue names the file, the line of the path and the field. */
export function issueMaker(
  file: string,
  lineOf: (path: readonly PropertyKey[]) => number | undefined,
): IssueAt {
  return (path, message, value, hint) => {
    const line = lineOf(path);
    return {
      file,
      ...(line !== undefined ? { line } : {}),
      field: fieldPath(path) || '(file)',
      ...(value !== undefined ? { value: String(value) } : {}),
      message,
      ...(hint !== undefined ? { hint } : {}),
    };
  };
}

/** The schema's issues, each at its line; an unknown key is named as the field. */
export function schemaIssues(error: z.ZodError, issue: IssueAt): InputIssue[] {
  return error.issues.map((i) =>
    issue(
      i.code === 'unrecognized_keys' ? [...i.path, i.keys[0] ?? ''] : i.path,
      i.code === 'unrecognized_keys' ? 'unknown field' : i.message,
    ),
  );
}

/**
 * Parses the text of a table file; every problem becomes an issue naming the file, line and field.
 *
 * @example
 * parseTableFile(readFileSync('data/published/istomin-table-2.yaml', 'utf8'), 'istomin-table-2.yaml').columns;
 * // ['incumbents', 'challengers']
 */
export function parseTableFile(text: string, file: string): PublishedTable {
  const { value: document, lineOf } = parseYamlWithLines(text, file);
  const issue = issueMaker(file, lineOf);
  const parsed = tableFileSchema.safeParse(document);
  if (!parsed.success) throw new InputError(schemaIssues(parsed.error, issue));
  return toPublishedTable(parsed.data, issue);
}

/** Checks a parsed table's column references and converts it; an InputError lists every bad reference. */
export function toPublishedTable(data: TableFile, issue: IssueAt): PublishedTable {
  const known = new Set([...data.columns, ...(data.total_column === undefined ? [] : [data.total_column])]);
  const issues: InputIssue[] = [];
  const hint = `the columns are ${[...known].join(', ')}`;
  if (new Set(data.columns).size !== data.columns.length)
    issues.push(issue(['columns'], 'a column id is repeated'));
  if (data.total_column !== undefined && data.columns.includes(data.total_column)) {
    issues.push(
      issue(['total_column'], 'the total column must not also be listed in columns', data.total_column),
    );
  }
  const checkKeys = (row: TableFile['rows'][number], path: readonly PropertyKey[]) => {
    for (const part of ['counts', 'percent'] as const) {
      for (const key of Object.keys(row[part] ?? {})) {
        if (!known.has(key)) issues.push(issue([...path, part, key], 'unknown column', key, hint));
      }
    }
  };
  data.rows.forEach((row, i) => {
    checkKeys(row, ['rows', i]);
  });
  if (data.total_row !== undefined) checkKeys(data.total_row, ['total_row']);
  if (
    data.shares === undefined &&
    [...data.rows, ...(data.total_row ? [data.total_row] : [])].some((r) => r.percent)
  ) {
    issues.push(
      issue(
        ['shares'],
        'percentages are given, so say whose share they are',
        undefined,
        'shares: { of: column, decimals: 0 }',
      ),
    );
  }
  if (issues.length > 0) throw new InputError(issues);

  const row = (r: TableFile['rows'][number]): PublishedRow => ({
    label: r.label,
    counts: r.counts,
    ...(r.percent !== undefined ? { percent: r.percent } : {}),
  });
  return {
    ...(data.title !== undefined ? { title: data.title } : {}),
    ...(data.source !== undefined ? { source: data.source } : {}),
    columns: data.columns,
    ...(data.total_column !== undefined ? { totalColumn: data.total_column } : {}),
    ...(data.labels !== undefined ? { labels: data.labels } : {}),
    shareOf: data.shares?.of ?? 'column',
    shareDecimals: data.shares?.decimals ?? 0,
    rows: data.rows.map(row),
    ...(data.total_row !== undefined ? { totalRow: row(data.total_row) } : {}),
  };
}
