/** The offending value at an issue's path, found and shown as a user would type it. */

/** The value at `path` inside `root`, or undefined where the path leads nowhere. */
export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

/** The longest value an issue quotes; beyond it the quote is cut, so that a message stays a line. */
const SHOWN_MAX = 200;

/**
 * Text as given, numbers (NaN and infinities too) as written, anything else as JSON, cut at 200 characters. A
 * value nested too deeply to serialise (an input built to exhaust the stack) is described, not shown: quoting the
 * bad input must not be what fails.
 */
export function show(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  let text: string;
  try {
    text = JSON.stringify(value);
  } catch (error) {
    if (error instanceof RangeError) return '(a value nested too deeply to show)';
    throw error;
  }
  return text.length > SHOWN_MAX ? `${text.slice(0, SHOWN_MAX)}…` : text;
}
