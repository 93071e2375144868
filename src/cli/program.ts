/** The `meddle` command tree: global options and every command group. */
import { Command } from 'commander';
import type { CliIo } from './cli-io.js';
import { type CliPorts, createCommandContext } from './command-context.js';
import { COMMAND_GROUPS, commandWord, groupOf } from './command-groups.js';
import { MEDDLE_VERSION } from './version.js';

/** The program with its global options and no command yet. */
function bareProgram(io: CliIo): Command {
  return new Command('meddle')
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
}

/**
 * The program for one run: every global option, and the commands of the group `argv` asks for. With no command
 * (the top-level help, `--version`) or an unknown one, each command is listed by name and description only, so
 * that the help and commander's suggestions still name them all.
 */
export async function buildProgram(
  io: CliIo,
  argv: readonly string[] = [],
  ports: CliPorts = {},
): Promise<Command> {
  const program = bareProgram(io);
  const group = groupOf(commandWord(argv));
  if (group !== undefined) (await group.load())(program, createCommandContext(io, ports));
  else
    for (const { commands } of COMMAND_GROUPS)
      for (const [name, description] of Object.entries(commands))
        program.command(name).description(description);
  return program;
}

/** The whole program, every group loaded: for tests and tools that inspect the command tree. */
export async function buildFullProgram(io: CliIo, ports: CliPorts = {}): Promise<Command> {
  const program = bareProgram(io);
  const context = createCommandContext(io, ports);
  for (const group of COMMAND_GROUPS) (await group.load())(program, context);
  return program;
}
