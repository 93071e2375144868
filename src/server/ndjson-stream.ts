/** Streams work as newline-delimited JSON, one event a line, stopping the work when the client goes away. */
import { Readable } from 'node:stream';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { FastifyReply } from 'fastify';
import { errorBody } from './error-handler.js';

export const NDJSON = 'application/x-ndjson; charset=utf-8';

/**
 * Sends the events `produce` yields. Between events the loop is given back, so that other requests are served
 * while a long computation streams; an error after the first line can only be reported as a last line.
 */
export function sendNdjson(
  reply: FastifyReply,
  produce: () => AsyncGenerator<unknown>,
  onEnd: () => void,
): FastifyReply {
  async function* lines(): AsyncGenerator<string> {
    try {
      for await (const event of produce()) {
        yield `${JSON.stringify(event)}\n`;
        await yieldToLoop();
      }
    } catch (error) {
      const known = errorBody(error);
      if (known === undefined) reply.log.error({ err: error }, 'stream failed');
      yield `${JSON.stringify({
        type: 'error',
        error: known?.body ?? { error: 'internal', message: 'internal server error', issues: [] },
      })}\n`;
    } finally {
      onEnd();
    }
  }
  return reply.type(NDJSON).header('cache-control', 'no-store').send(Readable.from(lines()));
}
