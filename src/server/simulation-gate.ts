/** Caps the simulations computed at once: a request beyond the cap is told to retry rather than queued unseen. */
import { ApiError } from './api-error.js';

export interface SimulationGate {
  /** Takes a slot or throws a 503; the returned function gives the slot back. */
  enter(): () => void;
}

export function createSimulationGate(capacity: number): SimulationGate {
  let busy = 0;
  return {
    enter() {
      if (busy >= capacity)
        throw new ApiError(503, 'busy', `${capacity} simulations are running; try again in a moment`, {
          headers: { 'retry-after': '1' },
        });
      busy++;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        busy--;
      };
    },
  };
}
