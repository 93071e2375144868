/** The web app's client of the JSON API: typed fetches, the API's errors as values, and NDJSON streams. */

/** An issue as the API reports it (src/domain/input-error.ts). */
export interface Issue {
  readonly file?: string;
  readonly line?: number;
  readonly field?: string;
  readonly value?: string;
  readonly message: string;
  readonly hint?: string;
}

/** A failed request, carrying the API's message and issues for the page to show. */
export class ApiFailure extends Error {
  readonly status: number;
  readonly issues: readonly Issue[];
  constructor(status: number, message: string, issues: readonly Issue[] = []) {
    super(message);
    this.name = 'ApiFailure';
    this.status = status;
    this.issues = issues;
  }
}

async function failure(response: Response): Promise<ApiFailure> {
  try {
    const body = (await response.json()) as { message?: string; issues?: Issue[] };
    return new ApiFailure(response.status, body.message ?? response.statusText, body.issues ?? []);
  } catch {
    return new ApiFailure(response.status, response.statusText);
  }
}

export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(url, {
    headers: { accept: 'application/json' },
    ...(signal ? { signal } : {}),
  });
  if (!response.ok) throw await failure(response);
  return (await response.json()) as T;
}

export async function postJson<T>(url: string, body: unknown, signal?: AbortSignal): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
    ...(signal ? { signal } : {}),
  });
  if (!response.ok) throw await failure(response);
  return (await response.json()) as T;
}

/** Posts and reads the answer line by line, handing each parsed event to `onEvent` as it arrives. */
export async function postNdjson<E>(
  url: string,
  body: unknown,
  onEvent: (event: E) => void,
  signal?: AbortSignal,
): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/x-ndjson' },
    body: JSON.stringify(body),
    ...(signal ? { signal } : {}),
  });
  if (!response.ok) throw await failure(response);
  if (response.body === null) throw new ApiFailure(response.status, 'empty response');
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (value !== undefined) buffered += value;
    let newline = buffered.indexOf('\n');
    while (newline >= 0) {
      const line = buffered.slice(0, newline).trim();
      buffered = buffered.slice(newline + 1);
      if (line !== '') {
        const event = JSON.parse(line) as E & { type?: string; error?: { message: string; issues: Issue[] } };
        if (event.type === 'error' && event.error !== undefined)
          throw new ApiFailure(500, event.error.message, event.error.issues);
        onEvent(event);
      }
      newline = buffered.indexOf('\n');
    }
    if (done) return;
  }
}

/** A query string from pairs, repeating a key for each of its values. */
export function queryString(pairs: readonly (readonly [string, string])[]): string {
  const params = new URLSearchParams();
  for (const [key, value] of pairs) params.append(key, value);
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}
