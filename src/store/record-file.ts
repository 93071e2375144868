/** Reads a record file (CSV or JSON) from disk, and writes one by write-then-rename. */
import { extname } from 'node:path';
import { InputError, type RecordAt } from '../domain/index.js';
import { parseEpisodesCsv } from './csv-format.js';
import { parseEpisodesJson } from './json-format.js';
import { readTextFile } from './text-file.js';

export const RECORD_FORMATS = ['csv', 'json'] as const;
export type RecordFormat = (typeof RECORD_FORMATS)[number];

/** The format a flag names, or the file's extension implies. */
export function recordFormat(file: string, flag?: string): RecordFormat {
  const named = flag ?? extname(file).slice(1).toLowerCase();
  if ((RECORD_FORMATS as readonly string[]).includes(named)) return named as RecordFormat;
  throw new InputError({
    file,
    code: 'unknown-format',
    role: 'format',
    ...(named !== '' ? { value: named } : {}),
    message: flag === undefined ? 'cannot tell the format from the file name' : 'unknown format',
    hint: 'use {format csv} or {format json}',
  });
}

export function parseRecordText(text: string, file: string, format: RecordFormat): RecordAt[] {
  return format === 'csv' ? parseEpisodesCsv(text, file) : parseEpisodesJson(text, file);
}

export function readRecordFile(file: string, flag?: string): RecordAt[] {
  const format = recordFormat(file, flag);
  return parseRecordText(readTextFile(file), file, format);
}
