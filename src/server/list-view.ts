/** The list's view parameters: a page (`limit=`, `offset=`) and the episode fields to keep (`fields=`). */
import { z } from 'zod';
import { closest, EPISODE_FIELDS, type Episode } from '../domain/index.js';
import { ApiError } from './api-error.js';
import { parseInput } from './parse-input.js';

export type EpisodeField = (typeof EPISODE_FIELDS)[number];

export interface ListView {
  readonly limit: number | undefined;
  readonly offset: number;
  /** undefined: every field. */
  readonly fields: readonly EpisodeField[] | undefined;
}

export const listViewSchema = z.object({
  limit: z.coerce.number().int().min(1).optional().describe('at most this many episodes (a page)'),
  offset: z.coerce
    .number()
    .int()
    .min(0)
    .optional()
    .describe(
      'skip this many matching episodes first (default 0); the total is in the body and X-Total-Count',
    ),
  fields: z
    .string()
    .optional()
    .describe(
      `keep only these episode fields, comma-separated, e.g. id,title (fields: ${EPISODE_FIELDS.join(', ')})`,
    ),
});

const KNOWN = new Set<string>(EPISODE_FIELDS);

function fieldsOf(text: string): EpisodeField[] {
  const names = [...new Set(text.split(',').map((f) => f.trim()))].filter((f) => f !== '');
  for (const name of names)
    if (!KNOWN.has(name)) {
      const guess = closest(name, EPISODE_FIELDS);
      const hint = guess !== undefined ? `did you mean ${guess}?` : `fields: ${EPISODE_FIELDS.join(', ')}`;
      throw new ApiError(400, 'bad-request', `query: fields: unknown field (got "${name}"; ${hint})`, {
        issues: [{ file: 'query', field: 'fields', value: name, message: 'unknown field', hint }],
      });
    }
  return names as EpisodeField[];
}

export function parseListView(query: Record<string, unknown>): ListView {
  const { limit, offset, fields } = parseInput(
    listViewSchema,
    { limit: query.limit, offset: query.offset, fields: query.fields },
    'query',
  );
  return { limit, offset: offset ?? 0, fields: fields === undefined ? undefined : fieldsOf(fields) };
}

/** The page of the matching episodes the view asks for. */
export const pageOf = (episodes: readonly Episode[], view: ListView): readonly Episode[] =>
  episodes.slice(view.offset, view.limit === undefined ? undefined : view.offset + view.limit);

/** An episode with only the fields asked for, in the order asked. */
export const pick = (episode: Episode, fields: readonly EpisodeField[]): Record<string, unknown> =>
  Object.fromEntries(fields.map((f) => [f, episode[f]]));
