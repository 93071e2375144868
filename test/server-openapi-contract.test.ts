/**
 * The OpenAPI document and the routes' validators are one contract: the document's request schemas are the route
 * table's schemas, and for inputs on either side of each bound the route, its schema and the document's JSON
 * Schema give the same verdict. A bound changed in a route but not in the table (or the reverse) fails here.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseYamlWithLines } from '../src/domain/index.js';
import { buildOpenApiDocument, LIMITS, OPERATIONS, type Route } from '../src/server/index.js';
import { useTestServer } from './support/server.js';

const server = useTestServer();

type Json = Record<string, unknown>;

const document = buildOpenApiDocument('0.0.0-test') as {
  paths: Record<string, Record<string, Json>>;
  components: Json;
};

const operationOf = (method: string, path: string) => {
  const operation = document.paths[path]?.[method];
  if (operation === undefined) throw new Error(`${method} ${path} is not in the document`);
  return operation as {
    parameters: { name: string; in: string; required: boolean; schema: Json }[];
    requestBody?: { required: boolean; content: Record<string, { schema: Json }> };
  };
};

const routeOf = (method: string, path: string): Route => {
  const route = OPERATIONS.find((op) => op.method === method && op.path === path);
  if (route === undefined) throw new Error(`${method} ${path} is not in the route table`);
  return route;
};

// Query strings are text: the query's JSON Schema is read as OpenAPI reads it, coercing "5" to 5.
const bodies = new Ajv2020({ strict: false, allErrors: true });
const queries = new Ajv2020({ strict: false, allErrors: true, coerceTypes: 'array' });

/** The document's JSON Schema of a request part, with the document's components for its references. */
function documentSchema(method: string, path: string, part: 'query' | 'path' | 'body'): Json {
  const operation = operationOf(method, path);
  if (part === 'body') {
    const schema = operation.requestBody?.content['application/json']?.schema;
    if (schema === undefined) throw new Error(`${method} ${path} documents no JSON body`);
    return { ...schema, components: document.components };
  }
  const parameters = operation.parameters.filter((p) => p.in === part);
  return {
    type: 'object',
    properties: Object.fromEntries(parameters.map((p) => [p.name, p.schema])),
    required: parameters.filter((p) => p.required).map((p) => p.name),
    components: document.components,
  };
}

function documentAccepts(method: string, path: string, part: 'query' | 'path' | 'body', value: unknown) {
  const check = (part === 'body' ? bodies : queries).compile(documentSchema(method, path, part));
  return check(structuredClone(value)) as boolean;
}

function tableSchema(method: string, path: string, part: 'query' | 'path' | 'body'): z.ZodType {
  const route = routeOf(method, path);
  const schema =
    part === 'query' ? route.query : part === 'path' ? route.params : route.body?.content['application/json'];
  if (schema === undefined) throw new Error(`${method} ${path} has no ${part} schema`);
  return schema;
}

const queryString = (query: Record<string, string | string[]>): string => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    for (const item of Array.isArray(value) ? value : [value]) search.append(key, item);
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
};

interface Sample {
  readonly name: string;
  readonly value: unknown;
  readonly valid: boolean;
  /** Whether to send it too: a refusal costs nothing; an accepted simulation would run, so it is not sent. */
  readonly send?: boolean;
}

interface Case {
  readonly method: 'get' | 'post';
  readonly path: string;
  readonly part: 'query' | 'path' | 'body';
  readonly samples: readonly Sample[];
  /** The concrete URL of a path route. */
  readonly url?: (value: Record<string, string>) => string;
}

const operation = parseYamlWithLines(
  readFileSync(new URL('../examples/assess/small-state-incumbent-election.yaml', import.meta.url), 'utf8'),
).value as Json;
const gridSweep = { runs: LIMITS.sweepPointRuns, grid: { aid: [0.1, 0.2] } };
const hypercubeSweep = {
  runs: 10,
  latinHypercube: { samples: LIMITS.sweepPoints, ranges: { aid: [0, 1] } },
};

