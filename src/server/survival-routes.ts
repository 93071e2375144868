/** Time to defection over HTTP: Kaplan–Meier curves of the filtered record's proxies in power, as `meddle survival`. */
import type { FastifyInstance } from 'fastify';
import { episodeSurvival } from '../stats/index.js';
import { matchesFilter } from '../store/index.js';
import { survivalQuerySchema } from './api-schemas.js';
import { parseInput } from './parse-input.js';
import { asQueryError, field, splitFilterQuery } from './query-filter.js';
import type { SnapshotCache } from './record-snapshot.js';
import { ROUTES, urlOf } from './route-table.js';

/** The curves' own parameters; every other key of the query is a FIELD=VALUE filter. */
const OWN_PARAMETERS = Object.keys(survivalQuerySchema.shape);

export interface SurvivalRoutesOptions {
  readonly record: SnapshotCache;
}

export async function survivalRoutes(app: FastifyInstance, options: SurvivalRoutesOptions): Promise<void> {
  app.get(urlOf(ROUTES.survival), async (request) => {
    // FIELD=VALUE keys filter as on GET /api/episodes; the rest are the curves' own parameters.
    const { where, filter } = splitFilterQuery(request.query, OWN_PARAMETERS);
    const query = parseInput(ROUTES.survival.query, request.query, 'query');
    const by = query.by === undefined ? undefined : field(query.by, 'by');
    const snapshot = await options.record.get(query.record);
    const episodes = snapshot.episodes.filter((e) => matchesFilter(e, filter));
    // The stats module names roles in its issues (`by`, `where`); asQueryError places them in the query.
    let result: ReturnType<typeof episodeSurvival>;
    try {
      result = episodeSurvival(episodes, {
        event: query.event,
        scale: query.scale,
        ...(by !== undefined ? { by } : {}),
      });
    } catch (error) {
      asQueryError(error);
    }
    return { provenance: snapshot.provenance, where, result };
  });
}
