/**
 * The methods each registered path answers, so that a known path asked with another method is told 405 and which
 * methods it has, rather than 404 as if it did not exist.
 */
import type { FastifyInstance } from 'fastify';

export interface RouteMethods {
  /** The methods the path's route has (HEAD with GET), sorted; undefined when no route has the path. */
  allowed(path: string): readonly string[] | undefined;
}

interface Known {
  readonly pattern: RegExp;
  readonly methods: Set<string>;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `/api/episodes/:id` as a regular expression of concrete paths; a parameter is one non-empty segment. */
function patternOf(url: string): RegExp {
  const segments = url.split('/').map((s) => (s.startsWith(':') ? '[^/]+' : escapeRegExp(s)));
  return new RegExp(`^${segments.join('/')}$`);
}

/** Registers an onRoute hook: call before the routes are registered. */
export function trackRouteMethods(app: FastifyInstance): RouteMethods {
  const known = new Map<string, Known>();
  app.addHook('onRoute', (route) => {
    // A wildcard (the web app's files) would claim every path; those paths keep their 404.
    if (route.url.includes('*')) return;
    const url = route.url.length > 1 ? route.url.replace(/\/+$/, '') : route.url;
    const entry = known.get(url) ?? { pattern: patternOf(url), methods: new Set<string>() };
    for (const method of Array.isArray(route.method) ? route.method : [route.method]) {
      entry.methods.add(method);
      if (method === 'GET') entry.methods.add('HEAD');
    }
    known.set(url, entry);
  });
  return {
    allowed(path) {
      // The server ignores a trailing slash, so a path is matched with it removed.
      const bare = path.length > 1 ? path.replace(/\/+$/, '') : path;
      for (const { pattern, methods } of known.values()) if (pattern.test(bare)) return [...methods].sort();
      return undefined;
    },
  };
}
