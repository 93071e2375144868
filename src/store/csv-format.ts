/** The CSV form of a record: one row an episode, `;` between values, one source a line (docs/codebook.md). */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import {
  EPISODE_FIELDS,
  type Episode,
  InputError,
  type InputIssue,
  neutraliseCsvCell,
  type RecordAt,
  restoreCsvCell,
  type Source,
} from '../domain/index.js';

const LIST_FIELDS = new Set(['partners', 'means', 'rationale']);
const INT_FIELDS = new Set(['interferer', 'target', 'startYear']);
const NULLABLE_INT_FIELDS = new Set([
  'endYear',
  'powerYear',
  'alignedThrough',
  'payoffLostYear',
  'defectedYear',
]);
const SOURCE_KEYS = ['type', 'container', 'page', 'url', 'readAt', 'doi', 'accessed'] as const;
const SOURCE_FORMAT =
  'Authors; Other | year or n.d. | title | key=value … (keys: type, container, page, url, readAt, doi, accessed)';

/** A cell as a number when it is an integer, else left as text so that validation names the bad value. */
const intCell = (cell: string): number | string => (/^-?\d+$/.test(cell.trim()) ? Number(cell) : cell);

function parseSourceLine(line: string): Record<string, unknown> | string {
  const parts = line.split('|').map((p) => p.trim());
  if (parts.length < 3) return `a source needs at least authors, year and title separated by "|"`;
  const [authors = '', year = '', title = '', ...rest] = parts;
  const source: Record<string, unknown> = {
    authors: authors
      .split(';')
      .map((a) => a.trim())
      .filter((a) => a !== ''),
    year: year.toLowerCase() === 'n.d.' ? null : intCell(year),
    title,
  };
  for (const part of rest) {
    const eq = part.indexOf('=');
    const key = eq > 0 ? part.slice(0, eq).trim() : '';
    if (!(SOURCE_KEYS as readonly string[]).includes(key)) return `"${part}" is not a key=value part`;
    if (key in source) return `"${key}" is given twice`;
    source[key] = part.slice(eq + 1).trim();
  }
  return source;
}

function formatSourceLine(source: Source): string {
  const parts = [
    source.authors.join('; '),
    source.year === null ? 'n.d.' : String(source.year),
    source.title,
  ];
  for (const key of SOURCE_KEYS) {
    const value = source[key];
    if (value !== undefined) parts.push(`${key}=${value}`);
  }
  return parts.join(' | ');
}

/** One CSV row as the record it encodes, plus the issues that stop it from being read at all. */
function rowToRecord(row: Record<string, string>, place: { file: string; line: number }): RecordAt {
  const value: Record<string, unknown> = {};
  const issues: InputIssue[] = [];
  for (const [field, raw] of Object.entries(row)) {
    const cell = raw ?? '';
    if (LIST_FIELDS.has(field)) {
      const items = cell
        .split(';')
        .map((s) => s.trim())
        .filter((s) => s !== '');
      value[field] = field === 'partners' ? items.map(intCell) : items;
    } else if (INT_FIELDS.has(field)) value[field] = intCell(cell);
    else if (NULLABLE_INT_FIELDS.has(field)) value[field] = cell.trim() === '' ? null : intCell(cell);
    else if (field === 'basis') {
      // The basis is a JSON object in its cell; an empty cell is no basis.
      if (cell.trim() === '') value[field] = {};
      else
        try {
          value[field] = JSON.parse(cell);
        } catch {
          issues.push({
            ...place,
            field,
            value: cell.slice(0, 200),
            message: 'the basis cell is not a JSON object',
            hint: 'give it as {"payoff": {"sources": [0], "reason": "…"}}, or leave it empty',
          });
        }
    } else if (field === 'covert') value[field] = cell === 'true' ? true : cell === 'false' ? false : cell;
    else if (field === 'sources') {
      const lines = cell.split(/\r?\n/).filter((l) => l.trim() !== '');
      value[field] = lines.map((line, i) => {
        const source = parseSourceLine(line);
        if (typeof source === 'string')
          issues.push({
            ...place,
            field: `sources[${i}]`,
            value: line,
            message: source,
            hint: SOURCE_FORMAT,
          });
        return source;
      });
    } else value[field] = cell;
  }
  return { value, ...place, ...(issues.length > 0 ? { issues } : {}) };
}

