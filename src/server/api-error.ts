/** Errors a route raises on purpose: each knows its HTTP status, a stable code and the issues to show. */
import type { InputIssue } from '../domain/index.js';

/** The codes a client can branch on; the message is for people and may change. */
export type ApiErrorCode =
  | 'bad-request'
  | 'invalid'
  | 'unauthorized'
  | 'read-only'
  | 'not-found'
  | 'method-not-allowed'
  | 'misdirected'
  | 'too-large'
  | 'unsupported-media-type'
  | 'busy';

export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly issues: readonly InputIssue[];
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    status: number,
    code: ApiErrorCode,
    message: string,
    options: { issues?: readonly InputIssue[]; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.issues = options.issues ?? [];
    this.headers = options.headers ?? {};
  }
}

/** The body of every error response. */
export interface ErrorBody {
  readonly error: ApiErrorCode | 'internal';
  readonly message: string;
  readonly issues: readonly InputIssue[];
}
