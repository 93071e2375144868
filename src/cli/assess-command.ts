/** `meddle assess SCENARIO`: the assessment of a proposed operation as Markdown, self-contained HTML or JSON. */
import { createHash } from 'node:crypto';
import { renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { type Command, Option } from 'commander';
import { InputError } from '../domain/index.js';
import { renderAssessmentReport } from '../render/assessment-report.js';
import { loadStateTable, readOperationFile } from '../store/index.js';
import { line } from './cli-io.js';
import { type CommandContext, json } from './command-context.js';
import { commandDescription } from './command-groups.js';
import { provenanceOf } from './record-labels.js';
import { MEDDLE_VERSION } from './version.js';

interface AssessOptions {
  readonly format: 'md' | 'html' | 'json';
  readonly out?: string;
}

/** Writes beside the target and renames, so that a failed write never leaves half a report in its place. */
function writeReport(path: string, text: string): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, path);
  } catch (error) {
    throw new InputError({
      file: path,
      field: '--out',
      message: `cannot write: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
      hint: 'give a path in a folder that exists and can be written',
    });
  }
}

export function registerAssessCommand(program: Command, context: CommandContext): void {
  program
    .command('assess')
    .description(commandDescription('assess'))
    .argument('<scenario>', 'a YAML or JSON scenario file (see docs/assessment.md and examples/assess/)')
    .addOption(new Option('--format <format>', 'output format').choices(['md', 'html', 'json']).default('md'))
    .option('--out <file>', 'write the report to this file instead of standard output')
    .action(async (file: string, options: AssessOptions, command: Command) => {
      const states = loadStateTable();
      const { operation, text } = readOperationFile(file, states);
      // The store the command is given (--db or --record), as POST /api/assess reads the store it serves.
      const assessment = await context.withStore(command, async (store) => {
        const episodes = await store.listEpisodes();
        const { record } = await provenanceOf(store, episodes);
        // The simulations run on a worker thread, as the server's do.
        const { runAssessmentOnPool } = await import('../sim-runner/index.js');
        return runAssessmentOnPool({
          operation,
          episodes,
          sources: {
            meddle: MEDDLE_VERSION,
            record,
            // The hash identifies the scenario as read, so that a report can be matched to its input.
            scenario: { file, hash: createHash('sha256').update(text).digest('hex') },
            names: {
              interferer: states.byCode(operation.interferer)?.name ?? String(operation.interferer),
              target: states.byCode(operation.target)?.name ?? String(operation.target),
            },
          },
        });
      });
      const report =
        options.format === 'json' ? json(assessment) : renderAssessmentReport(assessment, options.format);
      if (options.out === undefined) return line(context.io.out, report);
      writeReport(options.out, report);
      line(context.io.err, `wrote ${options.out}: ${assessment.verdict.verdict}`);
    });
}
