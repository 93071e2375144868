/** The one place that turns a thrown error into a response: known errors render themselves, the rest are a bare 500. */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { formatIssue, InputError, type InputIssue, plainRoles, wordIssue } from '../domain/index.js';
import { ApiError, type ApiErrorCode, type ErrorBody } from './api-error.js';
import type { RouteMethods } from './route-methods.js';

/** Fastify's own request errors (body parsing, limits, routing) mapped to meddle's codes. */
function codeForStatus(status: number): ApiErrorCode {
  if (status === 413) return 'too-large';
  if (status === 415) return 'unsupported-media-type';
  if (status === 404) return 'not-found';
  if (status === 405) return 'method-not-allowed';
  return 'bad-request';
}

function send(reply: FastifyReply, status: number, body: ErrorBody): FastifyReply {
  return reply.code(status).type('application/json; charset=utf-8').send(body);
}

/** Issues as the API shows them: a role is named as its query parameter or body field is (`where`, `record`). */
const worded = (issues: readonly InputIssue[]): InputIssue[] =>
  issues.map((issue) => wordIssue(issue, plainRoles));

export function errorBody(error: unknown): { status: number; body: ErrorBody } | undefined {
  if (error instanceof ApiError)
    return {
      status: error.status,
      body: { error: error.code, message: error.message, issues: worded(error.issues) },
    };
  if (error instanceof InputError)
    return {
      status: 400,
      body: {
        error: 'bad-request',
        message: error.issues.map(formatIssue).join('\n'),
        issues: worded(error.issues),
      },
    };
  const status = (error as Partial<FastifyError>).statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    // Fastify's messages for its own errors (bad JSON, body too large) are written for clients.
    const message = (error as Error).message;
    return {
      status,
      body: { error: codeForStatus(status), message, issues: [{ file: 'request', message }] },
    };
  }
  return undefined;
}

/** `methods` tells which methods a path has, so that a known path asked with another method is a 405. */
export function installErrorHandler(app: FastifyInstance, methods?: RouteMethods): void {
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const known = errorBody(error);
    if (known !== undefined) {
      if (error instanceof ApiError) reply.headers(error.headers);
      return send(reply, known.status, known.body);
    }
    // Anything else is a bug: the client learns nothing of it, the log learns everything.
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, 500, { error: 'internal', message: 'internal server error', issues: [] });
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const allowed = methods?.allowed(path);
    if (allowed !== undefined && !allowed.includes(request.method)) {
      const allow = allowed.join(', ');
      reply.header('allow', allow);
      return send(reply, 405, {
        error: 'method-not-allowed',
        message: `${request.method} is not allowed on ${path}; use ${allow}`,
        issues: [],
      });
    }
    return send(reply, 404, {
      error: 'not-found',
      message: `no route ${request.method} ${path}`,
      issues: [],
    });
  });
}
