/** Guards the routes that write: a bearer token compared in constant time, and none at all means read-only. */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { ApiError } from './api-error.js';

/** Hashing first gives equal-length buffers, so the comparison's time says nothing of the token's length. */
const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/** An `onRequest` hook: it runs before the body is read, so that no stranger's upload is ever parsed. */
export function requireWriteToken(token: string | undefined) {
  const expected = token !== undefined && token !== '' ? digest(token) : undefined;
  return async (request: FastifyRequest): Promise<void> => {
    if (expected === undefined)
      throw new ApiError(
        403,
        'read-only',
        'this server is read-only: start it with MEDDLE_TOKEN set to accept writes',
      );
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (match?.[1] === undefined || !timingSafeEqual(digest(match[1]), expected))
      throw new ApiError(
        401,
        'unauthorized',
        'writes need the header "Authorization: Bearer <MEDDLE_TOKEN>"',
        {
          headers: { 'www-authenticate': 'Bearer realm="meddle"' },
        },
      );
  };
}
