/**
 * The partial file of a sweep written to an output file FILE: FILE.partial, one JSON line a finished point, after a
 * first line naming the sweep it belongs to. Lines are appended as points finish, so a killed run loses at most
 * the line it was writing; a resumed run reads the complete lines back and runs only the rest.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { InputError } from '../domain/index.js';
import type { ModelConstants, SweepPointResult, SweepSpec } from '../sim/index.js';

export const partialPathOf = (out: string): string => `${out}.partial`;

/** What identifies a sweep's points: its spec and the constants they run with. */
export function sweepIdentity(spec: SweepSpec, constants: ModelConstants): string {
  return createHash('sha256').update(JSON.stringify({ spec, constants })).digest('hex');
}

export interface SweepPartial {
  /** Points read back from the file (none for a fresh start). */
  readonly done: readonly SweepPointResult[];
  /** Appends one finished point. */
  append(result: SweepPointResult): void;
  /** Removes the partial file once the whole result is written. */
  finish(): void;
}

/**
 * Opens the partial file of `out` for the sweep `identity`. With `resume`, reads the points it holds (a torn
 * last line is dropped); a file for another sweep, or one left by an interrupted run when `resume` is not
 * asked, is the user's to settle and an InputError.
 */
export function openSweepPartial(out: string, identity: string, resume: boolean): SweepPartial {
  const path = partialPathOf(out);
  let done: SweepPointResult[] = [];
  if (existsSync(path)) {
    if (!resume)
      throw new InputError({
        code: 'interrupted-run',
        file: path,
        message: 'an interrupted run of this output left its finished points here',
        hint: 'add {resume} to continue it, or delete the file to start again',
      });
    const [head, ...rest] = readFileSync(path, 'utf8').split('\n');
    let header: unknown;
    try {
      header = JSON.parse(head ?? '');
    } catch {
      header = undefined;
    }
    if ((header as { sweep?: unknown } | undefined)?.sweep !== identity)
      throw new InputError({
        file: path,
        line: 1,
        message: 'these points belong to another sweep (its spec or constants differ)',
        hint: 'delete the file to start again',
      });
    for (const text of rest) {
      if (text.trim() === '') continue;
      try {
        done.push(JSON.parse(text) as SweepPointResult);
      } catch {
        // The line a killed run was writing: that point is run again.
      }
    }
    const seen = new Set<number>();
    done = done.filter((r) => !seen.has(r.index) && seen.add(r.index));
    // Rewrite the file whole so that a torn line never sits before new ones.
    writeFileSync(
      path,
      `${[JSON.stringify({ sweep: identity }), ...done.map((r) => JSON.stringify(r))].join('\n')}\n`,
    );
  } else if (resume) {
    throw new InputError({
      code: 'nothing-to-resume',
      file: path,
      message: 'there is no interrupted run to resume',
      hint: 'run without {resume}',
    });
  } else writeFileSync(path, `${JSON.stringify({ sweep: identity })}\n`);
  return {
    done,
    append: (result) => appendFileSync(path, `${JSON.stringify(result)}\n`),
    finish: () => rmSync(path, { force: true }),
  };
}
