/** Reads a published table (meddle's small YAML table format) into the structure `checkTable` checks. */
import { z } from 'zod';
import { fieldPath, InputError, type InputIssue, parseYamlWithLines } from '../domain/index.js';
import type { PublishedRow, PublishedTable } from '../stats/check-table.js';
import { readTextFile } from './text-file.js';

const id = z.string().trim().min(1);
const count = z.int().min(0, 'a count cannot be negative');
const percent = z.number().min(0).max(100, 'a percentage lies between 0 and 100');

const rowSchema = z.strictObject({
  label: z.string().trim().min(1),
  counts: z.record(id, count),
  percent: z.record(id, percent).optional(),
});

/** The file format; docs/methods.md describes it and examples/table2.yaml shows it. */
export const tableFileSchema = z.strictObject({
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
});

type TableFile = z.infer<typeof tableFileSchema>;

/**
 * Parses the text of a table file; every problem becomes an issue naming the file, line and field.
 *
 * @example
 * parseTableFile(readFileSync('examples/table2.yaml', 'utf8'), 'examples/table2.yaml').columns;
 * // ['incumbents', 'challengers']
 */
export function parseTableFile(text: string, file: string): PublishedTable {
  const { value: document, lineOf } = parseYamlWithLines(text, file);
  const issue = (
    path: readonly PropertyKey[],
    message: string,
    value?: unknown,
    hint?: string,
  ): InputIssue => {
    const line = lineOf(path);
    return {
      file,
      ...(line !== undefined ? { line } : {}),
      field: fieldPath(path) || '(table)',
      ...(value !== undefined ? { value: String(value) } : {}),
      message,
      ...(hint !== undefined ? { hint } : {}),
    };
  };

  const parsed = tableFileSchema.safeParse(document);
  if (!parsed.success) {
    throw new InputError(
      parsed.error.issues.map((i) =>
        issue(
          i.code === 'unrecognized_keys' ? [...i.path, i.keys[0] ?? ''] : i.path,
          i.code === 'unrecognized_keys' ? 'unknown field' : i.message,
        ),
      ),
    );
  }
  const data: TableFile = parsed.data;
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

/** Reads and parses a table file from disk. */
export function readTableFile(file: string): PublishedTable {
  return parseTableFile(readTextFile(file), file);
}
