/** Time to defection over HTTP: Kaplan–Meier curves of the filtered record's proxies in power, as `meddle survival`. */
import type { FastifyInstance } from 'fastify';
import { episodeSurvival } from '../stats/index.js';
import { matchesFilter } from '../store/index.js';
import { survivalQuerySchema } from './api-schemas.js';
import { parseInput } from './parse-input.js';
import { field, list, queryFilter } from './query-filter.js';
import type { SnapshotCache } from './record-snapshot.js';

export interface SurvivalRoutesOptions {
  readonly record: SnapshotCache;
}

export async function survivalRoutes(app: FastifyInstance, options: SurvivalRoutesOptions): Promise<void> {
  app.get('/api/survival', async (request) => {
    const query = parseInput(survivalQuerySchema, request.query, 'query');
    const by = query.by === undefined ? undefined : field(query.by, 'by');
    const where = list(query.where);
    const filter = queryFilter(where);
    const snapshot = await options.record.get(query.record);
    const episodes = snapshot.episodes.filter((e) => matchesFilter(e, filter));
    const result = episodeSurvival(episodes, {
      event: query.event,
      scale: query.scale,
      ...(by !== undefined ? { by } : {}),
    });
    return { provenance: snapshot.provenance, where, result };
  });
}
