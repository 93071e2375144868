/** Entity tags for rendered responses, and the If-None-Match test that turns a repeat into a 304. */
import { createHash } from 'node:crypto';

/**
 * A weak tag of what the body is made from (the record's hash and the query), not of its bytes: the same body is
 * sent gzip, br or plain, and weak tags compare equal across encodings.
 */
export const entityTag = (key: string): string =>
  `W/"${createHash('sha256').update(key).digest('base64url').slice(0, 27)}"`;

/** Whether If-None-Match names the tag (weak comparison, as RFC 9110 asks for GET), or is `*`. */
export function matchesIfNoneMatch(header: string | undefined, tag: string): boolean {
  if (header === undefined) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  const wanted = bare(tag);
  return header.split(',').some((t) => t.trim() === '*' || bare(t) === wanted);
}
