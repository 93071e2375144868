/** The OpenAPI 3.1 document of the API, generated from the route table whose schemas the routes validate with. */
import { z } from 'zod';
import { errorSchema } from './api-schemas.js';
import { OPERATIONS } from './route-table.js';

type Io = 'input' | 'output';

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

/**
 * The parameters of a path or query schema, converted as one object so that `required` is the schema's own: a
 * parameter is required exactly when the route refuses a request without it; an optional one carries its default.
 */
function parameters(
  schema: z.ZodObject | undefined,
  where: 'query' | 'path',
  convert: (s: z.ZodType, io: Io) => unknown,
) {
  if (schema === undefined) return [];
  const object = convert(schema, 'input') as {
    properties?: Record<string, Record<string, unknown>>;
    required?: string[];
  };
  const required = new Set(object.required ?? []);
  return Object.entries(object.properties ?? {}).map(([name, converted]) => {
    const { description, ...rest } = converted;
    return {
      name,
      in: where,
      required: where === 'path' || required.has(name),
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
                required: op.body.required,
                content: Object.fromEntries(
                  Object.entries(op.body.content).map(([type, schema]) => [
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
