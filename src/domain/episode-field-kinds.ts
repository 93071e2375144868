/** What kind of value each queryable episode field holds, and for coded fields their levels in codebook order. */
import {
  EPISODE_KINDS,
  MEANS,
  PAYOFFS,
  PROXY_OUTCOMES,
  PROXY_TYPES,
  RATIONALES,
  SIDES,
  TARGET_CLASSES,
  TRI_STATES,
} from './codebook.js';
import type { Episode } from './episode-schema.js';
import { InputError, type InputIssue } from './input-error.js';
import { closest } from './suggest.js';

export type FieldKind =
  | { readonly type: 'code'; readonly values: readonly string[] }
  | { readonly type: 'codes'; readonly values: readonly string[] }
  | { readonly type: 'integer' }
  | { readonly type: 'integers' }
  | { readonly type: 'boolean' }
  | { readonly type: 'text' };

/** Every field a selection or a table may name. */
export const EPISODE_FIELD_KINDS = {
  id: { type: 'text' },
  interferer: { type: 'integer' },
  partners: { type: 'integers' },
  target: { type: 'integer' },
  targetClass: { type: 'code', values: TARGET_CLASSES },
  startYear: { type: 'integer' },
  endYear: { type: 'integer' },
  kind: { type: 'code', values: EPISODE_KINDS },
  side: { type: 'code', values: SIDES },
  means: { type: 'codes', values: MEANS },
  covert: { type: 'boolean' },
  rationale: { type: 'codes', values: RATIONALES },
  proxyType: { type: 'code', values: PROXY_TYPES },
  proxyOutcome: { type: 'code', values: PROXY_OUTCOMES },
  payoff: { type: 'code', values: PAYOFFS },
  defected: { type: 'code', values: TRI_STATES },
  exposed: { type: 'code', values: TRI_STATES },
  dispute: { type: 'code', values: TRI_STATES },
  grievance: { type: 'code', values: TRI_STATES },
} as const satisfies Record<string, FieldKind>;

export type EpisodeFieldName = keyof typeof EPISODE_FIELD_KINDS;

export const isEpisodeFieldName = (name: string): name is EpisodeFieldName =>
  Object.hasOwn(EPISODE_FIELD_KINDS, name);

/** The field's value(s) as category labels: one for most fields, any number for list fields. */
export function categoriesOf(episode: Episode, field: EpisodeFieldName): string[] {
  const value: unknown = episode[field];
  if (Array.isArray(value)) return value.map(String);
  if (value === null) return ['none'];
  return [String(value)];
}

/** The levels a table shows for a field, in codebook order when the codebook fixes them. */
export function levelsOf(field: EpisodeFieldName, seen: Iterable<string>): string[] {
  const kind: FieldKind = EPISODE_FIELD_KINDS[field];
  const present = new Set(seen);
  if (kind.type === 'code' || kind.type === 'codes') return kind.values.filter((v) => present.has(v));
  if (kind.type === 'boolean') return ['true', 'false'].filter((v) => present.has(v));
  return [...present].sort((a, b) => Number(a) - Number(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The field a user named, or an InputError at `place` (the role that named it, such as `by`, and the file) with
 * the nearest field as a suggestion.
 */
export function requireEpisodeField(
  name: string,
  place: Pick<InputIssue, 'role' | 'field' | 'file'>,
): EpisodeFieldName {
  if (isEpisodeFieldName(name)) return name;
  const guess = closest(name, Object.keys(EPISODE_FIELD_KINDS));
  throw new InputError({
    code: 'unknown-field',
    ...place,
    value: name,
    message: 'unknown field',
    hint:
      guess !== undefined
        ? `did you mean ${guess}?`
        : `fields: ${Object.keys(EPISODE_FIELD_KINDS).join(', ')}`,
  });
}
