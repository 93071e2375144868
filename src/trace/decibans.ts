/** Weights of evidence and odds on Good's deciban scale: 10·log10 of a ratio, so that independent weights add. */

/**
 * A likelihood ratio in decibans. 10 dB is a factor of 10; 3 dB roughly doubles the odds; 1 dB is about the
 * smallest shift a person notices (Good 1950, after Turing).
 *
 * @example decibans(10) // 10
 */
export function decibans(ratio: number): number {
  return 10 * Math.log10(ratio);
}

/** A probability's odds in decibans: 0 dB is even odds. @example oddsDb(0.5) // 0 */
export function oddsDb(probability: number): number {
  return decibans(probability / (1 - probability));
}

/** The probability whose odds are `db` decibans. @example probabilityFromDb(10) // 0.909… */
export function probabilityFromDb(db: number): number {
  return 1 / (1 + 10 ** (-db / 10));
}
