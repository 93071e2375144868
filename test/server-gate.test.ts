/** The cap on simulations at once: beyond it a request waits its turn briefly, then is told to retry. */
import { describe, expect, it } from 'vitest';
import { ApiError } from '../src/server/api-error.js';
import { createSimulationGate } from '../src/server/simulation-gate.js';

describe('the simulation gate', () => {
  it('lets a request beyond the cap wait for a slot, and hands slots on in arrival order', async () => {
    const gate = createSimulationGate(1, { waitMs: 1000 });
    const first = await gate.enter();
    const order: string[] = [];
    const second = gate.enter().then((release) => {
      order.push('second');
      return release;
    });
    const third = gate.enter().then((release) => {
      order.push('third');
      return release;
    });
    first();
    (await second)();
    (await third)();
    expect(order).toEqual(['second', 'third']);
    // Every slot given back: the next request enters at once.
    (await gate.enter())();
  });

  it('answers 503 with Retry-After when no slot frees within the wait, and at once when too many wait', async () => {
    const gate = createSimulationGate(1, { waitMs: 30, maxWaiting: 1 });
    const held = await gate.enter();
    const waited = gate.enter();
    const crowded = await gate.enter().catch((e: unknown) => e);
    expect(crowded).toBeInstanceOf(ApiError);
    expect((crowded as ApiError).status).toBe(503);
    const late = await waited.catch((e: unknown) => e);
    expect(late).toBeInstanceOf(ApiError);
    expect((late as ApiError).headers).toMatchObject({ 'retry-after': '1' });
    held();
    // A request that gave up does not hold a slot.
    (await gate.enter())();
  });
});
