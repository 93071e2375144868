/** The JSON form of a record: an array of episodes, or an export document `{ "episodes": [...] }`. */
import { type Episode, InputError, type RecordAt } from '../domain/index.js';
import { jsonArrayElementLines } from './json-lines.js';
import type { RecordProvenance } from './record-provenance.js';

/** The line and column of a character offset, for JSON syntax errors. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Parses JSON text into records with the line each starts on; a syntax error is an InputError. */
export function parseEpisodesJson(text: string, file: string): RecordAt[] {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    throw new InputError({
      file,
      ...(position?.[1] !== undefined ? { line: lineAt(text, Number(position[1])) } : {}),
      message: `not valid JSON: ${message}`,
      hint: 'a record file is a JSON array of episodes, or an object with an "episodes" array',
    });
  }
  const isExport = document !== null && typeof document === 'object' && !Array.isArray(document);
  const list = isExport ? (document as { episodes?: unknown }).episodes : document;
  if (!Array.isArray(list)) {
    throw new InputError({
      file,
      line: 1,
      field: isExport ? 'episodes' : '(document)',
      message: 'expected an array of episodes',
      hint: 'a record file is a JSON array of episodes, or an object with an "episodes" array',
    });
  }
  const lines = jsonArrayElementLines(text, isExport ? 1 : 0);
  return list.map((value, i) => ({ value, file, ...(lines[i] !== undefined ? { line: lines[i] } : {}) }));
}

/** The export document: provenance first, then the episodes, one per line for readable diffs. */
export function formatEpisodesJson(episodes: readonly Episode[], provenance: RecordProvenance): string {
  const body = episodes.map((e) => `  ${JSON.stringify(e)}`).join(',\n');
  return `{\n"provenance": ${JSON.stringify(provenance)},\n"episodes": [\n${body}\n]}\n`;
}