const CASES: readonly Case[] = [
  {
    method: 'get',
    path: '/api/episodes',
    part: 'query',
    samples: [
      { name: 'a page of CSV', value: { limit: '1', offset: '0', format: 'csv' }, valid: true, send: true },
      { name: 'a repeated filter', value: { side: ['challenger', 'incumbent'] }, valid: true, send: true },
      { name: 'limit=0', value: { limit: '0' }, valid: false, send: true },
      { name: 'offset=-1', value: { offset: '-1' }, valid: false, send: true },
      { name: 'an unknown format', value: { format: 'xml' }, valid: false, send: true },
    ],
  },
  {
    method: 'get',
    path: '/api/episodes/{id}',
    part: 'path',
    url: ({ id }) => `/api/episodes/${encodeURIComponent(id ?? '')}`,
    samples: [
      { name: 'an id', value: { id: 'usa-ita-1948-election' }, valid: true, send: true },
      { name: 'an id not in the id form', value: { id: 'Not_An_Id' }, valid: false, send: true },
    ],
  },
  {
    method: 'get',
    path: '/api/table',
    part: 'query',
    samples: [
      { name: 'row and by', value: { row: 'proxyOutcome', by: 'side' }, valid: true, send: true },
      {
        name: 'the largest seed',
        value: {
          row: 'proxyOutcome',
          by: 'side',
          seed: String(Number.MAX_SAFE_INTEGER),
          monteCarlo: 'false',
        },
        valid: true,
        send: true,
      },
      { name: 'no row', value: { by: 'side' }, valid: false, send: true },
      { name: 'no by', value: { row: 'proxyOutcome' }, valid: false, send: true },
      {
        name: 'a seed past the largest',
        value: { row: 'proxyOutcome', by: 'side', seed: '9007199254740992' },
        valid: false,
        send: true,
      },
      {
        name: 'a negative seed',
        value: { row: 'proxyOutcome', by: 'side', seed: '-1' },
        valid: false,
        send: true,
      },
      {
        name: 'an unknown interval',
        value: { row: 'proxyOutcome', by: 'side', method: 'nope' },
        valid: false,
        send: true,
      },
    ],
  },
  {
    method: 'get',
    path: '/api/survival',
    part: 'query',
    samples: [
      { name: 'the defaults', value: {}, valid: true, send: true },
      { name: 'by a field', value: { by: 'targetClass', event: 'payoff-lost' }, valid: true, send: true },
      { name: 'an unknown event', value: { event: 'coup' }, valid: false, send: true },
      { name: 'an unknown scale', value: { scale: 'cubic' }, valid: false, send: true },
    ],
  },
  {
    method: 'get',
    path: '/api/states',
    part: 'query',
    samples: [
      { name: 'a search of 200 characters', value: { search: 'a'.repeat(200) }, valid: true, send: true },
      { name: 'a search of 201 characters', value: { search: 'a'.repeat(201) }, valid: false, send: true },
    ],
  },
  {
    method: 'post',
    path: '/api/episodes',
    part: 'query',
    // A read-only server refuses every write before reading its query: the schema and the document only.
    samples: [
      { name: 'a dry run', value: { dryRun: 'true', replace: 'false' }, valid: true },
      { name: 'dryRun=maybe', value: { dryRun: 'maybe' }, valid: false },
    ],
  },
  {
    method: 'post',
    path: '/api/assess',
    part: 'query',
    samples: [
      { name: 'Markdown', value: { format: 'md' }, valid: true },
      { name: 'an unknown format', value: { format: 'pdf' }, valid: false, send: true },
    ],
  },
  {
    method: 'post',
    path: '/api/assess',
    part: 'body',
    samples: [
      { name: 'an example operation', value: operation, valid: true },
      { name: `${LIMITS.runs} runs`, value: { ...operation, runs: LIMITS.runs }, valid: true },
      {
        name: `${LIMITS.runs + 1} runs`,
        value: { ...operation, runs: LIMITS.runs + 1 },
        valid: false,
        send: true,
      },
      { name: 'too few runs', value: { ...operation, runs: 99 }, valid: false, send: true },
      { name: 'an unknown field', value: { ...operation, rnus: 100 }, valid: false, send: true },
    ],
  },
  {
    method: 'post',
    path: '/api/sim/run',
    part: 'body',
    samples: [
      { name: 'no fields: the defaults', value: {}, valid: true },
      {
        name: `a preset with ${LIMITS.runs} runs`,
        value: { scenario: { preset: 'soviet-ccp', runs: LIMITS.runs }, trajectories: false },
        valid: true,
      },
      {
        name: `${LIMITS.runs + 1} runs`,
        value: { scenario: { runs: LIMITS.runs + 1 } },
        valid: false,
        send: true,
      },
      { name: 'no runs', value: { scenario: { runs: 0 } }, valid: false, send: true },
      { name: 'targetPower past 1', value: { scenario: { targetPower: 1.01 } }, valid: false, send: true },
      { name: 'an unknown parameter', value: { scenario: { capabilty: 0.2 } }, valid: false, send: true },
      { name: 'an unknown preset', value: { scenario: { preset: 'soviet' } }, valid: false, send: true },
      { name: 'an unknown body field', value: { scenario: {}, runs: 5 }, valid: false, send: true },
      { name: 'trajectories as text', value: { trajectories: 'yes' }, valid: false, send: true },
    ],
  },
  {
    method: 'post',
    path: '/api/sim/sweep',
    part: 'body',
    samples: [
      { name: `a grid of ${LIMITS.sweepPointRuns} runs a point`, value: gridSweep, valid: true },
      { name: `a hypercube of ${LIMITS.sweepPoints} points`, value: hypercubeSweep, valid: true },
      {
        name: `${LIMITS.sweepPointRuns + 1} runs a point`,
        value: { ...gridSweep, runs: LIMITS.sweepPointRuns + 1 },
        valid: false,
        send: true,
      },
      {
        name: `a hypercube of ${LIMITS.sweepPoints + 1} points`,
        value: {
          ...hypercubeSweep,
          latinHypercube: { ...hypercubeSweep.latinHypercube, samples: LIMITS.sweepPoints + 1 },
        },
        valid: false,
        send: true,
      },
      {
        name: `an axis of ${LIMITS.sweepPoints + 1} steps`,
        value: { runs: 10, grid: { aid: { from: 0, to: 1, steps: LIMITS.sweepPoints + 1 } } },
        valid: false,
        send: true,
      },
      { name: 'neither grid nor hypercube', value: { runs: 10 }, valid: false, send: true },
      {
        name: 'both grid and hypercube',
        value: { ...gridSweep, latinHypercube: hypercubeSweep.latinHypercube },
        valid: false,
        send: true,
      },
    ],
  },
  {
    method: 'post',
    path: '/api/sim/discover',
    part: 'body',
    samples: [
      {
        name: 'a sweep and a condition',
        value: { sweep: hypercubeSweep, where: 'means.npv > 0' },
        valid: true,
      },
      {
        name: `a sweep of ${LIMITS.sweepPoints + 1} points`,
        value: {
          sweep: {
            ...hypercubeSweep,
            latinHypercube: { ...hypercubeSweep.latinHypercube, samples: LIMITS.sweepPoints + 1 },
          },
          where: 'means.npv > 0',
        },
        valid: false,
        send: true,
      },
      { name: 'no condition', value: { sweep: hypercubeSweep }, valid: false, send: true },
      { name: 'an empty condition', value: { sweep: hypercubeSweep, where: '' }, valid: false, send: true },
      {
        name: 'alpha at 0.5',
        value: { sweep: hypercubeSweep, where: 'means.npv > 0', alpha: 0.5 },
        valid: false,
        send: true,
      },
    ],
  },
];