/** Parses CSV text into records with the line each starts on; a malformed file or header is an InputError. */
export function parseEpisodesCsv(text: string, file: string): RecordAt[] {
  let rows: { record: string[]; info: { lines: number; raw?: string } }[];
  try {
    rows = parse(text, {
      info: true,
      raw: true,
      relax_column_count: true,
      bom: true,
      skip_empty_lines: true,
    }) as unknown as typeof rows;
  } catch (error) {
    const err = error as { message?: string; lines?: number };
    throw new InputError({
      file,
      ...(typeof err.lines === 'number' ? { line: err.lines } : {}),
      message: `not valid CSV: ${err.message ?? String(error)}`,
      hint: 'quote cells that hold commas, quotes or line breaks, and double any quote inside them',
    });
  }
  const [header, ...body] = rows;
  if (header === undefined)
    throw new InputError({
      file,
      line: 1,
      message: 'the file is empty',
      hint: 'the first row names the columns',
    });
  const columns = header.record.map((c) => c.trim());
  const known = new Set<string>(EPISODE_FIELDS);
  const issues: InputIssue[] = [];
  columns.forEach((column, i) => {
    if (!known.has(column))
      issues.push({
        file,
        line: 1,
        field: column,
        message: `unknown column ${i + 1}`,
        hint: `columns: ${EPISODE_FIELDS.join(', ')}`,
      });
  });
  if (new Set(columns).size !== columns.length)
    issues.push({ file, line: 1, message: 'a column is named twice', hint: 'name each column once' });
  if (issues.length > 0) throw new InputError(issues);
  return body.map(({ record, info }) => {
    // info.lines is where the record ends; blank lines before it belong to its raw text, not to it.
    const raw = (info.raw ?? '').replace(/^(?:\r?\n)+/, '').replace(/\r?\n$/, '');
    const line = info.lines - (raw.match(/\n/g)?.length ?? 0);
    if (record.length !== columns.length) {
      const issue: InputIssue = {
        file,
        line,
        message: `the row has ${record.length} cells and the header ${columns.length}`,
        hint: 'quote cells that hold commas',
      };
      return { value: undefined, file, line, issues: [issue] };
    }
    // An exported cell that was guarded against formula injection is read as it was before.
    const row = Object.fromEntries(columns.map((c, i) => [c, restoreCsvCell(record[i] ?? '')]));
    return rowToRecord(row, { file, line });
  });
}

function episodeCell(e: Episode, field: (typeof EPISODE_FIELDS)[number]): string {
  const value = e[field];
  if (field === 'sources') return e.sources.map(formatSourceLine).join('\n');
  if (field === 'basis') return Object.keys(e.basis).length === 0 ? '' : JSON.stringify(e.basis);
  if (Array.isArray(value)) return value.join(';');
  if (value === null) return '';
  return String(value);
}

/**
 * The episodes as CSV, every field a column (targetClass included, for readers; imports check it). A cell a
 * spreadsheet would run as a formula is written with a leading `'` (neutraliseCsvCell); the parser takes it off.
 * `columns` keeps only those fields (the API's `fields=`).
 */
export function formatEpisodesCsv(
  episodes: readonly Episode[],
  columns: readonly (typeof EPISODE_FIELDS)[number][] = EPISODE_FIELDS,
): string {
  const rows = episodes.map((e) => columns.map((field) => neutraliseCsvCell(episodeCell(e, field))));
  return stringify([[...columns], ...rows], { record_delimiter: '\n' });
}
