/** The `meddle` command tree: global options and every command group. */
import { Command } from 'commander';
import { registerAgreementCommand } from './agreement-command.js';
import { registerAssessCommand } from './assess-command.js';
import { registerCiteCommand } from './cite-command.js';
import type { CliIo } from './cli-io.js';
import { createCommandContext } from './command-context.js';
import { registerDbCommands } from './db-command.js';
import { registerModelCommands } from './model-command.js';
import { registerPublishedCommands } from './published-command.js';
import { registerRecordCommands } from './record-command.js';
import { registerServeCommand } from './serve-command.js';
import { registerSimCommands } from './sim-command.js';
import { registerStatesCommand } from './states-command.js';
import { registerSurvivalCommand } from './survival-command.js';
import { registerTableCommands } from './table-command.js';
import { registerTraceCommand } from './trace-command.js';
import { MEDDLE_VERSION } from './version.js';

/** Each command group adds its commands to the program; a new group is one line here. */
const COMMAND_GROUPS = [
  registerRecordCommands,
  registerDbCommands,
  registerCiteCommand,
  registerStatesCommand,
  registerTraceCommand,
  registerTableCommands,
  registerPublishedCommands,
  registerModelCommands,
  registerSurvivalCommand,
  registerAgreementCommand,
  registerServeCommand,
  registerSimCommands,
  registerAssessCommand,
];

export function buildProgram(io: CliIo): Command {
  const program = new Command('meddle')
    .description(
      'foreign interference in other states’ politics: the sourced record, statistics, simulation, assessment and case tracing',
    )
    .version(MEDDLE_VERSION, '-V, --version')
    .option('--db <path|url>', 'SQLite file or postgres:// URL (default: $MEDDLE_DB or ./meddle.db)')
    .option(
      '--record <version>',
      'read a release of the bundled record instead of a database, e.g. 2026.11.0 (see meddle record releases)',
    )
    .showSuggestionAfterError(true)
    .showHelpAfterError('(add --help for usage)')
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .exitOverride();
  const context = createCommandContext(io);
  for (const register of COMMAND_GROUPS) register(program, context);
  return program;
}
