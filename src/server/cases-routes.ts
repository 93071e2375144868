/** Traced cases over HTTP: the bundled cases by name, each traced once; a name is looked up, never used as a path. */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { bundledCaseIds, CASES_DIR, loadCase } from '../store/case-files.js';
import { loadBundledRecord } from '../store/index.js';
import { type CaseTrace, traceCase } from '../trace/index.js';
import { ApiError } from './api-error.js';
import { parseInput } from './parse-input.js';
import { ROUTES, urlOf } from './route-table.js';

export interface CasesRoutesOptions {
  readonly meddle: string;
}

interface TracedCase {
  readonly trace: CaseTrace;
  /** The response, serialised once: a trace does not change while the server runs. */
  readonly body: string;
}

export async function casesRoutes(app: FastifyInstance, options: CasesRoutesOptions): Promise<void> {
  // The bundled case folders are read once: the only names a request can reach are these.
  const names: readonly string[] = bundledCaseIds();
  const traced = new Map<string, TracedCase>();

  const traceOf = (name: string): TracedCase => {
    const known = traced.get(name);
    if (known !== undefined) return known;
    const recordIds = new Set(loadBundledRecord().episodes.map((e) => e.id));
    // The bundled folder by its full path: a bare name would first be tried against the working directory.
    const loaded = loadCase(join(CASES_DIR, name), { recordIds });
    const hash = createHash('sha256')
      .update(JSON.stringify([loaded.case, loaded.hypotheses ?? null]))
      .digest('hex');
    const trace = traceCase(loaded.case, loaded.hypotheses);
    const provenance = { meddle: options.meddle, files: loaded.files, hash };
    const result: TracedCase = { trace, body: JSON.stringify({ provenance, ...trace }) };
    traced.set(name, result);
    return result;
  };

  app.get(urlOf(ROUTES.cases), async () => ({
    cases: names.map((name) => {
      const { trace } = traceOf(name);
      return {
        id: trace.case.id,
        title: trace.case.title,
        period: trace.case.period,
        events: trace.timeline.length,
        hypotheses: trace.hypotheses?.hypotheses.length ?? 0,
      };
    }),
  }));

  app.get(urlOf(ROUTES.case), async (request, reply) => {
    const { name } = parseInput(ROUTES.case.params, request.params, 'path');
    if (!names.includes(name))
      throw new ApiError(404, 'not-found', `no case ${JSON.stringify(name)}`, {
        issues: [
          {
            file: 'path',
            field: 'name',
            value: name,
            message: 'no such case',
            hint: `cases: ${names.join(', ')}`,
          },
        ],
      });
    return reply.type('application/json; charset=utf-8').send(traceOf(name).body);
  });
}
