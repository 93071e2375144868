/** Errors a user can cause: data, not exceptions of unknown shape, each saying where and how to fix it. */

/**
 * What an issue is about when it is not a field of the data but a part of the request: the database, a filter,
 * an output format. Each edge names a role its own way (`--db` on the CLI, `where=` in a query string), so the
 * code that finds the problem never words it for one of them.
 */
export const INPUT_ROLES = [
  'db',
  'where',
  'by',
  'format',
  'record',
  'queue',
  'force',
  'replace',
  'resume',
  'out',
  'seed',
] as const;
export type InputRole = (typeof INPUT_ROLES)[number];

export interface InputIssue {
  /** A stable name for the kind of problem, for programs to branch on; the message is for people and may change. */
  readonly code?: string;
  /** The part of the request the issue is about, when it is not a field of the data. */
  readonly role?: InputRole;
  /** The file (or `-` for standard input, or a request body) the problem is in. */
  readonly file?: string;
  /** The 1-based line in that file where the offending record starts. */
  readonly line?: number;
  /** The field, as the codebook names it (`means`, `sources[0].url`). */
  readonly field?: string;
  /** The offending value, as given. */
  readonly value?: string;
  readonly message: string;
  /**
   * What would be accepted. A role in braces (`{force}`, or `{where kind=electoral}` with an example value) is
   * worded by the edge that shows the issue.
   */
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

/** How an edge names a role, with an example value or without: `--where kind=electoral`, `where=kind=electoral`. */
export type RoleWording = (role: string, example?: string) => string;

/** The wording of an error's own message, shown where no edge has worded it: the role's bare name. */
export const plainRoles: RoleWording = (role, example) =>
  example === undefined ? role : `${role}=${example}`;

/** `{force}` or `{where kind=electoral}` in a hint: only the roles' own names, so other braces stay as written. */
const ROLE_MARK = new RegExp(`\\{(${INPUT_ROLES.join('|')})(?: ([^{}]+))?\\}`, 'g');

/** The issue as an edge shows it: its role named in `field`, and the roles its hint mentions worded alike. */
export function wordIssue(issue: InputIssue, word: RoleWording): InputIssue {
  const hint = issue.hint?.replace(ROLE_MARK, (_mark, role: string, example?: string) => word(role, example));
  return {
    ...issue,
    ...(issue.role !== undefined && issue.field === undefined ? { field: word(issue.role) } : {}),
    ...(hint !== undefined ? { hint } : {}),
  };
}

/** `file:line: field: message (got "value"; hint)`, leaving out the parts an issue lacks; roles by bare name. */
export function formatIssue(issue: InputIssue): string {
  return formatIssueAs(issue, plainRoles);
}

/** An issue's line as an edge shows it, its roles named by `word`. */
export function formatIssueAs(raw: InputIssue, word: RoleWording): string {
  const issue = wordIssue(raw, word);
  const place = [issue.file, issue.line].filter((p) => p !== undefined).join(':');
  const head = [place, issue.field].filter((p) => p !== undefined && p !== '').join(': ');
  const detail = [
    issue.value !== undefined ? `got ${JSON.stringify(issue.value)}` : undefined,
    issue.hint,
  ].filter((p) => p !== undefined);
  const tail = detail.length > 0 ? ` (${detail.join('; ')})` : '';
  return `${head === '' ? '' : `${head}: `}${issue.message}${tail}`;
}
