/**
 * Reads the literature's published results (data/published/*.yaml): a rate, parts of a total, an effect or a
 * table, with the works they are printed in and how the record counts the same figure.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import {
  type Episode,
  InputError,
  type InputIssue,
  parseYamlWithLines,
  type Source,
  sourceFieldsSchema,
} from '../domain/index.js';
import type { EpisodeGrouping, EpisodeTest, PublishedResult, ReplicationSpec } from '../stats/index.js';
import { DATA_DIR, loadStateTable } from './bundled-data.js';
import { matchesFilter, parseFilter } from './episode-filter.js';
import {
  type IssueAt,
  issueMaker,
  parseTableFile,
  schemaIssues,
  tableFields,
  toPublishedTable,
} from './table-file.js';
import { readTextFile } from './text-file.js';

/** Where the bundled published results live. */
export const PUBLISHED_DIR = join(DATA_DIR, 'published');

const key = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a key is lower-case letters, digits and hyphens');
const count = z.int().min(0, 'a count cannot be negative');
const source = sourceFieldsSchema.refine(
  (s) => s.page !== undefined || s.url !== undefined || s.doi !== undefined || s.readAt !== undefined,
  { message: 'a source needs a page, a URL, a DOI or the address it was read at', path: ['url'] },
);
const scalar = z.union([z.string(), z.number(), z.boolean()]);
/** FIELD: [values]: an episode matches where the field takes any of the values. */
const values = z.array(scalar).min(1, 'give at least one value');
const grouping = z.strictObject({ field: z.string(), values: z.record(z.string(), values) });

const replicateSchema = z.strictObject({
  universe: z
    .record(z.string(), z.array(scalar).min(1, 'give at least one value'))
    .optional()
    .describe('FIELD: [values] conditions, and years: [from, to] on the start year'),
  outcome: z.strictObject({ field: z.string(), counts: values, base: values }).optional(),
  parts: grouping.optional(),
  columns: grouping.optional(),
  rows: grouping.optional(),
  unavailable: z.string().optional(),
  note: z.string().optional(),
});

const head = {
  id: key,
  title: z.string().min(1),
  sources: z.record(key, source).refine((s) => Object.keys(s).length > 0, 'cite at least one work'),
  replicate: replicateSchema.optional(),
};

const rateFigure = z
  .strictObject({
    source: key,
    count: count.optional(),
    complement: count.optional(),
    of: count.optional(),
    percent: z.number().min(0).max(100).optional(),
    decimals: z.int().min(0).max(6).optional(),
    oneIn: z.number().positive().optional(),
    printed: z.string().optional(),
  })
  .refine((f) => f.count !== undefined || (f.complement !== undefined && f.of !== undefined), {
    message: 'give the count, or the complement with its base',
    path: ['count'],
  });

const publishedSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    ...head,
    kind: z.literal('rate'),
    quantity: z.string(),
    figures: z.array(rateFigure).min(1),
  }),
  z.strictObject({
    ...head,
    kind: z.literal('parts'),
    total: z.strictObject({ source: key, count }),
    parts: z.array(z.strictObject({ id: key, label: z.string(), source: key, count })).min(2),
  }),
  z.strictObject({
    ...head,
    kind: z.literal('effect'),
    estimate: z.strictObject({
      source: key,
      value: z.number(),
      unit: z.string(),
      approximate: z.boolean().default(false),
      interval: z.tuple([z.number(), z.number()]).optional(),
      standardError: z.number().positive().optional(),
      printed: z.string().optional(),
    }),
  }),
  z.strictObject({ ...tableFields, ...head, kind: z.literal('table'), sources: head.sources.optional() }),
]);

type PublishedFile = z.infer<typeof publishedSchema>;
type ReplicateSelection = z.infer<typeof replicateSchema>;

/** A published result, the works it cites, and how to count it from the record (if it says). */
export interface PublishedEntry {
  readonly file: string;
  readonly result: PublishedResult;
  readonly works: Readonly<Record<string, Source>>;
  /** Builds the replication's episode tests; throws an InputError naming the file where a selection is bad. */
  readonly replication?: () => ReplicationSpec;
}

/** "O'Rourke 2018", "Downes and O'Rourke 2016", "Levin et al. 2020": how a figure names its work. */
export function authorYear(work: Source): string {
  const surname = (author: string) => author.split(',')[0]?.trim() ?? author;
  const names = work.authors.map(surname);
  const who =
    names.length === 1 ? names[0] : names.length === 2 ? `${names[0]} and ${names[1]}` : `${names[0]} et al.`;
  return `${who} ${work.year ?? 'n.d.'}`;
}

/**
 * Parses the text of a published-result file. A file without `kind` is a table alone (the older table format
 * that `check-table` has always read).
 */
