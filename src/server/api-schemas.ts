/** The zod schemas of the API's inputs and outputs: routes validate with them and the OpenAPI document is built from them. */
import { z } from 'zod';
import {
  EPISODE_ID_PATTERN,
  episodeInputSchema,
  INPUT_ROLES,
  MAX_SEED,
  MEANS,
  OPERATION_LIMITS,
  operationSchema,
  RATIONALES,
  TARGET_CLASSES,
} from '../domain/index.js';
import { NUMERIC_PARAMETERS, PRESET_NAMES, scenarioSchema, sweepSpecSchema } from '../sim/index.js';
import {
  EXCLUSION_RULES,
  PROPORTION_METHODS,
  SURVIVAL_EVENTS,
  SURVIVAL_INTERVAL_SCALES,
} from '../stats/index.js';
import { FILTER_FIELDS } from '../store/index.js';
import { listViewSchema } from './list-view.js';

/** Bounds that keep one request from holding the process: a run answers in a couple of seconds at most. */
export const LIMITS = {
  /** Monte Carlo runs of one `POST /api/sim/run`. */
  runs: 20_000,
  /** Points of one sweep. */
  sweepPoints: 200,
  /** Runs of one sweep, over all its points. */
  sweepRuns: 200_000,
  /** Runs of one point: each point is computed whole between two lines of the stream. */
  sweepPointRuns: 5_000,
  /** Simulations computed at once; more wait for none and get 503. */
  concurrentSimulations: 2,
  /** Bytes of a JSON body (one episode, a scenario, a sweep). */
  jsonBody: 256 * 1024,
  /** Bytes of an import body: the whole bundled record as JSON is about 400 KB. */
  importBody: 4 * 1024 * 1024,
} as const;

export const issueSchema = z
  .object({
    code: z.string().optional().describe('a stable name for the kind of problem, to branch on'),
    role: z
      .enum(INPUT_ROLES)
      .optional()
      .describe('the part of the request the issue is about, when not a field of the data'),
    file: z.string().optional(),
    line: z.int().optional(),
    field: z.string().optional(),
    value: z.string().optional(),
    message: z.string(),
    hint: z.string().optional(),
  })
  .meta({
    id: 'Issue',
    description: 'One problem with the request, saying where it is and what would be accepted.',
  });

export const errorSchema = z
  .object({
    error: z.enum([
      'bad-request',
      'invalid',
      'unauthorized',
      'read-only',
      'not-found',
      'method-not-allowed',
      'misdirected',
      'too-large',
      'unsupported-media-type',
      'busy',
      'internal',
    ]),
    message: z.string(),
    issues: z.array(issueSchema),
  })
  .meta({
    id: 'Error',
    description: 'Every error response: a stable code, a message, and the issues found.',
  });

export const recordProvenanceSchema = z
  .object({
    version: z.string().describe('the release of the record (data/record/VERSION), or custom'),
    hash: z.string().describe('sha256 of the canonical JSON of the episodes'),
    episodes: z.int(),
  })
  .meta({ id: 'RecordProvenance' });

export const provenanceSchema = z
  .object({
    meddle: z.string().describe('the version of meddle that answered'),
    record: recordProvenanceSchema,
    model: z.string().describe('the version of the simulation model'),
    writable: z.boolean().describe('whether the server accepts writes (a token is configured)'),
  })
  .meta({ id: 'Provenance' });

/** An episode as the record holds it: the coded fields and the class derived from the state list. */
export const episodeSchema = z
  .object({
    ...episodeInputSchema.shape,
    // The list fields are sorted by a transform, which JSON Schema cannot state; their output is a plain list.
    partners: z.array(z.int()),
    means: z.array(z.enum(MEANS)),
    rationale: z.array(z.enum(RATIONALES)),
    targetClass: z.enum(TARGET_CLASSES),
  })
  .meta({ id: 'Episode' });

export const episodeInputBodySchema = episodeInputSchema.meta({
  id: 'EpisodeInput',
  description: 'An episode as docs/codebook.md codes it; targetClass is derived, never sent.',
});

