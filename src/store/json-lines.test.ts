import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonArrayElementLines } from './json-lines.js';

/** Builds a document element by element, noting the line each starts on as it goes. */
function documentWithLines(
  elements: readonly unknown[],
  wrapped: boolean,
): { text: string; lines: number[] } {
  let text = wrapped ? '{\n  "meta": {"a": "[not an array]"},\n  "episodes": [\n' : '[\n';
  const lines: number[] = [];
  elements.forEach((element, i) => {
    lines.push(text.split('\n').length);
    text += JSON.stringify(element, null, 2) + (i < elements.length - 1 ? ',\n' : '\n');
  });
  return { text: `${text}]${wrapped ? '\n}' : ''}\n`, lines };
}

describe('jsonArrayElementLines', () => {
  it('finds the line each element of a top-level array starts on', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue(), { maxLength: 8 }), (elements) => {
        const { text, lines } = documentWithLines(elements, false);
        expect(jsonArrayElementLines(text, 0)).toEqual(lines);
      }),
      { seed: 7, numRuns: 200 },
    );
  });

  it('finds the elements of the array inside an export document, skipping brackets in strings', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue(), { maxLength: 8 }), (elements) => {
        const { text, lines } = documentWithLines(elements, true);
        expect(jsonArrayElementLines(text, 1)).toEqual(lines);
      }),
      { seed: 7, numRuns: 200 },
    );
  });
});
