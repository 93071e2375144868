/** Reading a user's file as text, and writing one atomically: the file I/O every command shares. */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { InputError } from '../domain/index.js';

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EISDIR: 'a folder, not a file',
};

/** The file's text; a file that cannot be read is the user's to fix, so an InputError naming it. */
export function readTextFile(path: string, shown: string = path, hint = 'check the path'): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new InputError({
      file: shown,
      message: `cannot read the file: ${REASONS[code] ?? code ?? String(error)}`,
      hint,
    });
  }
}

/** Writes beside the target and renames over it: a reader never sees half a file. */
export function writeFileAtomic(file: string, text: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}