export const episodeListSchema = z.object({
  provenance: provenanceSchema,
  where: z.array(z.string()).describe('the conditions applied, as FIELD=VALUE'),
  count: z.int().describe('the episodes in this page'),
  total: z.int().describe('the episodes that match, before limit= and offset= cut the page'),
  offset: z.int(),
  limit: z.int().nullable().describe('null when no limit= was given'),
  episodes: z
    .array(episodeSchema)
    .describe('each with only the fields= asked for, when they are; in the store order'),
});

/** A query parameter that may be given once or repeated (`?where=a&where=b`). */
const repeatable = z.union([z.string(), z.array(z.string())]);

/**
 * FIELD=VALUE conditions given as keys, on every route that filters episodes: `?kind=electoral` is
 * `?where=kind=electoral`. Repeatable, as conditionsOf reads them; the field's values are checked by
 * splitFilterQuery (the record's codes), which a schema of the query cannot state.
 */
export const FILTER_PARAMETERS = Object.fromEntries(
  Object.keys(FILTER_FIELDS).map((field) => [
    field,
    repeatable
      .optional()
      .describe(
        `keep episodes whose ${field} is this (a list field: contains it); repeatable, all must hold`,
      ),
  ]),
) as { readonly [F in keyof typeof FILTER_FIELDS]: z.ZodOptional<typeof repeatable> };

/** A route's own query parameters with the FIELD=VALUE filters beside them: the whole query it accepts. */
export const withFilters = <S extends z.ZodRawShape, C extends z.core.$ZodObjectConfig>(
  own: z.ZodObject<S, C>,
) => own.extend(FILTER_PARAMETERS);

/** `where` and `format` have meanings of their own; every other key is a FIELD=VALUE condition. */
/** `record=`: a release of the bundled record, read instead of the served one (GET /api/releases lists them). */
const recordRelease = z
  .string()
  .optional()
  .describe('a release of the bundled record to read instead of the served one, e.g. 2026.11.0');

/** GET /api/releases. */
export const releaseListSchema = z.strictObject({
  releases: z.array(z.strictObject({ version: z.string(), hash: z.string(), episodes: z.int() })),
});

/** One episode, from the served record or a release. */
export const episodeGetQuerySchema = z.strictObject({ record: recordRelease });

/** GET /api/episodes: every key that is not one of the list's own is a filter, and an unknown one is refused. */
export const episodeQuerySchema = withFilters(
  z.strictObject({
    record: recordRelease,
    where: repeatable.optional().describe('FIELD=VALUE, repeatable, as `meddle record list --where`'),
    format: z.enum(['json', 'csv']).default('json').describe('json, or csv, the export form'),
    ...listViewSchema.shape,
  }),
);

export const episodeIdParamsSchema = z.object({
  id: z
    .string()
    .max(200)
    .regex(EPISODE_ID_PATTERN, 'an id is lower-case words joined by hyphens, e.g. usa-ita-1948-election')
    .describe('the episode id, e.g. usa-ita-1948-election'),
});

export const writeQuerySchema = z.object({
  replace: z.enum(['true', 'false']).optional().describe('overwrite stored episodes with the same id'),
  dryRun: z.enum(['true', 'false']).optional().describe('check everything, write nothing'),
});

export const importReportSchema = z.object({
  dryRun: z.boolean(),
  inserted: z.array(z.string()),
  replaced: z.array(z.string()),
  provenance: provenanceSchema,
});

export const fieldsSchema = z.object({
  fields: z.array(
    z.object({
      name: z.string(),
      type: z.enum(['code', 'codes', 'integer', 'integers', 'boolean', 'text']),
      values: z.array(z.string()).optional(),
    }),
  ),
  exclusions: z
    .array(z.object({ rule: z.string(), description: z.string() }))
    .describe('the rules a table may leave episodes out by'),
});

/** GET /api/states: other keys are ignored, as before the search existed. */
export const statesQuerySchema = z.object({
  search: z
    .string()
    .max(200)
    .optional()
    .describe(
      'keep states whose name or abbreviation contains this, whatever the case, or whose COW number it is',
    ),
});

