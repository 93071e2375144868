/** The record over HTTP: list (with the CLI's FIELD=VALUE filters) and get episodes; add one; import many. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { formatIssue, InputError } from '../domain/index.js';
import {
  type EpisodeFilter,
  formatEpisodesCsv,
  importRecords,
  loadStateTable,
  matchesFilter,
  parseRecordText,
  type RecordStore,
} from '../store/index.js';
import { ApiError } from './api-error.js';
import { LIMITS } from './api-schemas.js';
import { requireWriteToken } from './bearer-auth.js';
import { entityTag, matchesIfNoneMatch } from './entity-tag.js';
import { type ListView, pageOf, parseListView, pick } from './list-view.js';
import { parseInput } from './parse-input.js';
import { conditionsOf, queryFilter } from './query-filter.js';
import type { RecordSnapshot, SnapshotCache } from './record-snapshot.js';
import { encodeBody, negotiateEncoding, type ResponseEncoding } from './response-encoding.js';
import { ROUTES, urlOf } from './route-table.js';

/** Views kept rendered, across record versions; the oldest goes first. */
const RENDERED_VIEWS = 64;

/** One view of the list as sent: its bytes, made once, and their compressed forms, made when first asked. */
interface RenderedView {
  readonly bytes: Buffer;
  readonly etag: string;
  /** The matching episodes before the page was cut. */
  readonly total: number;
  readonly encoded: Map<ResponseEncoding, Buffer>;
}

function renderView(
  snapshot: RecordSnapshot,
  format: 'json' | 'csv',
  where: readonly string[],
  filter: EpisodeFilter,
  view: ListView,
  etag: string,
): RenderedView {
  // Filtered in memory by the reference semantics every store's query keeps (matchesFilter).
  const matching = snapshot.episodes.filter((e) => matchesFilter(e, filter));
  const page = pageOf(matching, view);
  const { fields } = view;
  const text =
    format === 'csv'
      ? formatEpisodesCsv(page, fields)
      : JSON.stringify({
          provenance: snapshot.provenance,
          where,
          count: page.length,
          total: matching.length,
          offset: view.offset,
          limit: view.limit ?? null,
          episodes: fields === undefined ? page : page.map((e) => pick(e, fields)),
        });
  return { bytes: Buffer.from(text, 'utf8'), etag, total: matching.length, encoded: new Map() };
}

export interface EpisodesRoutesOptions {
  readonly store: RecordStore;
  readonly record: SnapshotCache;
  readonly token: string | undefined;
}

/** The list's own parameters; every other key of its query is a FIELD=VALUE condition. */
const LIST_PARAMETERS = new Set(['format', 'record', 'limit', 'offset', 'fields']);

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
  const views = new Map<string, RenderedView>();
  const writeGuard = requireWriteToken(options.token);

  app.get(urlOf(ROUTES.episodes), async (request, reply) => {
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
    const view = parseListView(query);
    const where = conditionsOf(query, LIST_PARAMETERS);
    const filter = queryFilter(where);
    const release = releaseOf(query);
    // The checks above word their issues for the list; the table's schema of the whole query has the last word.
    parseInput(ROUTES.episodes.query, query, 'query');
    const snapshot = await record.get(release);
    const stamp = snapshot.provenance.record;
    // A view is a pure function of the record (its version and hash) and the query: rendered once, then reused.
    const key = JSON.stringify([stamp.version, stamp.hash, format, where, view]);
    let rendered = views.get(key);
    if (rendered === undefined) {
      rendered = renderView(snapshot, format, where, filter, view, entityTag(key));
      if (views.size >= RENDERED_VIEWS) views.delete(views.keys().next().value as string);
      views.set(key, rendered);
    }
    reply.header('etag', rendered.etag).header('x-total-count', String(rendered.total));
    // The body depends on Accept-Encoding, so caches must key on it too.
    reply.header('vary', 'accept-encoding');
    if (format === 'csv')
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="meddle-episodes.csv"');
    else reply.type('application/json; charset=utf-8');
    if (matchesIfNoneMatch(request.headers['if-none-match'], rendered.etag)) return reply.code(304).send();
    const encoding = negotiateEncoding(request.headers['accept-encoding']);
    if (encoding === 'identity') return reply.send(rendered.bytes);
    let encoded = rendered.encoded.get(encoding);
    if (encoded === undefined) {
      encoded = encodeBody(rendered.bytes, encoding);
      rendered.encoded.set(encoding, encoded);
    }
    return reply.header('content-encoding', encoding).send(encoded);
  });

  app.get(urlOf(ROUTES.episode), async (request) => {
    const { id } = parseInput(ROUTES.episode.params, request.params, 'path');
    const { record: release } = parseInput(ROUTES.episode.query, request.query, 'query');
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
    // The two write routes take the same query.
    const query = parseInput(ROUTES.addEpisode.query, request.query, 'query');
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

  app.post(urlOf(ROUTES.addEpisode), { onRequest: writeGuard }, async (request, reply) => {
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
      urlOf(ROUTES.import),
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
