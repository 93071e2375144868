/** Runs one `meddle` invocation and turns its outcome into an exit code: 0 ok, 1 failure, 2 bad input. */
import { CommanderError } from 'commander';
import { formatIssueAs, type InputError, isInputError, wordIssue } from '../domain/input-error.js';
import type { CliIo } from './cli-io.js';
import { cliRoles } from './cli-roles.js';
import type { CliPorts } from './command-context.js';
import { buildProgram } from './program.js';
import { ReportedBadInput } from './reported-bad-input.js';

export const EXIT = { ok: 0, failure: 1, badInput: 2 } as const;

/**
 * Bad input, on standard error: a line an issue, or with `--json` the body the API answers with (`error`,
 * `message`, `issues`), each issue keeping its `code` and `role` and naming the role as the CLI's option.
 */
function reportInputError(error: InputError, io: CliIo, json: boolean): void {
  const count = error.issues.length;
  const lines = error.issues.map((issue) => formatIssueAs(issue, cliRoles));
  if (json) {
    const issues = error.issues.map((issue) => wordIssue(issue, cliRoles));
    io.err(`${JSON.stringify({ error: 'bad-request', message: lines.join('\n'), issues })}\n`);
    return;
  }
  for (const line of lines) io.err(`error: ${line}\n`);
  if (count > 1) io.err(`${count} errors; nothing was written\n`);
}

/** `ports` are the other edges a command may drive (the HTTP server for `serve`), wired by the composition root. */
export async function runCli(argv: readonly string[], io: CliIo, ports: CliPorts = {}): Promise<number> {
  const program = await buildProgram(io, argv, ports);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version end the run through this error too, with exit code 0.
      return error.exitCode === 0 ? EXIT.ok : EXIT.badInput;
    }
    if (error instanceof ReportedBadInput) {
      io.err(`${error.message}\n`);
      return EXIT.badInput;
    }
    if (isInputError(error)) {
      reportInputError(error, io, argv.includes('--json'));
      return EXIT.badInput;
    }
    io.err(`meddle: ${error instanceof Error ? error.message : String(error)}\n`);
    if (io.env.MEDDLE_DEBUG !== undefined && error instanceof Error && error.stack !== undefined)
      io.err(`${error.stack}\n`);
    return EXIT.failure;
  }
}
