/** What the simulation commands share: whole-number options, the worker count, the progress bar and the footer. */
import { SingleBar } from 'cli-progress';
import { InputError } from '../domain/index.js';
import type { ModelConstants } from '../sim/index.js';
import type { CommandContext } from './command-context.js';
import { MEDDLE_VERSION } from './version.js';

/** A whole number from 1 to `max` given to an option, or an InputError naming the option. */
export function positiveInteger(text: string, option: string, max = 10_000): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw new InputError({
      field: option,
      value: text,
      message: 'not a whole number in range',
      hint: `an integer 1..${max}`,
    });
  return n;
}

export const workersOption = (text: string | undefined): number | undefined =>
  text === undefined ? undefined : positiveInteger(text, '--workers', 256);

/** The line that says which model, seed, runs and constants made a result. */
export function footer(provenance: {
  readonly model: string;
  readonly seed: number;
  readonly runs?: number;
  readonly constants: ModelConstants;
}): string {
  const runs = provenance.runs !== undefined ? `, ${provenance.runs} runs` : '';
  const constants = Object.entries(provenance.constants)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  return `meddle ${MEDDLE_VERSION}, model ${provenance.model}, seed ${provenance.seed}${runs}; constants: ${constants}`;
}

/** A progress bar on standard error when it is a terminal; nothing otherwise. */
export function progressFor(
  context: CommandContext,
  label: string,
): { onProgress?: (done: number, total: number) => void; stop: () => void } {
  if (!context.io.interactive) return { stop: () => {} };
  const bar = new SingleBar({
    format: `${label} [{bar}] {value}/{total} {eta_formatted}`,
    stream: process.stderr,
    clearOnComplete: true,
  });
  let started = false;
  return {
    onProgress: (done, total) => {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.update(done);
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}
