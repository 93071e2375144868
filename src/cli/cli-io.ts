/** Where the CLI writes and what it knows of its surroundings, passed in so that commands run in tests. */

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Whether stderr is a terminal: progress bars only draw on one. */
  readonly interactive: boolean;
}

export function processIo(): CliIo {
  // A reader that stops early (`meddle record list | head`) closes the pipe: stop quietly, as Unix tools do.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    env: process.env,
    interactive: process.stderr.isTTY === true,
  };
}

/** Writes a line: the text and one newline. */
export const line = (write: (text: string) => void, text: string): void =>
  write(text.endsWith('\n') ? text : `${text}\n`);