async function send(test: Case, value: unknown): Promise<number> {
  if (test.part === 'body')
    return (await server.app.inject({ method: 'POST', url: test.path, payload: value as Json })).statusCode;
  const url =
    test.part === 'path'
      ? (test.url?.(value as Record<string, string>) ?? test.path)
      : `${test.path}${queryString(value as Record<string, string | string[]>)}`;
  return (await server.app.inject({ method: test.method === 'get' ? 'GET' : 'POST', url })).statusCode;
}

describe('the OpenAPI document is the route table', () => {
  const convert = (schema: z.ZodType) =>
    z.toJSONSchema(schema, {
      io: 'input',
      target: 'draft-2020-12',
      unrepresentable: 'any',
      reused: 'inline',
    });

  it.each(OPERATIONS.map((route) => [`${route.method.toUpperCase()} ${route.path}`, route] as const))(
    "%s: the document's parameters and body are the route's schemas, required exactly when needed",
    (_name, route) => {
      const documented = operationOf(route.method, route.path);
      for (const [where, schema] of [
        ['path', route.params],
        ['query', route.query],
      ] as const) {
        const parameters = documented.parameters.filter((p) => p.in === where);
        const shape = schema?.shape ?? {};
        expect(parameters.map((p) => p.name).sort(), `${where} parameters`).toEqual(
          Object.keys(shape).sort(),
        );
        for (const parameter of parameters) {
          const field = shape[parameter.name] as z.ZodType;
          // Required in the document exactly when the route refuses a request without it.
          expect(parameter.required, parameter.name).toBe(
            where === 'path' || !field.safeParse(undefined).success,
          );
          const { description: _d, ...expected } = convert(field) as Json;
          delete expected.$schema;
          expect(parameter.schema, parameter.name).toEqual(expected);
          // An optional parameter with a default says what it is.
          const fallback = field.safeParse(undefined);
          if (fallback.success && fallback.data !== undefined)
            expect(parameter.schema.default, parameter.name).toEqual(fallback.data);
        }
      }
      expect(documented.requestBody?.required).toBe(route.body?.required);
      expect(Object.keys(documented.requestBody?.content ?? {})).toEqual(
        Object.keys(route.body?.content ?? {}),
      );
    },
  );

  it(`states the runs bound of POST /api/sim/run as LIMITS.runs (${LIMITS.runs}), and the sweep's as LIMITS`, () => {
    const run = documentSchema('post', '/api/sim/run', 'body') as {
      properties: { scenario: { properties: { runs: { maximum: number } } } };
    };
    expect(run.properties.scenario.properties.runs.maximum).toBe(LIMITS.runs);
    const { $ref } = documentSchema('post', '/api/assess', 'body') as { $ref: string };
    const assess = document.components.schemas as Record<
      string,
      { properties: { runs: { maximum: number } } }
    >;
    expect(assess[$ref.replace('#/components/schemas/', '')]?.properties.runs.maximum).toBe(LIMITS.runs);
    // A grid's point count is a product, which no schema states: the description does, from the same constant.
    const sweep = JSON.stringify(documentSchema('post', '/api/sim/sweep', 'body'));
    expect(sweep).toContain(`at most ${LIMITS.sweepPoints} (the product of the axes' lengths)`);
    expect(sweep).toContain(`"maximum":${LIMITS.sweepPointRuns}`);
    expect(sweep).toContain(`at most ${LIMITS.sweepRuns} over all points`);
  });
});

describe('the route, its schema and the document give one verdict', () => {
  for (const test of CASES)
    describe(`${test.method.toUpperCase()} ${test.path} (${test.part})`, () => {
      it.each(test.samples.map((sample) => [sample.name, sample] as const))('%s', async (_name, sample) => {
        const schema = tableSchema(test.method, test.path, test.part);
        expect(schema.safeParse(sample.value).success, 'the route table').toBe(sample.valid);
        expect(documentAccepts(test.method, test.path, test.part, sample.value), 'the document').toBe(
          sample.valid,
        );
        if (sample.send === true) {
          const status = await send(test, sample.value);
          if (sample.valid) expect(status, 'the route').not.toBe(400);
          else expect(status, 'the route').toBe(400);
        }
      });
    });
});
