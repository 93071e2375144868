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
export const field = (name: string, role: string): EpisodeFieldName =>
  requireEpisodeField(name, { file: 'query', field: role });

/** The CLI names its option in issues; over HTTP the place is the query string. */
export function queryIssues(error: InputError): InputIssue[] {
  return error.issues.map((issue) => ({
    ...issue,
    file: 'query',
    ...(issue.field === '--where' ? { field: 'where' } : {}),
    ...(issue.hint?.startsWith('e.g. --where') === true
      ? { hint: 'e.g. ?kind=electoral or ?where=kind=electoral' }
      : {}),
  }));
}

/** `where=FIELD=VALUE` conditions, parsed as the CLI's `--where`, with their issues placed in the query. */
export function queryFilter(where: readonly string[]): ReturnType<typeof parseFilter> {
  try {
    return parseFilter(where, (name) => loadStateTable().find(name)?.cow);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const issues = queryIssues(error);
    throw new ApiError(400, 'bad-request', issues.map(formatIssue).join('\n'), { issues });
  }
}
