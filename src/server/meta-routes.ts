/** What the API says about itself and its data: provenance, the record's releases, the filterable fields, the state list, the OpenAPI document. */
import type { FastifyInstance } from 'fastify';
import { EXCLUSION_RULES } from '../stats/index.js';
import { FILTER_FIELDS, listReleases, loadRelease, loadStateTable } from '../store/index.js';
import { buildOpenApiDocument } from './openapi-document.js';
import { parseInput } from './parse-input.js';
import type { SnapshotCache } from './record-snapshot.js';
import { ROUTES, urlOf } from './route-table.js';

export interface MetaRoutesOptions {
  readonly record: SnapshotCache;
  readonly meddle: string;
}

/** A case-insensitive match on name or abbreviation, or the COW number when the search is one. */
function searchStates<S extends { cow: number; abbr: string; name: string }>(
  states: readonly S[],
  search: string,
): S[] {
  const text = search.trim().toLowerCase();
  const cow = /^\d+$/.test(text) ? Number(text) : undefined;
  if (cow !== undefined) return states.filter((s) => s.cow === cow);
  return states.filter((s) => s.name.toLowerCase().includes(text) || s.abbr.toLowerCase().includes(text));
}

export async function metaRoutes(app: FastifyInstance, options: MetaRoutesOptions): Promise<void> {
  const document = JSON.stringify(buildOpenApiDocument(options.meddle));
  const fields = {
    fields: Object.entries(FILTER_FIELDS).map(([name, kind]) => ({
      name,
      type: kind.type,
      ...('values' in kind ? { values: [...kind.values] } : {}),
    })),
    exclusions: Object.entries(EXCLUSION_RULES).map(([rule, { description }]) => ({ rule, description })),
  };
  const states = {
    states: loadStateTable().states.map(({ cow, abbr, name, major }) => ({ cow, abbr, name, major })),
  };

  app.get(urlOf(ROUTES.provenance), async () => (await options.record.get()).provenance);
  app.get(urlOf(ROUTES.fields), async () => fields);
  app.get(urlOf(ROUTES.releases), async () => ({
    releases: listReleases().map((version) => loadRelease(version).provenance),
  }));
  app.get(urlOf(ROUTES.states), async (request) => {
    const { search } = parseInput(ROUTES.states.query, request.query, 'query');
    return search === undefined || search.trim() === ''
      ? states
      : { states: searchStates(states.states, search) };
  });
  app.get(urlOf(ROUTES.openapi), async (_request, reply) =>
    reply.type('application/json; charset=utf-8').send(document),
  );
}
