/** Cross-tabulations over HTTP: two coded fields of the filtered record, with intervals, the test, Markdown and CSV. */
import type { FastifyInstance } from 'fastify';
import { InputError } from '../domain/index.js';
import { formatEpisodeTable } from '../render/table-report.js';
import { uniformSource } from '../sim/index.js';
import { EXCLUSION_RULES, isExclusionRule, tabulateEpisodes } from '../stats/index.js';
import { matchesFilter } from '../store/index.js';
import { tableQuerySchema } from './api-schemas.js';
import { parseInput } from './parse-input.js';
import { field, list, splitFilterQuery } from './query-filter.js';
import type { SnapshotCache } from './record-snapshot.js';
import { ROUTES, urlOf } from './route-table.js';

/** The table's own parameters; every other key of the query is a FIELD=VALUE filter. */
const OWN_PARAMETERS = Object.keys(tableQuerySchema.shape);

export interface TableRoutesOptions {
  readonly record: SnapshotCache;
}

/** Tables kept: a table is a pure function of the record's hash and the query, so a repeat is answered at once. */
const CACHED_TABLES = 64;

export async function tableRoutes(app: FastifyInstance, options: TableRoutesOptions): Promise<void> {
  const { record } = options;
  const cache = new Map<string, string>();

  app.get(urlOf(ROUTES.table), async (request, reply) => {
    reply.type('application/json; charset=utf-8');
    // FIELD=VALUE keys filter as on GET /api/episodes; the rest are the table's own parameters.
    const { where, filter } = splitFilterQuery(request.query, OWN_PARAMETERS);
    const query = parseInput(ROUTES.table.query, request.query, 'query');
    const row = field(query.row, 'row');
    const column = field(query.by, 'by');
    const exclude = list(query.exclude).map((rule) => {
      if (isExclusionRule(rule)) return rule;
      throw new InputError({
        file: 'query',
        field: 'exclude',
        value: rule,
        message: 'unknown exclusion rule',
        hint: `rules: ${Object.keys(EXCLUSION_RULES).join(', ')}`,
      });
    });
    const snapshot = await record.get(query.record);
    const key = JSON.stringify([
      snapshot.provenance.record.hash,
      row,
      column,
      exclude,
      where,
      query.method,
      query.pool,
      query.includeUnknown,
      query.monteCarlo,
      query.seed,
    ]);
    const cached = cache.get(key);
    if (cached !== undefined) return reply.send(cached);
    const episodes = snapshot.episodes.filter((e) => matchesFilter(e, filter));
    // The seed makes Fisher's Monte Carlo p-value on tables beyond 2×2 the same on every request.
    const result = tabulateEpisodes(episodes, row, column, {
      exclude,
      method: query.method,
      pool: query.pool === 'true',
      includeUnknown: query.includeUnknown === 'true',
      // Without a random source, tables beyond 2×2 get χ² alone: a quick first answer while Fisher's runs.
      ...(query.monteCarlo === 'false' ? {} : { random: uniformSource(query.seed) }),
    });
    const stamp = snapshot.provenance;
    const footnote = `meddle ${stamp.meddle}; record ${stamp.record.version} sha256 ${stamp.record.hash.slice(0, 16)}; seed ${query.seed}; where ${where.join(' ') || '(all)'}`;
    const answer = {
      provenance: stamp,
      seed: query.seed,
      where,
      result,
      markdown: formatEpisodeTable(result, 'md', footnote),
      csv: formatEpisodeTable(result, 'csv', footnote),
    };
    // Oldest first out: a Map iterates in insertion order.
    if (cache.size >= CACHED_TABLES) cache.delete(cache.keys().next().value as string);
    const body = JSON.stringify(answer);
    cache.set(key, body);
    return reply.send(body);
  });
}