export const statesSchema = z.object({
  states: z.array(
    z.object({
      cow: z.int(),
      abbr: z.string(),
      name: z.string(),
      major: z.array(z.tuple([z.int(), z.int().nullable()])),
    }),
  ),
});

export const caseListSchema = z.object({
  cases: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      period: z.object({ from: z.int(), to: z.int() }),
      events: z.int(),
      hypotheses: z.int(),
    }),
  ),
});

export const caseParamsSchema = z.object({ name: z.string().describe('a bundled case id, e.g. soviet-ccp') });

/** The trace is large and its shape is the trace module's; the document names its parts, not every field. */
export const caseTraceSchema = z.looseObject({
  provenance: z.object({
    meddle: z.string(),
    files: z.object({ case: z.string(), hypotheses: z.string().optional() }),
    hash: z.string(),
  }),
  case: z.looseObject({ id: z.string(), title: z.string() }),
  timeline: z.array(z.looseObject({})),
  arc: z.array(z.looseObject({})),
  indicators: z.looseObject({}),
  hypotheses: z.looseObject({}).optional(),
});

/**
 * A scenario as the API takes it: the library's fields and ranges, but runs at most LIMITS.runs. Every field may
 * be left out; it is then the preset's value, else the default shown. The route merges the preset with the
 * library's resolveScenario, so this schema checks the fields and fills in nothing the route reads.
 */
export const scenarioBodySchema = z
  .strictObject({
    ...scenarioSchema.shape,
    runs: z
      .int()
      .min(1)
      .max(LIMITS.runs, 'too many runs')
      .default(NUMERIC_PARAMETERS.runs.default)
      .describe(`Monte Carlo runs, at most ${LIMITS.runs} over HTTP`),
    preset: z
      .enum(PRESET_NAMES as [string, ...string[]])
      .optional()
      .describe('start from this preset; the fields given override its values'),
  })
  .partial()
  .describe(
    "a scenario (see GET /api/sim/parameters); a field left out is the preset's value, else its default",
  );

export const simRunBodySchema = z.strictObject({
  scenario: scenarioBodySchema.default({}),
  trajectories: z.boolean().default(true).describe('include the yearly mean and 10–90 % band of each path'),
});

export const simRunResultSchema = z.looseObject({
  scenario: z.looseObject({}),
  provenance: z.looseObject({ model: z.string(), seed: z.int(), runs: z.int() }),
  summary: z.looseObject({ mode: z.enum(['struggle', 'election']), runs: z.int() }),
});

const { grid: _grid, latinHypercube: _hypercube, ...sweepShape } = sweepSpecSchema.shape;

/** What a grid sweep and a hypercube sweep share, with the API's bound on the runs of a point. */
const sweepCommon = {
  ...sweepShape,
  base: sweepShape.base.describe(
    'the scenario every point starts from, as POST /api/sim/run takes it (fields, or preset with overrides)',
  ),
  runs: z
    .int()
    .min(1)
    .max(LIMITS.sweepPointRuns)
    .optional()
    .describe(
      `runs of each point, at most ${LIMITS.sweepPointRuns}, and at most ${LIMITS.sweepRuns} over all points; ` +
        `left out, the base scenario's runs, which must then be at most ${LIMITS.sweepPointRuns} ` +
        `(the model's default, ${NUMERIC_PARAMETERS.runs.default}, is too many)`,
    ),
};

/** One axis of a grid: listed values, or steps from one value to another; no axis can exceed the point limit. */
const gridAxisSchema = z.union([
  z
    .array(z.union([z.number(), z.string()]))
    .min(1)
    .max(LIMITS.sweepPoints),
  z.strictObject({ from: z.number(), to: z.number(), steps: z.int().min(2).max(LIMITS.sweepPoints) }),
]);

/**
 * A sweep as the API takes it: the library's spec, either a grid or a Latin hypercube (never both), within the
 * API's limits. The grid's point count is the product of its axes and the total runs a sum over the points:
 * no schema states those, so the descriptions do and the route counts them.
 */
