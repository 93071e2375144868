/** Builds the HTTP server: the JSON API under /api, the web app at /, security headers and limits; it does not listen. */
import compress from '@fastify/compress';
import helmet from '@fastify/helmet';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyServerOptions } from 'fastify';
import { createSimPool } from '../sim-runner/index.js';
import type { RecordStore } from '../store/index.js';
import type { ErrorBody } from './api-error.js';
import { LIMITS } from './api-schemas.js';
import { assessRoutes } from './assess-routes.js';
import { casesRoutes } from './cases-routes.js';
import { episodesRoutes } from './episodes-routes.js';
import { errorBody, installErrorHandler } from './error-handler.js';
import { installHostAllowList } from './host-allow-list.js';
import { metaRoutes } from './meta-routes.js';
import { installPermissionsPolicy } from './permissions-policy.js';
import { createSnapshotCache } from './record-snapshot.js';
import { trackRouteMethods } from './route-methods.js';
import { simRoutes } from './sim-routes.js';
import { createSimulationGate } from './simulation-gate.js';
import { survivalRoutes } from './survival-routes.js';
import { tableRoutes } from './table-routes.js';
import { webStatic } from './web-static.js';

export interface ServerOptions {
  /** The record the API reads and writes; the caller opens it and closes it after the server. */
  readonly store: RecordStore;
  /** meddle's version, reported in provenance and the OpenAPI document. */
  readonly version: string;
  /** The bearer token writes need; without one the server is read-only. */
  readonly token?: string | undefined;
  /** The built web app's folder (dist/web); without it only the API is served. */
  readonly webRoot?: string | undefined;
  readonly logger?: FastifyServerOptions['logger'];
  /**
   * Host names (with any port) requests may be addressed to, besides localhost, 127.0.0.1, [::1] and the address
   * the server is bound to; any other Host header is answered 421.
   */
  readonly allowedHosts?: readonly string[] | undefined;
}

/** The Content-Security-Policy: everything from this origin only, no inline script or style, no framing. */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'"],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
} as const;

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: LIMITS.jsonBody,
    // A slow client cannot hold a connection open by trickling its request.
    requestTimeout: 30_000,
    connectionTimeout: 60_000,
    // Reject `__proto__` and `constructor.prototype` in JSON bodies rather than strip them silently.
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    // A malformed URL or an overlong path parameter is refused before routing; it still gets the one error shape.
    frameworkErrors: (error, _request, reply: FastifyReply) => {
      const known = errorBody(error);
      const body: ErrorBody = known?.body ?? { error: 'bad-request', message: error.message, issues: [] };
      return reply
        .code(known?.status ?? 400)
        .type('application/json; charset=utf-8')
        .send(body);
    },
  });
  // Before anything else: every answer, a refusal included, carries the policy; a foreign Host goes no further.
  installPermissionsPolicy(app);
  installHostAllowList(app, options.allowedHosts ?? []);
  // Before the routes, so that every one is seen.
  installErrorHandler(app, trackRouteMethods(app));
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    crossOriginEmbedderPolicy: false,
    hsts: false,
  });
  // JSON and text answers are compressed by Accept-Encoding; request bodies are not inflated, so that the body
  // limits stay limits of bytes received. The episode list sends its own cached, compressed bytes.
  await app.register(compress, { global: true, globalDecompression: false, threshold: 1024 });
  const token = options.token !== undefined && options.token !== '' ? options.token : undefined;
  const record = createSnapshotCache(options.store, options.version, token !== undefined);
  await app.register(episodesRoutes, { store: options.store, record, token });
  await app.register(tableRoutes, { record });
  await app.register(survivalRoutes, { record });
  await app.register(casesRoutes, { meddle: options.version });
  // Runs, sweeps and assessments share one cap: each holds the process for up to a few seconds.
  const gate = createSimulationGate(LIMITS.concurrentSimulations);
  // Simulations, sweeps and assessments run on worker threads, never on the event loop: one thread a slot of the
  // gate, started at the first request and stopped with the server.
  const pool = createSimPool({ workers: LIMITS.concurrentSimulations, lazy: true });
  app.addHook('onClose', async () => pool.destroy());
  await app.register(simRoutes, { gate, pool });
  await app.register(assessRoutes, { record, gate, pool });
  await app.register(metaRoutes, { record, meddle: options.version });
  if (options.webRoot !== undefined) await app.register(webStatic, { root: options.webRoot });
  return app;
}
