/** Finds the line on which each element of a JSON array starts, so that errors can name it. */

/**
 * Lines (1-based) of the elements of the first array found at depth `arrayDepth` (0: the document is the
 * array; 1: an array that is a member of the top-level object, such as `{"episodes": [...]}`).
 * Assumes `text` is valid JSON; call it after JSON.parse succeeded.
 */
export function jsonArrayElementLines(text: string, arrayDepth: 0 | 1): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let targetOpen = false;
  let expectElement = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') line++;
    if (inString) {
      if (escaped) escaped = false;
      else if (ch === '\\') escaped = true;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n') continue;
    if (targetOpen && expectElement && depth === arrayDepth + 1 && ch !== ']') {
      lines.push(line);
      expectElement = false;
    }
    if (ch === '"') inString = true;
    else if (ch === '[' || ch === '{') {
      if (ch === '[' && depth === arrayDepth && !targetOpen && lines.length === 0) {
        targetOpen = true;
        expectElement = true;
      }
      depth++;
    } else if (ch === ']' || ch === '}') {
      depth--;
      if (targetOpen && depth === arrayDepth) return lines;
    } else if (ch === ',' && targetOpen && depth === arrayDepth + 1) expectElement = true;
  }
  return lines;
}
