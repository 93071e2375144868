/** The record over HTTP: list (with the CLI's FIELD=VALUE filters) and get episodes; add one; import many. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { formatIssue, InputError } from '../domain/index.js';
import {
  formatEpisodesCsv,
  importRecords,
  loadStateTable,
  matchesFilter,
  parseRecordText,
  type RecordStore,
} from '../store/index.js';
import { ApiError } from './api-error.js';
import { episodeGetQuerySchema, episodeIdParamsSchema, LIMITS, writeQuerySchema } from './api-schemas.js';
import { requireWriteToken } from './bearer-auth.js';
import { parseInput } from './parse-input.js';
import { queryFilter } from './query-filter.js';
import type { RecordSnapshot, SnapshotCache } from './record-snapshot.js';

/** Views of one snapshot kept rendered; the oldest goes first. */
const RENDERED_VIEWS = 64;

export interface EpisodesRoutesOptions {
  readonly store: RecordStore;
  readonly record: SnapshotCache;
  readonly token: string | undefined;
}

const asList = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value === undefined ? [] : [value];

/** `?kind=electoral&where=side=challenger` as the CLI's `--where` conditions, in the order given. */
export function conditionsOf(query: Record<string, unknown>): string[] {
  const conditions: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (key === 'format' || key === 'record') continue;
    for (const item of asList(value)) {
      if (typeof item !== 'string')
        throw new ApiError(400, 'bad-request', `query: ${key}: expected text`, {
          issues: [{ file: 'query', field: key, message: 'expected text' }],
        });
      conditions.push(key === 'where' ? item : `${key}=${item}`);
    }
  }
  return conditions;
}

/** `?record=2026.11.0`: a release of the bundled record instead of the served one. */
function releaseOf(query: Record<string, unknown>): string | undefined {
  const value = query.record;
  if (value === undefined || typeof value === 'string') return value;
  throw new ApiError(400, 'bad-request', 'query: record: give one release', {
    issues: [{ file: 'query', field: 'record', message: 'give one release', hint: 'e.g. ?record=2026.11.0' }],
  });
}

/** A store's InputError (bad records, clashing ids) is a 422: the request was well formed, its content is not. */
function invalid(error: unknown): never {
  if (error instanceof InputError) {
    const count = error.issues.length;
    throw new ApiError(
      422,
      'invalid',
      `${count} problem${count === 1 ? '' : 's'}; nothing was written\n${error.issues.map(formatIssue).join('\n')}`,
      { issues: error.issues },
    );
  }
  throw error;
}

export async function episodesRoutes(app: FastifyInstance, options: EpisodesRoutesOptions): Promise<void> {
  const { store, record } = options;
  const renderedViews = new WeakMap<RecordSnapshot, Map<string, string>>();
  const writeGuard = requireWriteToken(options.token);

  app.get('/api/episodes', async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const format = query.format ?? 'json';
    if (format !== 'json' && format !== 'csv')
      throw new ApiError(400, 'bad-request', 'query: format: unknown format', {
        issues: [
          {
            file: 'query',
            field: 'format',
            value: String(format),
            message: 'unknown format',
            hint: 'json or csv',
          },
        ],
      });
    const where = conditionsOf(query);
    const filter = queryFilter(where);
    const snapshot = await record.get(releaseOf(query));
    // A whole record serialised is a few hundred kilobytes: each view is rendered once per snapshot of the record.
    let rendered = renderedViews.get(snapshot);
    if (rendered === undefined) {
      rendered = new Map();
      renderedViews.set(snapshot, rendered);
    }
    const key = `${format}\n${where.join('\n')}`;
    let text = rendered.get(key);
    if (text === undefined) {
      // Filtered in memory by the reference semantics every store's query keeps (matchesFilter).
      const episodes = snapshot.episodes.filter((e) => matchesFilter(e, filter));
      text =
        format === 'csv'
          ? formatEpisodesCsv(episodes)
          : JSON.stringify({ provenance: snapshot.provenance, where, count: episodes.length, episodes });
      if (rendered.size >= RENDERED_VIEWS) rendered.delete(rendered.keys().next().value as string);
      rendered.set(key, text);
    }
    if (format === 'csv')
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="meddle-episodes.csv"');
    else reply.type('application/json; charset=utf-8');
    return reply.send(text);
  });

  app.get('/api/episodes/:id', async (request) => {
    const { id } = parseInput(episodeIdParamsSchema, request.params, 'path');
    const { record: release } = parseInput(episodeGetQuerySchema, request.query, 'query');
    const episode = (await record.get(release)).byId.get(id);
    if (episode === undefined)
      throw new ApiError(404, 'not-found', `no episode ${JSON.stringify(id)}`, {
        issues: [
          { file: 'path', field: 'id', value: id, message: 'no such episode', hint: 'see GET /api/episodes' },
        ],
      });
    return episode;
  });

  const writeOptions = (request: FastifyRequest) => {
    const query = parseInput(writeQuerySchema, request.query, 'query');
    return {
      onExisting: query.replace === 'true' ? 'replace' : 'reject',
      dryRun: query.dryRun === 'true',
    } as const;
  };

  const respond = async (report: Awaited<ReturnType<typeof importRecords>>) => {
    if (!report.dryRun) record.invalidate();
    return {
      dryRun: report.dryRun,
      inserted: [...report.inserted],
      replaced: [...report.replaced],
      provenance: (await record.get()).provenance,
    };
  };

  app.post('/api/episodes', { onRequest: writeGuard }, async (request, reply) => {
    const body = request.body;
    if (body === null || typeof body !== 'object' || Array.isArray(body))
      throw new ApiError(400, 'bad-request', 'body: expected one episode as a JSON object', {
        issues: [
          {
            file: 'body',
            message: 'expected one episode as a JSON object',
            hint: 'to send many, POST /api/import',
          },
        ],
      });
    const report = await importRecords(
      store,
      [{ value: body, file: 'body' }],
      loadStateTable(),
      writeOptions(request),
    ).catch(invalid);
    return reply.code(report.dryRun ? 200 : 201).send(await respond(report));
  });

  // The import reads the body as text, so that every issue can name the line of the record it is about.
  await app.register(async (scope) => {
    scope.removeContentTypeParser(['application/json']);
    scope.addContentTypeParser(
      ['application/json', 'text/csv'],
      { parseAs: 'string' },
      (_request, body, done) => done(null, body),
    );
    scope.post(
      '/api/import',
      { onRequest: writeGuard, bodyLimit: LIMITS.importBody },
      async (request, reply) => {
        const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
        const format = type === 'text/csv' ? 'csv' : 'json';
        const records = parseRecordText(String(request.body ?? ''), 'body', format);
        if (records.length === 0)
          throw new ApiError(400, 'bad-request', 'body: no episodes to import', {
            issues: [{ file: 'body', message: 'no episodes to import' }],
          });
        const report = await importRecords(store, records, loadStateTable(), writeOptions(request)).catch(
          invalid,
        );
        return reply.code(report.dryRun ? 200 : 201).send(await respond(report));
      },
    );
  });
}