export const sweepBodySchema = z
  .union([
    z.strictObject({
      ...sweepCommon,
      grid: z
        .record(z.string(), gridAxisSchema)
        .describe(
          `the values of each parameter swept; the points are every combination, at most ${LIMITS.sweepPoints} (the product of the axes' lengths)`,
        ),
    }),
    z.strictObject({
      ...sweepCommon,
      latinHypercube: z.strictObject({
        samples: z.int().min(1).max(LIMITS.sweepPoints).describe('the points drawn'),
        ranges: z.record(z.string(), z.tuple([z.number(), z.number()])),
      }),
    }),
  ])
  .describe(
    `a grid or a Latin hypercube, not both: at most ${LIMITS.sweepPoints} points of at most ${LIMITS.sweepPointRuns} runs, ${LIMITS.sweepRuns} runs in all`,
  );

/** POST /api/sim/run with Accept: application/x-ndjson: a line each block of runs, then the result. */
export const runEventSchema = z
  .union([
    z.object({ type: z.literal('progress'), done: z.int(), total: z.int() }),
    z.object({ type: z.literal('result'), result: simRunResultSchema }),
    z.object({ type: z.literal('error'), error: errorSchema }),
  ])
  .describe('one line of the NDJSON stream');

export const sweepEventSchema = z
  .union([
    z.object({ type: z.literal('start'), points: z.int(), runs: z.int() }),
    z.object({
      type: z.literal('point'),
      done: z.int(),
      total: z.int(),
      point: z.looseObject({
        index: z.int(),
        values: z.record(z.string(), z.union([z.number(), z.string()])),
      }),
    }),
    z.object({ type: z.literal('done'), provenance: z.looseObject({ model: z.string(), seed: z.int() }) }),
    z.object({ type: z.literal('error'), error: errorSchema }),
  ])
  .describe('one line of the NDJSON stream');

export const discoverBodySchema = z.strictObject({
  sweep: sweepBodySchema.describe(
    `the sweep whose points are searched, as POST /api/sim/sweep takes it (at most ${LIMITS.sweepPoints} points), run first`,
  ),
  where: z
    .string()
    .min(1)
    .max(1000)
    .describe('the condition on each point, e.g. "means.npv > 0 and rates.alignedAtHorizon >= 0.5"'),
  alpha: z.number().gt(0).lt(0.5).default(0.05).describe("share of the box's points peeled a step"),
  minMass: z.number().gt(0).lt(1).default(0.05).describe('the smallest box, as a share of the points'),
  minCoverage: z
    .number()
    .min(0)
    .max(1)
    .default(0.5)
    .describe('the chosen box covers at least this share of the points meeting the condition'),
});

export const discoveryResultSchema = z.looseObject({
  discovery: z.looseObject({
    condition: z.string(),
    parameters: z.array(z.string()),
    points: z.int(),
    meeting: z.int(),
    chosen: z.int(),
    trajectory: z.array(z.looseObject({ mass: z.number(), density: z.number(), coverage: z.number() })),
  }),
  provenance: z.looseObject({ model: z.string(), seed: z.int() }),
});

export const discoverEventSchema = z
  .union([
    z.object({ type: z.literal('start'), points: z.int(), runs: z.int() }),
    z.object({ type: z.literal('progress'), done: z.int(), total: z.int() }),
    z.object({ type: z.literal('result'), result: discoveryResultSchema }),
    z.object({ type: z.literal('error'), error: errorSchema }),
  ])
  .describe('one line of the NDJSON stream');

export const parametersSchema = z.object({
  parameters: z.array(
    z.object({
      name: z.string(),
      symbol: z.string(),
      min: z.number(),
      max: z.number().nullable().describe('null when unbounded'),
      integer: z.boolean(),
      default: z.number(),
      meaning: z.string(),
    }),
  ),
  presets: z.array(z.object({ name: z.string(), description: z.string(), scenario: z.looseObject({}) })),
  limits: z.object({ runs: z.int(), sweepPoints: z.int(), sweepRuns: z.int(), sweepPointRuns: z.int() }),
});

