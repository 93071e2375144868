/** `meddle trace CASE`: a case's timeline, its arc of leverage and grievance, the ACH matrix and the posterior. */
import { createHash } from 'node:crypto';
import { type Command, Option } from 'commander';
import { renderTraceReport } from '../render/trace-report.js';
import { loadCase } from '../store/case-files.js';
import { loadBundledRecord } from '../store/index.js';
import { traceCase } from '../trace/index.js';
import { line } from './cli-io.js';
import { type CommandContext, json } from './command-context.js';
import { commandDescription } from './command-groups.js';
import { MEDDLE_VERSION } from './version.js';

interface TraceOptions {
  readonly hypotheses?: string;
  readonly format: 'text' | 'md' | 'json';
  readonly arcWidth: string;
}

export function registerTraceCommand(program: Command, context: CommandContext): void {
  program
    .command('trace')
    .description(commandDescription('trace'))
    .argument('<case>', 'a bundled case id (soviet-ccp) or a folder holding case.yaml')
    .option('--hypotheses <file>', "hypotheses to weigh instead of the case folder's hypotheses.yaml")
    .addOption(
      new Option('--format <format>', 'output format').choices(['text', 'md', 'json']).default('text'),
    )
    .option('--arc-width <years>', 'years per span of the leverage and grievance arc', '5')
    .action((spec: string, options: TraceOptions) => {
      const recordIds = new Set(loadBundledRecord().episodes.map((e) => e.id));
      const loaded = loadCase(spec, {
        recordIds,
        ...(options.hypotheses !== undefined ? { hypotheses: options.hypotheses } : {}),
      });
      const arcWidth = Number(options.arcWidth);
      const trace = traceCase(loaded.case, loaded.hypotheses, {
        arcWidth: Number.isInteger(arcWidth) && arcWidth > 0 ? arcWidth : 5,
      });
      // The hash identifies the case and hypotheses as read, so that a report can be matched to its inputs.
      const hash = createHash('sha256')
        .update(JSON.stringify([loaded.case, loaded.hypotheses ?? null]))
        .digest('hex');
      const provenance = { meddle: MEDDLE_VERSION, files: loaded.files, hash };
      if (options.format === 'json') return context.io.out(json({ provenance, ...trace }));
      line(context.io.out, renderTraceReport(trace, options.format));
      line(
        context.io.out,
        `${options.format === 'md' ? '\n_' : ''}meddle ${MEDDLE_VERSION}, ${[loaded.files.case, loaded.files.hypotheses].filter((f) => f !== undefined).join(' + ')}, sha256 ${hash.slice(0, 12)}${options.format === 'md' ? '_' : ''}`,
      );
    });
}
