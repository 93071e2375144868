/**
 * The one rule for seeds, on every edge and in every file: a whole number from 0 to 2^53 − 1. The generator
 * (src/sim/prng.ts) keys its streams on all 53 bits, so any such seed names a stream of its own.
 */
export const MAX_SEED = Number.MAX_SAFE_INTEGER;

/** Whether a number is a seed. */
export const isSeed = (x: number): boolean => Number.isSafeInteger(x) && x >= 0 && x <= MAX_SEED;

/** What a seed must be, for an issue's hint. */
export const SEED_HINT = `a whole number from 0 to ${MAX_SEED}`;