export const tableQuerySchema = z.strictObject({
  record: recordRelease,
  row: z.string().describe('the field down the side, e.g. proxyOutcome'),
  by: z.string().describe('the field across the top, e.g. side'),
  where: repeatable.optional().describe('FIELD=VALUE, repeatable, as for GET /api/episodes'),
  exclude: repeatable
    .optional()
    .describe(`leave out episodes by a named rule, repeatable: ${Object.keys(EXCLUSION_RULES).join(', ')}`),
  method: z.enum(PROPORTION_METHODS).default('wilson').describe('the interval of the shares'),
  pool: z.enum(['true', 'false']).optional().describe('add partially pooled shares beside the raw ones'),
  includeUnknown: z
    .enum(['true', 'false'])
    .optional()
    .describe('true: test the rows and columns coded unknown too (by default they are shown, not tested)'),
  monteCarlo: z
    .enum(['true', 'false'])
    .optional()
    .describe("false: leave out Fisher's Monte Carlo test on tables beyond 2×2, for a quicker first answer"),
  seed: z.coerce
    .number()
    .int()
    .min(0)
    .max(MAX_SEED)
    .default(1)
    .describe("seed of Fisher's Monte Carlo test on tables larger than 2×2"),
});

/** The table's numbers are the stats module's; the document names the parts. */
export const tableResultSchema = z.object({
  provenance: provenanceSchema,
  seed: z.int(),
  where: z.array(z.string()),
  result: z.looseObject({
    row: z.string(),
    column: z.string(),
    table: z.looseObject({ rowLevels: z.array(z.string()), columnLevels: z.array(z.string()) }),
    association: z.looseObject({}),
    episodes: z.int(),
  }),
  markdown: z.string(),
  csv: z.string(),
});

export const survivalQuerySchema = z.strictObject({
  record: recordRelease,
  event: z
    .enum(SURVIVAL_EVENTS)
    .default('defection')
    .describe('what ends a proxy’s time aligned: its defection, or the loss of the payoff'),
  by: z.string().optional().describe('one curve per value of this field, e.g. targetClass'),
  where: repeatable.optional().describe('FIELD=VALUE, repeatable, as for GET /api/episodes'),
  scale: z.enum(SURVIVAL_INTERVAL_SCALES).default('log-log').describe('the scale of the pointwise intervals'),
});

/** The curves are the stats module's (undefined bounds are null); the document names the parts. */
export const survivalResultSchema = z.object({
  provenance: provenanceSchema,
  where: z.array(z.string()),
  result: z.looseObject({
    event: z.enum(SURVIVAL_EVENTS),
    groups: z.array(
      z.looseObject({ label: z.string(), curve: z.looseObject({ n: z.int(), events: z.int() }) }),
    ),
    excluded: z.array(z.looseObject({ reason: z.string(), episodes: z.array(z.string()) })),
  }),
});

export const assessQuerySchema = z.strictObject({
  record: recordRelease,
  format: z
    .enum(['json', 'html', 'md'])
    .default('json')
    .describe('json (default), or the report as self-contained HTML or Markdown, as an attachment'),
});

/** The assessment's shape is the assess module's; the document names its parts. */
export const assessmentSchema = z.looseObject({
  operation: z.looseObject({ name: z.string(), title: z.string() }),
  verdict: z.looseObject({ verdict: z.string(), reasons: z.array(z.looseObject({})) }),
  odds: z.looseObject({}),
  comparables: z.looseObject({ list: z.array(z.looseObject({ id: z.string() })) }),
  baseRates: z.looseObject({}),
  ledger: z.array(z.looseObject({})),
  risks: z.array(z.looseObject({})),
  assumptions: z.array(z.looseObject({})),
  provenance: z.looseObject({ meddle: z.string(), model: z.string(), seed: z.int(), runs: z.int() }),
});

/** A proposed operation as the API takes it: the scenario file's fields, runs at most LIMITS.runs. */
export const operationBodySchema = operationSchema
  .extend({
    runs: z
      .int()
      .min(OPERATION_LIMITS.runs.min)
      .max(LIMITS.runs, 'too many runs')
      .default(OPERATION_LIMITS.runs.default)
      .describe(`Monte Carlo runs, at most ${LIMITS.runs} over HTTP`),
  })
  .meta({
    id: 'Operation',
    description:
      'A proposed operation, as a scenario file holds it (docs/assessment.md); states by code, abbreviation or name.',
  });
