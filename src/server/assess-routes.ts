/** Assessment over HTTP: a proposed operation in, the report out as JSON, Markdown or self-contained HTML. */
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Assessment } from '../assess/index.js';
import { parseYamlWithLines } from '../domain/index.js';
import { renderAssessmentReport } from '../render/assessment-report.js';
import { runAssessmentInWorker, type SimPool } from '../sim-runner/index.js';
import { loadStateTable, parseOperationFile } from '../store/index.js';
import { parseInput } from './parse-input.js';
import type { SnapshotCache } from './record-snapshot.js';
import { ROUTES, urlOf } from './route-table.js';
import type { SimulationGate } from './simulation-gate.js';

export interface AssessRoutesOptions {
  readonly record: SnapshotCache;
  readonly gate: SimulationGate;
  readonly pool: SimPool;
}

const TYPES = ['application/json', 'application/yaml', 'text/yaml'];

export async function assessRoutes(app: FastifyInstance, options: AssessRoutesOptions): Promise<void> {
  // The body is read as text, JSON or YAML alike, so that every issue names the line of the body it is on.
  app.removeContentTypeParser(['application/json']);
  app.addContentTypeParser(TYPES, { parseAs: 'string' }, (_request, body, done) => done(null, body));

  app.post(urlOf(ROUTES.assess), async (request, reply) => {
    const { format, record: recordRelease } = parseInput(ROUTES.assess.query, request.query, 'query');
    const text = String(request.body ?? '');
    const states = loadStateTable();
    const operation = parseOperationFile(text, 'body', states);
    // The scenario file's own checks come first, for their lines and hints; the table's schema has the last word
    // and adds the API's bound on runs. YAML is read into the same fields as JSON, so one schema checks both.
    parseInput(
      ROUTES.assess.body.content['application/json'],
      parseYamlWithLines(text, 'body').value,
      'body',
    );
    const snapshot = await options.record.get(recordRelease);
    const release = await options.gate.enter();
    let assessment: Assessment;
    try {
      assessment = await runAssessmentInWorker(options.pool, {
        operation,
        episodes: snapshot.episodes,
        sources: {
          meddle: snapshot.provenance.meddle,
          record: snapshot.provenance.record,
          // The hash identifies the scenario as sent, so that a report can be matched to its input.
          scenario: { file: 'request body', hash: createHash('sha256').update(text).digest('hex') },
          names: {
            interferer: states.byCode(operation.interferer)?.name ?? String(operation.interferer),
            target: states.byCode(operation.target)?.name ?? String(operation.target),
          },
        },
      });
    } finally {
      release();
    }
    if (format === 'json') return assessment;
    const filename = `meddle-assessment-${operation.name}.${format === 'html' ? 'html' : 'md'}`;
    return reply
      .type(format === 'html' ? 'text/html; charset=utf-8' : 'text/markdown; charset=utf-8')
      .header('content-disposition', `attachment; filename="${filename}"`)
      .send(renderAssessmentReport(assessment, format));
  });
}
