/** The OpenAPI 3.1 document of the API, generated from the same zod schemas the routes validate with. */
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
  errorSchema,
  FILTER_PARAMETERS,
  fieldsSchema,
  importReportSchema,
  LIMITS,
  operationBodySchema,
  parametersSchema,
  provenanceSchema,
  releaseListSchema,
  scenarioBodySchema,
  simRunResultSchema,
  statesQuerySchema,
  statesSchema,
  survivalQuerySchema,
  survivalResultSchema,
  sweepBodySchema,
  sweepEventSchema,
  tableQuerySchema,
  tableResultSchema,
  writeQuerySchema,
} from './api-schemas.js';

type Io = 'input' | 'output';

interface Operation {
  readonly method: 'get' | 'post';
  /** OpenAPI form, `{id}` for a parameter. */
  readonly path: string;
  readonly summary: string;
  readonly tag: string;
  readonly auth?: boolean;
  readonly query?: z.ZodObject;
  readonly params?: z.ZodObject;
  readonly body?: Readonly<Record<string, z.ZodType>>;
  readonly ok: {
    readonly status: number;
    readonly description: string;
    readonly content: Readonly<Record<string, z.ZodType>>;
  };
  readonly errors: readonly number[];
  /** Whether the route answers 304 to a matching If-None-Match. */
  readonly notModified?: boolean;
}

const json = (schema: z.ZodType) => ({ 'application/json': schema });

