/** Parses YAML (and so JSON) keeping each node's position, so that every issue in a user's file names its line. */
import { type Document, LineCounter, parseDocument } from 'yaml';
import { InputError } from './input-error.js';

export interface ParsedWithLines {
  readonly value: unknown;
  /** The line of the deepest node on `path` that exists: a missing field is reported where its parent is. */
  readonly lineOf: (path: readonly PropertyKey[]) => number | undefined;
}

/**
 * @param maxAliases YAML anchors may be reused (a case's events cite a bibliography entry); the cap only
 * guards against alias bombs.
 */
export function parseYamlWithLines(text: string, file?: string, maxAliases = 100): ParsedWithLines {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, uniqueKeys: true });
  const place = file !== undefined ? { file } : {};
  const [first] = doc.errors;
  if (first !== undefined)
    throw new InputError({
      ...place,
      ...(first.linePos?.[0] !== undefined ? { line: first.linePos[0].line } : {}),
      // The parser gives up on structures nested thousands deep by overflowing its stack; say what that means.
      ...(/Maximum call stack/.test(first.message)
        ? {
            message: 'not valid YAML: nested too deeply to read',
            hint: 'a scenario, sweep or record file is a few levels deep; check the file is the one meant',
          }
        : { message: `not valid YAML: ${first.message.split('\n')[0] ?? first.code}` }),
    });
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: maxAliases });
  } catch (error) {
    throw new InputError({
      ...place,
      message: `cannot read: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
  const lineOf = (path: readonly PropertyKey[]): number | undefined => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = doc.getIn(path.slice(0, depth) as unknown[], true) as
        | { range?: [number, number, number] }
        | undefined;
      if (node?.range !== undefined) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  return { value, lineOf };
}
