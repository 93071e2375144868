/** What the analytics routes read from a query string alike: repeatable values, field names, `where` conditions. */
import {
  type EpisodeFieldName,
  formatIssue,
  InputError,
  type InputIssue,
  requireEpisodeField,
} from '../domain/index.js';
import { loadStateTable, parseFilter } from '../store/index.js';
import { ApiError } from './api-error.js';

/** A repeatable query parameter as a list, whether it came once, several times or not at all. */
export const list = (value: string | string[] | undefined): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** A field the query names, or a 400 naming the parameter, with the nearest field as a suggestion. */
export const field = (name: string, parameter: string): EpisodeFieldName =>
  requireEpisodeField(name, { file: 'query', field: parameter });

/**
 * The issues of code shared with the CLI, placed in the query. Their roles are the query parameters of those names;
 * the error handler words them for every response.
 */
export function queryIssues(error: InputError): InputIssue[] {
  return error.issues.map((issue) => ({ ...issue, file: 'query' }));
}

/** An InputError raised by code shared with the CLI, as a 400 whose issues name the query parameters. */
export function asQueryError(error: unknown): never {
  if (!(error instanceof InputError)) throw error;
  const issues = queryIssues(error);
  throw new ApiError(400, 'bad-request', issues.map(formatIssue).join('\n'), { issues });
}

const asList = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value === undefined ? [] : [value];

/**
 * `?kind=electoral&where=side=challenger` as FIELD=VALUE conditions, in the order given: every key but `own` (the
 * route's own parameters) is a condition, so that every route that filters episodes reads filters alike.
 */
export function conditionsOf(query: Record<string, unknown>, own: ReadonlySet<string>): string[] {
  const conditions: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (own.has(key)) continue;
    for (const item of asList(value)) {
      if (typeof item !== 'string')
        throw new ApiError(400, 'bad-request', `query: ${key}: expected text`, {
          issues: [{ file: 'query', field: key, message: 'expected text' }],
        });
      conditions.push(key === 'where' ? item : `${key}=${item}`);
    }
  }
  return conditions;
}

/** A query split into the route's own parameters (to validate with its schema) and its episode filter. */
export function splitFilterQuery(
  query: unknown,
  own: readonly string[],
): { params: Record<string, unknown>; where: string[]; filter: ReturnType<typeof parseFilter> } {
  const entries = Object.entries((query ?? {}) as Record<string, unknown>);
  const ownKeys = new Set(own.filter((key) => key !== 'where'));
  const params = Object.fromEntries(entries.filter(([key]) => ownKeys.has(key)));
  const where = conditionsOf(Object.fromEntries(entries), ownKeys);
  return { params, where, filter: queryFilter(where) };
}

/** `where=FIELD=VALUE` conditions, parsed as the CLI's `--where`, with their issues placed in the query. */
export function queryFilter(where: readonly string[]): ReturnType<typeof parseFilter> {
  try {
    return parseFilter(where, (name) => loadStateTable().find(name)?.cow);
  } catch (error) {
    asQueryError(error);
  }
}