/** Every route the server has; a test checks that the server registers exactly these. */
export const OPERATIONS: readonly Operation[] = [
  {
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
  {
    method: 'get',
    path: '/api/episodes/{id}',
    summary: 'One episode in full, with its sources',
    tag: 'record',
    params: episodeIdParamsSchema,
    query: episodeGetQuerySchema,
    ok: { status: 200, description: 'the episode', content: json(episodeSchema) },
    errors: [400, 404],
  },
  {
    method: 'post',
    path: '/api/episodes',
    summary: 'Add one episode (or replace it with replace=true); needs the bearer token',
    tag: 'record',
    auth: true,
    query: writeQuerySchema,
    body: json(episodeInputBodySchema),
    ok: { status: 201, description: 'written (200 for a dry run)', content: json(importReportSchema) },
    errors: [400, 401, 403, 413, 415, 422],
  },
  {
    method: 'post',
    path: '/api/import',
    summary: `Import episodes from a JSON or CSV body of at most ${LIMITS.importBody} bytes: all are checked, then all or none are written; needs the bearer token`,
    tag: 'record',
    auth: true,
    query: writeQuerySchema,
    body: { 'application/json': z.array(episodeInputBodySchema), 'text/csv': z.string() },
    ok: { status: 201, description: 'written (200 for a dry run)', content: json(importReportSchema) },
    errors: [400, 401, 403, 413, 415, 422],
  },
  {
    method: 'get',
    path: '/api/table',
    summary:
      'Cross-tabulate two coded fields of the (filtered) record: counts, column shares with intervals, the test of association, as JSON with Markdown and CSV',
    tag: 'tables',
    query: tableQuerySchema.extend(FILTER_PARAMETERS),
    ok: { status: 200, description: 'the table', content: json(tableResultSchema) },
    errors: [400],
  },
  {
    method: 'get',
    path: '/api/survival',
    summary:
      'Years from a proxy taking power to its defection (or the payoff lost), censored at the last year seen aligned: Kaplan–Meier curves by a field, the log-rank test and hazard ratios',
    tag: 'tables',
    query: survivalQuerySchema.extend(FILTER_PARAMETERS),
    ok: { status: 200, description: 'the curves', content: json(survivalResultSchema) },
    errors: [400],
  },
  {
    method: 'post',
    path: '/api/assess',
    summary: `Assess a proposed operation (a scenario as JSON or YAML, at most ${LIMITS.runs} runs): comparables, pooled base rates, simulated outcomes, costs, risks, verdict`,
    tag: 'assessment',
    query: assessQuerySchema,
    body: { 'application/json': operationBodySchema, 'application/yaml': z.string() },
    ok: {
      status: 200,
      description: 'the assessment, or its report as an attachment',
      content: { ...json(assessmentSchema), 'text/html': z.string(), 'text/markdown': z.string() },
    },
    errors: [400, 413, 415, 503],
  },
  {
    method: 'get',
    path: '/api/cases',
    summary: 'The bundled traced cases',
    tag: 'cases',
    ok: { status: 200, description: 'the cases', content: json(caseListSchema) },
    errors: [],
  },
  {
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
  {
    method: 'get',
    path: '/api/sim/parameters',
    summary: "The model's parameters with their ranges and meanings, the presets, and the API's limits",
    tag: 'simulation',
    ok: { status: 200, description: 'parameters and presets', content: json(parametersSchema) },
    errors: [],
  },
  {
    method: 'post',
    path: '/api/sim/run',
    summary: `Simulate one scenario (at most ${LIMITS.runs} runs); with Accept: application/x-ndjson, progress lines then a result line`,
    tag: 'simulation',
    body: json(
      z.strictObject({
        scenario: scenarioBodySchema.partial().optional(),
        trajectories: z.boolean().optional().describe('include yearly bands of the paths (default true)'),
      }),
    ),
    ok: {
      status: 200,
      description: 'rates with Wilson intervals, means, NPV quantiles and trajectory bands',
      content: { ...json(simRunResultSchema), 'application/x-ndjson': sweepEventSchema },
    },
    errors: [400, 413, 415, 503],
  },
  {
    method: 'post',
    path: '/api/sim/sweep',
    summary: `Sweep a grid or Latin hypercube (at most ${LIMITS.sweepPoints} points of ${LIMITS.sweepPointRuns} runs, ${LIMITS.sweepRuns} runs in all), streamed as NDJSON: start, one line a point, done`,
    tag: 'simulation',
    body: json(sweepBodySchema),
    ok: {
      status: 200,
      description: 'the stream of sweep events',
      content: { 'application/x-ndjson': sweepEventSchema },
    },
    errors: [400, 413, 415, 503],
  },
  {
    method: 'post',
    path: '/api/sim/discover',
    summary: `Scenario discovery: run a sweep (the limits of /api/sim/sweep) and find, by PRIM, the box of its parameters where a condition holds, with the peeling trajectory; with Accept: application/x-ndjson, start and progress lines then a result line`,
    tag: 'simulation',
    body: json(discoverBodySchema),
    ok: {
      status: 200,
      description: 'the peeling trajectory, the chosen box and the provenance',
      content: { ...json(discoveryResultSchema), 'application/x-ndjson': discoverEventSchema },
    },
    errors: [400, 413, 415, 503],
  },
  {
    method: 'get',
    path: '/api/provenance',
    summary: 'Versions of meddle, the record (with its hash) and the model; whether writes are accepted',
    tag: 'meta',
    ok: { status: 200, description: 'provenance', content: json(provenanceSchema) },
    errors: [],
  },
  {
    method: 'get',
    path: '/api/releases',
    summary: 'The releases of the bundled record, newest first, each with its hash: what record= accepts',
    tag: 'meta',
    ok: { status: 200, description: 'the releases', content: json(releaseListSchema) },
    errors: [],
  },
  {
    method: 'get',
    path: '/api/fields',
    summary: 'The fields episodes can be filtered and tabulated by, with their values',
    tag: 'meta',
    ok: { status: 200, description: 'the fields', content: json(fieldsSchema) },
    errors: [],
  },
  {
    method: 'get',
    path: '/api/states',
    summary:
      'The Correlates of War state list: codes, abbreviations, names and major-power years; search= narrows it',
    tag: 'meta',
    query: statesQuerySchema,
    ok: { status: 200, description: 'the states', content: json(statesSchema) },
    errors: [],
  },
  {
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
];

const ERROR_DESCRIPTIONS: Readonly<Record<number, string>> = {
  400: 'the request is malformed: bad JSON, an unknown field or filter, a value out of range',
  401: 'no bearer token, or the wrong one',
  403: 'the server is read-only: no token is configured',
  404: 'no such resource',
  413: 'the body is larger than the limit',
  415: 'the body is not of a type this route reads',
  421: 'the Host header is not a name of this server (see --allowed-host)',
  422: 'the records are well formed but invalid, or clash with stored ids; nothing was written',
  503: 'too many simulations are running; retry after the Retry-After header',
};

/** Converts a schema, moving the named schemas it uses into `components` and pointing at them. */
function makeConverter() {
  const components: Record<string, unknown> = {};
  const convert = (schema: z.ZodType, io: Io): unknown => {
    const result = z.toJSONSchema(schema, {
      io,
      target: 'draft-2020-12',
      unrepresentable: 'any',
      reused: 'inline',
      override: ({ jsonSchema }) => {
        delete (jsonSchema as Record<string, unknown>).$schema;
      },
    }) as Record<string, unknown>;
    const {
      $defs,
      $schema: _drop,
      ...rest
    } = result as { $defs?: Record<string, unknown>; $schema?: unknown };
    for (const [id, def] of Object.entries($defs ?? {})) {
      // The same id may be converted for input and for output; the two forms of an episode differ.
      const key =
        io === 'input' &&
        components[id] !== undefined &&
        JSON.stringify(components[id]) !== JSON.stringify(def)
          ? `${id}Input`
          : id;
      components[key] = def;
    }
    return JSON.parse(JSON.stringify(rest).replaceAll('"#/$defs/', '"#/components/schemas/'));
  };
  return { convert, components };
}

function parameters(
  schema: z.ZodObject | undefined,
  where: 'query' | 'path',
  convert: (s: z.ZodType, io: Io) => unknown,
) {
  if (schema === undefined) return [];
  return Object.entries(schema.shape).map(([name, field]) => {
    const converted = convert(field as z.ZodType, 'input') as Record<string, unknown>;
    const { description, ...rest } = converted;
    return {
      name,
      in: where,
      required: where === 'path',
      ...(description !== undefined ? { description } : {}),
      schema: rest,
      ...(where === 'query' && JSON.stringify(rest).includes('"array"')
        ? { style: 'form', explode: true }
        : {}),
    };
  });
}

export function buildOpenApiDocument(version: string): Record<string, unknown> {
  const { convert, components } = makeConverter();
  const errorRef = { $ref: '#/components/schemas/Error' };
  components.Error = convert(errorSchema, 'output');
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) {
    const responses: Record<string, unknown> = {
      [op.ok.status]: {
        description: op.ok.description,
        content: Object.fromEntries(
          Object.entries(op.ok.content).map(([type, schema]) => [
            type,
            { schema: convert(schema, 'output') },
          ]),
        ),
      },
    };
    if (op.notModified === true)
      responses[304] = { description: 'not modified: the If-None-Match header names the current ETag' };
    // Any route refuses a foreign Host header.
    for (const status of [...op.errors, 421, 500])
      responses[status] = {
        description: ERROR_DESCRIPTIONS[status] ?? 'a bug, logged on the server',
        content: { 'application/json': { schema: errorRef } },
      };
    paths[op.path] = {
      ...paths[op.path],
      [op.method]: {
        operationId: `${op.method}${op.path.replace(/^\/api/, '').replace(/[^A-Za-z0-9]+(\w)?/g, (_m, c?: string) => (c ?? '').toUpperCase())}`,
        summary: op.summary,
        tags: [op.tag],
        ...(op.auth === true ? { security: [{ bearer: [] }] } : {}),
        parameters: [...parameters(op.params, 'path', convert), ...parameters(op.query, 'query', convert)],
        ...(op.body !== undefined
          ? {
              requestBody: {
                required: true,
                content: Object.fromEntries(
                  Object.entries(op.body).map(([type, schema]) => [
                    type,
                    { schema: convert(schema, 'input') },
                  ]),
                ),
              },
            }
          : {}),
        responses,
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'meddle',
      version,
      description:
        'Foreign interference in other states’ politics, made computable: the sourced record, traced cases and the ' +
        'principal–agent simulation. Reads are open; writes need `Authorization: Bearer $MEDDLE_TOKEN`, and a ' +
        'server started without a token is read-only. Every error is an Error object naming each issue.',
    },
    servers: [{ url: '/' }],
    tags: [
      { name: 'record', description: 'the episode record' },
      { name: 'tables', description: 'cross-tabulations with honest uncertainty' },
      { name: 'assessment', description: 'proposed operations weighed against the record and the model' },
      { name: 'cases', description: 'traced cases' },
      { name: 'simulation', description: 'the principal–agent model' },
      { name: 'meta', description: 'provenance and reference lists' },
    ],
    paths,
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'the value of MEDDLE_TOKEN' },
      },
      schemas: Object.fromEntries(Object.entries(components).sort(([a], [b]) => a.localeCompare(b))),
    },
  };
}
