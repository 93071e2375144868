/** The randomness the statistics accept: any seeded generator adapts to it, so results replay from a seed. */

/**
 * Returns a uniform draw in [0, 1) each call. Pass one built from the simulation's generator,
 * e.g. `const rng = prngForStream(seed, 0); const random = () => nextUniform(rng);` (src/sim/prng.ts);
 * never `Math.random`, whose draws cannot be replayed.
 */
export type RandomSource = () => number;
