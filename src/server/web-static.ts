/** Serves the built web app from its own folder: fixed files only, with an index for the root and no listing. */
import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Hashed asset names change with their content, so they may be cached for good; the page itself may not. */
const IMMUTABLE = /\/assets\/[^/]+-[A-Za-z0-9_-]{8,}\.\w+$/;

export async function webStatic(app: FastifyInstance, options: { root: string }): Promise<void> {
  // Without a build there is only the API; `meddle serve` says so when it starts.
  if (!existsSync(options.root)) return;
  await app.register(fastifyStatic, {
    root: options.root,
    prefix: '/',
    index: ['index.html'],
    list: false,
    dotfiles: 'deny',
    wildcard: true,
    cacheControl: false,
    setHeaders(res, path) {
      res.header('cache-control', IMMUTABLE.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
}
