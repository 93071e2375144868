/**
 * Every route of the API in one table: its method, path and summary, the zod schemas it validates its path,
 * query and body with, and its answers. The route modules read their schemas and paths from here and the OpenAPI
 * document is generated from it, so that the document states what the routes check.
 */
import { z } from 'zod';
import {
  assessmentSchema,
  assessQuerySchema,
  caseListSchema,
  caseParamsSchema,
  caseTraceSchema,
  discoverBodySchema,
  discoverEventSchema,
  discoveryResultSchema,
  episodeGetQuerySchema,
  episodeIdParamsSchema,
  episodeInputBodySchema,
  episodeListSchema,
  episodeQuerySchema,
  episodeSchema,
  fieldsSchema,
  importReportSchema,
  LIMITS,
  operationBodySchema,
  parametersSchema,
  provenanceSchema,
  releaseListSchema,
  runEventSchema,
  simRunBodySchema,
  simRunResultSchema,
  statesQuerySchema,
  statesSchema,
  survivalQuerySchema,
  survivalResultSchema,
  sweepBodySchema,
  sweepEventSchema,
  tableQuerySchema,
  tableResultSchema,
  withFilters,
  writeQuerySchema,
} from './api-schemas.js';

export interface Route {
  readonly method: 'get' | 'post';
  /** OpenAPI form, `{id}` for a parameter. */
  readonly path: string;
  readonly summary: string;
  readonly tag: string;
  readonly auth?: boolean;
  readonly params?: z.ZodObject;
  readonly query?: z.ZodObject;
  readonly body?: {
    /** False when a request without a body means the defaults (objectBody reads it as `{}`). */
    readonly required: boolean;
    /** By content type; for a JSON body, the schema the route validates the parsed body with. */
    readonly content: Readonly<Record<string, z.ZodType>>;
  };
  readonly ok: {
    readonly status: number;
    readonly description: string;
    /** By content type; for application/x-ndjson, the schema of one line. */
    readonly content: Readonly<Record<string, z.ZodType>>;
  };
  readonly errors: readonly number[];
  /** Whether the route answers 304 to a matching If-None-Match. */
  readonly notModified?: boolean;
}

const json = <S extends z.ZodType>(schema: S) => ({ 'application/json': schema });

