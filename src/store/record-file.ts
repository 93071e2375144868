/** Reads a record file (CSV or JSON) from disk, and writes one by write-then-rename. */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { InputError, type RecordAt } from '../domain/index.js';
import { parseEpisodesCsv } from './csv-format.js';
import { parseEpisodesJson } from './json-format.js';

export const RECORD_FORMATS = ['csv', 'json'] as const;
export type RecordFormat = (typeof RECORD_FORMATS)[number];

/** The format a flag names, or the file's extension implies. */
export function recordFormat(file: string, flag?: string): RecordFormat {
  const named = flag ?? extname(file).slice(1).toLowerCase();
  if ((RECORD_FORMATS as readonly string[]).includes(named)) return named as RecordFormat;
  throw new InputError({
    file,
    field: '--format',
    ...(named !== '' ? { value: named } : {}),
    message: flag === undefined ? 'cannot tell the format from the file name' : 'unknown format',
    hint: 'use --format csv or --format json',
  });
}

export function parseRecordText(text: string, file: string, format: RecordFormat): RecordAt[] {
  return format === 'csv' ? parseEpisodesCsv(text, file) : parseEpisodesJson(text, file);
}

export function readRecordFile(file: string, flag?: string): RecordAt[] {
  const format = recordFormat(file, flag);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError({
      file,
      message: code === 'ENOENT' ? 'no such file' : `cannot read the file (${code ?? String(error)})`,
      hint: 'check the path',
    });
  }
  return parseRecordText(text, file, format);
}

/** Writes beside the target and renames over it: a reader never sees half a file. */
export function writeFileAtomic(file: string, text: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}
