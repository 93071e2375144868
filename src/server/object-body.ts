/** A JSON body a route reads as an object: `null`, a number, a string or an array is a 400, not taken for "no body". */
import { ApiError } from './api-error.js';

/** No body at all is `fallback` (a route's defaults); any JSON value but an object is refused, naming the body. */
export function objectBody(body: unknown, fallback: Record<string, unknown> = {}): Record<string, unknown> {
  if (body === undefined) return fallback;
  if (body !== null && typeof body === 'object' && !Array.isArray(body))
    return body as Record<string, unknown>;
  throw new ApiError(400, 'bad-request', 'body: expected a JSON object', {
    issues: [{ file: 'body', message: 'expected a JSON object', value: JSON.stringify(body).slice(0, 200) }],
  });
}