/** The routes by name; `satisfies` keeps each entry's own schema types for the handlers that parse with them. */
export const ROUTES = {
  episodes: {
    method: 'get',
    path: '/api/episodes',
    summary:
      'List episodes, filtered by FIELD=VALUE conditions (as `meddle record list --where`); CSV with format=csv; ' +
      'paged by limit= and offset= (the total in the body and X-Total-Count), fields= to keep some fields; ' +
      'compressed by Accept-Encoding, with a weak ETag (304 to a matching If-None-Match)',
    tag: 'record',
    query: episodeQuerySchema,
    ok: {
      status: 200,
      description: 'the matching episodes with the provenance of the record',
      content: { ...json(episodeListSchema), 'text/csv': z.string() },
    },
    errors: [400],
    notModified: true,
  },
  episode: {
    method: 'get',
    path: '/api/episodes/{id}',
    summary: 'One episode in full, with its sources',
    tag: 'record',
    params: episodeIdParamsSchema,
    query: episodeGetQuerySchema,
    ok: { status: 200, description: 'the episode', content: json(episodeSchema) },
    errors: [400, 404],
  },
  addEpisode: {
    method: 'post',
    path: '/api/episodes',
    summary: 'Add one episode (or replace it with replace=true); needs the bearer token',
    tag: 'record',
    auth: true,
    query: writeQuerySchema,
    // Checked by the record's own validation (importRecords), which uses this schema and then the state list.
    body: { required: true, content: json(episodeInputBodySchema) },
    ok: { status: 201, description: 'written (200 for a dry run)', content: json(importReportSchema) },
    errors: [400, 401, 403, 413, 415, 422],
  },
  import: {
    method: 'post',
    path: '/api/import',
    summary: `Import episodes from a JSON or CSV body of at most ${LIMITS.importBody} bytes: all are checked, then all or none are written; needs the bearer token`,
    tag: 'record',
    auth: true,
    query: writeQuerySchema,
    body: {
      required: true,
      content: { 'application/json': z.array(episodeInputBodySchema).min(1), 'text/csv': z.string() },
    },
    ok: { status: 201, description: 'written (200 for a dry run)', content: json(importReportSchema) },
    errors: [400, 401, 403, 413, 415, 422],
  },
  table: {
    method: 'get',
    path: '/api/table',
    summary:
      'Cross-tabulate two coded fields of the (filtered) record: counts, column shares with intervals, the test of association, as JSON with Markdown and CSV',
    tag: 'tables',
    query: withFilters(tableQuerySchema),
    ok: { status: 200, description: 'the table', content: json(tableResultSchema) },
    errors: [400],
  },
  survival: {
    method: 'get',
    path: '/api/survival',
    summary:
      'Years from a proxy taking power to its defection (or the payoff lost), censored at the last year seen aligned: Kaplan–Meier curves by a field, the log-rank test and hazard ratios',
    tag: 'tables',
    query: withFilters(survivalQuerySchema),
    ok: { status: 200, description: 'the curves', content: json(survivalResultSchema) },
    errors: [400],
  },
  assess: {
    method: 'post',
    path: '/api/assess',
    summary: `Assess a proposed operation (a scenario as JSON or YAML, at most ${LIMITS.runs} runs): comparables, pooled base rates, simulated outcomes, costs, risks, verdict`,
    tag: 'assessment',
    query: assessQuerySchema,
    // YAML is read into the same fields as JSON and checked with the same schema.
    body: { required: true, content: { ...json(operationBodySchema), 'application/yaml': z.string() } },
    ok: {
      status: 200,
      description: 'the assessment, or its report as an attachment',
      content: { ...json(assessmentSchema), 'text/html': z.string(), 'text/markdown': z.string() },
    },
    errors: [400, 413, 415, 503],
  },
  cases: {
    method: 'get',
    path: '/api/cases',
    summary: 'The bundled traced cases',
    tag: 'cases',
    ok: { status: 200, description: 'the cases', content: json(caseListSchema) },
    errors: [],
  },
  case: {
    method: 'get',
    path: '/api/cases/{name}',
    summary:
      'A case traced: timeline, arc of leverage and grievance, indicators, ACH matrix and Bayesian posterior',
    tag: 'cases',
    params: caseParamsSchema,
    ok: {
      status: 200,
      description: 'the trace, as `meddle trace CASE --format json`',
      content: json(caseTraceSchema),
    },
    errors: [404],
  },
  simParameters: {
    method: 'get',
    path: '/api/sim/parameters',
    summary: "The model's parameters with their ranges and meanings, the presets, and the API's limits",
    tag: 'simulation',
    ok: { status: 200, description: 'parameters and presets', content: json(parametersSchema) },
    errors: [],
  },
  simRun: {
    method: 'post',
    path: '/api/sim/run',
    summary: `Simulate one scenario (at most ${LIMITS.runs} runs); with Accept: application/x-ndjson, progress lines then a result line; no body runs the default scenario`,
    tag: 'simulation',
    body: { required: false, content: json(simRunBodySchema) },
    ok: {
      status: 200,
      description: 'rates with Wilson intervals, means, NPV quantiles and trajectory bands',
      content: { ...json(simRunResultSchema), 'application/x-ndjson': runEventSchema },
    },
    errors: [400, 413, 415, 503],
  },
  simSweep: {
    method: 'post',
    path: '/api/sim/sweep',
    summary: `Sweep a grid or Latin hypercube (at most ${LIMITS.sweepPoints} points of ${LIMITS.sweepPointRuns} runs, ${LIMITS.sweepRuns} runs in all), streamed as NDJSON: start, one line a point, done`,
    tag: 'simulation',
    body: { required: true, content: json(sweepBodySchema) },
    ok: {
      status: 200,
      description: 'the stream of sweep events',
      content: { 'application/x-ndjson': sweepEventSchema },
    },
    errors: [400, 413, 415, 503],
  },
  simDiscover: {
    method: 'post',
    path: '/api/sim/discover',
    summary: `Scenario discovery: run a sweep (the limits of /api/sim/sweep) and find, by PRIM, the box of its parameters where a condition holds, with the peeling trajectory; with Accept: application/x-ndjson, start and progress lines then a result line`,
    tag: 'simulation',
    body: { required: true, content: json(discoverBodySchema) },
    ok: {
      status: 200,
      description: 'the peeling trajectory, the chosen box and the provenance',
      content: { ...json(discoveryResultSchema), 'application/x-ndjson': discoverEventSchema },
    },
    errors: [400, 413, 415, 503],
  },
  provenance: {
    method: 'get',
    path: '/api/provenance',
    summary: 'Versions of meddle, the record (with its hash) and the model; whether writes are accepted',
    tag: 'meta',
    ok: { status: 200, description: 'provenance', content: json(provenanceSchema) },
    errors: [],
  },
  releases: {
    method: 'get',
    path: '/api/releases',
    summary: 'The releases of the bundled record, newest first, each with its hash: what record= accepts',
    tag: 'meta',
    ok: { status: 200, description: 'the releases', content: json(releaseListSchema) },
    errors: [],
  },
  fields: {
    method: 'get',
    path: '/api/fields',
    summary: 'The fields episodes can be filtered and tabulated by, with their values',
    tag: 'meta',
    ok: { status: 200, description: 'the fields', content: json(fieldsSchema) },
    errors: [],
  },
  states: {
    method: 'get',
    path: '/api/states',
    summary:
      'The Correlates of War state list: codes, abbreviations, names and major-power years; search= narrows it',
    tag: 'meta',
    query: statesQuerySchema,
    ok: { status: 200, description: 'the states', content: json(statesSchema) },
    errors: [400],
  },
  openapi: {
    method: 'get',
    path: '/api/openapi.json',
    summary: 'This document',
    tag: 'meta',
    ok: {
      status: 200,
      description: 'the OpenAPI 3.1 document',
      content: json(z.looseObject({ openapi: z.string() })),
    },
    errors: [],
  },
} satisfies Record<string, Route>;

/** Every route the server has; a test checks that the server registers exactly these. */
export const OPERATIONS: readonly Route[] = Object.values(ROUTES);

/** The path as fastify writes it: `/api/episodes/:id`. */
export const urlOf = (route: Route): string => route.path.replace(/\{(\w+)\}/g, ':$1');
