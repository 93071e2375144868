/** Turns untrusted records into episodes, or into every issue found, each with its place and its fix. */
import type { z } from 'zod';
import { type CodedEpisode, type Episode, episodeInputSchema } from './episode-schema.js';
import type { InputIssue } from './input-error.js';
import { show, valueAt } from './issue-values.js';
import type { StateTable } from './state-table.js';

/** One record to check, with where it came from. */
export interface RecordAt {
  readonly value: unknown;
  /** 1-based line where the record starts, when the format has lines. */
  readonly line?: number;
  /** The file it came from, when records of several files are checked together. */
  readonly file?: string;
  /** Problems found while reading the record (a malformed cell); validation adds them to its own. */
  readonly issues?: readonly InputIssue[];
}

export interface EpisodeValidation {
  readonly episodes: readonly Episode[];
  readonly issues: readonly InputIssue[];
}

/** `sources[0].url`: the path as a reader of the codebook would write it. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, key) =>
      typeof key === 'number' ? `${out}[${key}]` : out === '' ? String(key) : `${out}.${String(key)}`,
    '',
  );
}

function hintFor(issue: z.core.$ZodIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_value':
      return `allowed: ${issue.values.map(String).join(', ')}`;
    case 'unrecognized_keys':
      return 'remove it, or check its spelling against docs/codebook.md';
    case 'too_small':
      return issue.origin === 'array' ? `give at least ${issue.minimum}` : `at least ${issue.minimum}`;
    case 'too_big':
      return `at most ${issue.maximum}`;
    case 'invalid_type':
      return `expected ${issue.expected}`;
    default:
      return undefined;
  }
}

/** The zod issues of one record, as the record's own issues. */
export function issuesFromZod(
  error: z.core.$ZodError,
  value: unknown,
  place: Pick<InputIssue, 'file' | 'line'>,
): InputIssue[] {
  return error.issues.map((issue) => {
    const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path;
    const bad = show(valueAt(value, path));
    const hint = hintFor(issue);
    return {
      ...place,
      field: fieldPath(path) || '(record)',
      message: issue.code === 'unrecognized_keys' ? 'unknown field' : issue.message,
      ...(bad !== undefined && bad.length <= 200 ? { value: bad } : {}),
      ...(hint !== undefined ? { hint } : {}),
    };
  });
}

/** Separates a stated targetClass (as exports carry it) from the coded fields, to be checked, not trusted. */
function splitDerived(value: unknown): { coded: unknown; statedClass: unknown } {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || !('targetClass' in value))
    return { coded: value, statedClass: undefined };
  const { targetClass, ...coded } = value as Record<string, unknown>;
  return { coded, statedClass: targetClass };
}

/** Adds the fields the record derives from the state list. */
export function deriveEpisode(coded: CodedEpisode, states: StateTable): Episode {
  return { ...coded, targetClass: states.targetClass(coded.target, coded.startYear) };
}

/**
 * Validates every record and reports every issue; returns episodes only when there is none.
 * Checks beyond one record: ids are unique, and every state code is on the state list.
 */
export function validateEpisodes(
  records: readonly RecordAt[],
  states: StateTable,
  file?: string,
): EpisodeValidation {
  const issues: InputIssue[] = [];
  const episodes: Episode[] = [];
  const seen = new Map<string, number | undefined>();
  records.forEach((record, index) => {
    const recordFile = record.file ?? file;
    const place = {
      ...(recordFile !== undefined ? { file: recordFile } : {}),
      line: record.line ?? index + 1,
    };
    const readIssues = record.issues ?? [];
    issues.push(...readIssues);
    if (record.value === undefined && readIssues.length > 0) return;
    const { coded, statedClass } = splitDerived(record.value);
    const parsed = episodeInputSchema.safeParse(coded);
    if (!parsed.success) {
      // A field that could not be read is reported once, by the reader, not again by the schema.
      const unread = new Set(readIssues.map((i) => i.field?.replace(/[[.].*$/, '')));
      const schemaIssues = issuesFromZod(parsed.error, coded, place);
      issues.push(...schemaIssues.filter((i) => !unread.has(i.field?.replace(/[[.].*$/, ''))));
      return;
    }
    if (readIssues.length > 0) return;
    const episode = parsed.data;
    const stateFields = [
      ['interferer', episode.interferer],
      ['target', episode.target],
      ...episode.partners.map((p, i) => [`partners[${i}]`, p] as const),
    ] as const;
    let statesKnown = true;
    for (const [field, code] of stateFields) {
      if (states.byCode(code) === undefined) {
        statesKnown = false;
        issues.push({
          ...place,
          field,
          value: String(code),
          message: 'not a Correlates of War state code',
          hint: 'see data/states.json, or `meddle states`',
        });
      }
    }
    if (seen.has(episode.id)) {
      const first = seen.get(episode.id);
      issues.push({
        ...place,
        field: 'id',
        value: episode.id,
        message: `duplicate id${first !== undefined ? ` (first at line ${first})` : ''}`,
        hint: 'every episode needs its own id',
      });
      return;
    }
    seen.set(episode.id, place.line);
    if (!statesKnown) return;
    const derived = deriveEpisode(episode, states);
    if (statedClass !== undefined && statedClass !== derived.targetClass) {
      issues.push({
        ...place,
        field: 'targetClass',
        value: show(statedClass) ?? '',
        message: `targetClass is derived from the state list, and it says ${derived.targetClass}`,
        hint: 'leave targetClass out; it is never typed by hand',
      });
      return;
    }
    episodes.push(derived);
  });
  return issues.length > 0 ? { episodes: [], issues } : { episodes, issues };
}
