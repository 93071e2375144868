/**
 * Caps the simulations computed at once. A request beyond the cap waits its turn for a short while (a few seconds,
 * in arrival order) and is then told to retry with a 503, rather than queued unseen for as long as the work takes.
 */
import { ApiError } from './api-error.js';

export interface SimulationGate {
  /** Waits for a slot, or throws a 503 when none frees within the wait; the returned function gives it back. */
  enter(): Promise<() => void>;
}

export interface GateOptions {
  /** How long a request may wait for a slot before it is refused. */
  readonly waitMs?: number;
  /** How many may wait at once; the rest are refused at once. */
  readonly maxWaiting?: number;
}

export function createSimulationGate(capacity: number, options: GateOptions = {}): SimulationGate {
  const waitMs = options.waitMs ?? 3000;
  const maxWaiting = options.maxWaiting ?? capacity * 4;
  let busy = 0;
  const waiting: { admit: () => void }[] = [];

  const busyError = () =>
    new ApiError(503, 'busy', `${capacity} simulations are running; try again in a moment`, {
      headers: { 'retry-after': '1' },
    });

  const slot = (): (() => void) => {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = waiting.shift();
      // The slot passes straight to the next in line, so a later arrival cannot overtake it.
      if (next !== undefined) next.admit();
      else busy--;
    };
  };

  return {
    async enter() {
      if (busy < capacity) {
        busy++;
        return slot();
      }
      if (waiting.length >= maxWaiting) throw busyError();
      return new Promise<() => void>((resolve, reject) => {
        const entry = {
          admit: () => {
            clearTimeout(timer);
            resolve(slot());
          },
        };
        const timer = setTimeout(() => {
          const at = waiting.indexOf(entry);
          if (at >= 0) waiting.splice(at, 1);
          reject(busyError());
        }, waitMs);
        waiting.push(entry);
      });
    },
  };
}