export function parsePublishedFile(text: string, file: string): PublishedEntry {
  const { value: document, lineOf } = parseYamlWithLines(text, file);
  const issue = issueMaker(file, lineOf);
  const hasKind = typeof document === 'object' && document !== null && 'kind' in document;
  if (!hasKind) {
    const table = parseTableFile(text, file);
    return {
      file,
      works: {},
      result: { kind: 'table', id: file, title: table.title ?? file, sources: {}, table },
    };
  }
  const parsed = publishedSchema.safeParse(document);
  if (!parsed.success) throw new InputError(schemaIssues(parsed.error, issue));
  const data = parsed.data;
  const works: Record<string, Source> = data.sources ?? {};
  const cited = Object.fromEntries(Object.entries(works).map(([k, w]) => [k, authorYear(w)]));
  const issues = citedKeys(data).flatMap(([path, k]) =>
    k in works ? [] : [issue(path, 'no such source', k, `the sources are ${Object.keys(works).join(', ')}`)],
  );
  if (issues.length > 0) throw new InputError(issues);
  const head = { id: data.id, title: data.title, sources: cited };
  const result: PublishedResult =
    data.kind === 'rate'
      ? { ...head, kind: 'rate', quantity: data.quantity, figures: data.figures.map(definedOnly) }
      : data.kind === 'parts'
        ? { ...head, kind: 'parts', total: data.total, parts: data.parts }
        : data.kind === 'effect'
          ? { ...head, kind: 'effect', estimate: definedOnly(data.estimate) }
          : { ...head, kind: 'table', table: toPublishedTable(data, issue) };
  const selection = data.replicate;
  return {
    file,
    works,
    result,
    ...(selection !== undefined ? { replication: () => replicationSpec(selection, issue) } : {}),
  };
}

/** The object without its undefined fields: optional fields are absent, never undefined. */
function definedOnly<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
}

/** Every place a file names a source key, with the key. */
function citedKeys(data: PublishedFile): [PropertyKey[], string][] {
  switch (data.kind) {
    case 'rate':
      return data.figures.map((f, i) => [['figures', i, 'source'], f.source]);
    case 'parts':
      return [
        [['total', 'source'], data.total.source],
        ...data.parts.map((p, i): [PropertyKey[], string] => [['parts', i, 'source'], p.source]),
      ];
    case 'effect':
      return [[['estimate', 'source'], data.estimate.source]];
    case 'table':
      return [];
  }
}

/** The episodes where `field` takes any of `wanted`, checked against the codebook as a `where` filter is. */
function anyOf(
  field: string,
  wanted: readonly (string | number | boolean)[],
  path: PropertyKey[],
  issue: IssueAt,
): EpisodeTest {
  const resolve = (name: string) => loadStateTable().find(name)?.cow;
  const conditions = wanted.map((v, i) => {
    try {
      return parseFilter([`${field}=${String(v)}`], resolve);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      throw new InputError(
        error.issues.map((x: InputIssue) => issue([...path, i], x.message, x.value, x.hint)),
      );
    }
  });
  return (e: Episode) => conditions.some((c) => matchesFilter(e, c));
}

function grouped(
  g: NonNullable<ReplicateSelection['parts']>,
  path: PropertyKey[],
  issue: IssueAt,
): EpisodeGrouping {
  return {
    field: g.field,
    groups: Object.entries(g.values).map(([id, vs]) => ({
      id,
      test: anyOf(g.field, vs, [...path, 'values', id], issue),
    })),
  };
}

function replicationSpec(selection: ReplicateSelection, issue: IssueAt): ReplicationSpec {
  const base: PropertyKey[] = ['replicate'];
  const tests: EpisodeTest[] = Object.entries(selection.universe ?? {}).map(([field, vs]) => {
    if (field !== 'years') return anyOf(field, vs, [...base, 'universe', field], issue);
    const [from, to] = vs;
    if (vs.length !== 2 || typeof from !== 'number' || typeof to !== 'number' || from > to)
      throw new InputError(
        issue(
          [...base, 'universe', 'years'],
          'years is [first, last], two years in order',
          vs.join(', '),
          'years: [1946, 2000]',
        ),
      );
    return (e: Episode) => e.startYear >= from && e.startYear <= to;
  });
  const { outcome, parts, columns, rows } = selection;
  return {
    universe: (e) => tests.every((t) => t(e)),
    ...(outcome !== undefined
      ? {
          outcome: {
            field: outcome.field,
            counts: anyOf(outcome.field, outcome.counts, [...base, 'outcome', 'counts'], issue),
            base: anyOf(outcome.field, outcome.base, [...base, 'outcome', 'base'], issue),
          },
        }
      : {}),
    ...(parts !== undefined ? { parts: grouped(parts, [...base, 'parts'], issue) } : {}),
    ...(columns !== undefined ? { columns: grouped(columns, [...base, 'columns'], issue) } : {}),
    ...(rows !== undefined ? { rows: grouped(rows, [...base, 'rows'], issue) } : {}),
    ...(selection.unavailable !== undefined ? { unavailable: selection.unavailable } : {}),
    ...(selection.note !== undefined ? { note: selection.note } : {}),
  };
}

/** Reads one published-result file from disk. */
export function readPublishedFile(file: string): PublishedEntry {
  return parsePublishedFile(readTextFile(file), file);
}

/** The files of a folder of published results, in name order. */
export function publishedFiles(dir: string = PUBLISHED_DIR): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml') || name.endsWith('.yml'))
    .sort()
    .map((name) => join(dir, name));
}
