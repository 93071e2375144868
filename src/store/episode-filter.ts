/** `FIELD=VALUE` selections over episodes, checked against the codebook before any query runs. */
import {
  closest,
  EPISODE_FIELD_KINDS,
  type Episode,
  type FieldKind,
  InputError,
  type InputIssue,
  isEpisodeFieldName,
} from '../domain/index.js';

/** Every field a selection may name, with the values it takes. */
export const FILTER_FIELDS = EPISODE_FIELD_KINDS;

export type FilterField = keyof typeof FILTER_FIELDS;

/** One condition: the field equals the value (for a list field: the list contains it). */
export interface Condition {
  readonly field: FilterField;
  readonly value: string | number | boolean;
}

/** Conditions that must all hold. */
export type EpisodeFilter = readonly Condition[];

function parseCondition(
  text: string,
  resolveState: (name: string) => number | undefined,
): Condition | InputIssue {
  const eq = text.indexOf('=');
  if (eq <= 0)
    return {
      code: 'filter-syntax',
      role: 'where',
      value: text,
      message: 'expected FIELD=VALUE',
      hint: 'e.g. {where kind=electoral}',
    };
  const name = text.slice(0, eq).trim();
  const raw = text.slice(eq + 1).trim();
  if (!isEpisodeFieldName(name)) {
    const guess = closest(name, Object.keys(FILTER_FIELDS));
    return {
      code: 'unknown-field',
      role: 'where',
      value: name,
      message: 'unknown field',
      hint:
        guess !== undefined ? `did you mean ${guess}?` : `fields: ${Object.keys(FILTER_FIELDS).join(', ')}`,
    };
  }
  const kind: FieldKind = FILTER_FIELDS[name];
  switch (kind.type) {
    case 'code':
    case 'codes': {
      if (kind.values.includes(raw)) return { field: name, value: raw };
      const guess = closest(raw, kind.values);
      return {
        field: name,
        value: raw,
        message: 'not a value of this field',
        hint: `${guess !== undefined ? `did you mean ${guess}? ` : ''}allowed: ${kind.values.join(', ')}`,
      };
    }
    case 'boolean':
      if (raw === 'true' || raw === 'false') return { field: name, value: raw === 'true' };
      return { field: name, value: raw, message: 'not a boolean', hint: 'true or false' };
    case 'integer':
    case 'integers': {
      const isState = name === 'interferer' || name === 'target' || name === 'partners';
      const code = /^\d+$/.test(raw) ? Number(raw) : isState ? resolveState(raw) : undefined;
      if (code !== undefined) return { field: name, value: code };
      return {
        field: name,
        value: raw,
        message: isState ? 'not a known state' : 'not a whole number',
        hint: isState ? 'a COW code (2), abbreviation (USA) or name (United States of America)' : 'e.g. 1948',
      };
    }
    case 'text':
      return { field: name, value: raw };
  }
}

/** Parses FIELD=VALUE conditions (the `where` role); every bad one is reported together, as one InputError. */
export function parseFilter(
  conditions: readonly string[],
  resolveState: (name: string) => number | undefined,
): EpisodeFilter {
  const parsed = conditions.map((c) => parseCondition(c, resolveState));
  const issues = parsed.filter((p): p is InputIssue => 'message' in p);
  if (issues.length > 0) throw new InputError(issues);
  return parsed as Condition[];
}

/** Whether an episode meets every condition: the reference semantics every store's query must match. */
export function matchesFilter(episode: Episode, filter: EpisodeFilter): boolean {
  return filter.every(({ field, value }) => {
    const actual: unknown = episode[field];
    return Array.isArray(actual) ? (actual as unknown[]).includes(value) : actual === value;
  });
}
