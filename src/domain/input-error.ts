/** Errors a user can cause: data, not exceptions of unknown shape, each saying where and how to fix it. */

export interface InputIssue {
  /** The file (or `-` for standard input, or a request body) the problem is in. */
  readonly file?: string;
  /** The 1-based line in that file where the offending record starts. */
  readonly line?: number;
  /** The field, as the codebook names it (`means`, `sources[0].url`). */
  readonly field?: string;
  /** The offending value, as given. */
  readonly value?: string;
  readonly message: string;
  /** What would be accepted. */
  readonly hint?: string;
}

/** An error the user can fix: the CLI exits 2 on it, the server answers 4xx. */
export class InputError extends Error {
  readonly issues: readonly InputIssue[];

  constructor(issues: readonly InputIssue[] | InputIssue) {
    const list = Array.isArray(issues) ? issues : [issues as InputIssue];
    super(list.map(formatIssue).join('\n'));
    this.name = 'InputError';
    this.issues = list;
  }
}

export function isInputError(error: unknown): error is InputError {
  return error instanceof InputError;
}

/** `file:line: field: message (got "value"; hint)`, leaving out the parts an issue lacks. */
export function formatIssue(issue: InputIssue): string {
  const place = [issue.file, issue.line].filter((p) => p !== undefined).join(':');
  const head = [place, issue.field].filter((p) => p !== undefined && p !== '').join(': ');
  const detail = [
    issue.value !== undefined ? `got ${JSON.stringify(issue.value)}` : undefined,
    issue.hint,
  ].filter((p) => p !== undefined);
  const tail = detail.length > 0 ? ` (${detail.join('; ')})` : '';
  return `${head === '' ? '' : `${head}: `}${issue.message}${tail}`;
}
