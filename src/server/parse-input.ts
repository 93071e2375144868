/** Validates a request's query, parameters or body against its zod schema, turning every issue into a 400's issue list. */
import type { z } from 'zod';
import { formatIssue, issuesFromZod } from '../domain/index.js';
import { ApiError } from './api-error.js';

/** `where` names the part of the request (`query`, `body`) so that each issue says where to look. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = issuesFromZod(result.error, value, { file: where });
  throw new ApiError(400, 'bad-request', issues.map(formatIssue).join('\n'), { issues });
}
