/** The model's free constants: the ones calibration fits to the empirical base rates, with their shipped values. */

export interface ModelConstants {
  /** Mean vote share of an incumbent proxy before the intervention (election mode). */
  readonly electionMeanIncumbent: number;
  /** Mean vote share of a challenger proxy before the intervention (election mode). */
  readonly electionMeanChallenger: number;
  /** Rival strength of the weakest target: `R = rivalBase + rivalSlope · P`. */
  readonly rivalBase: number;
  /** How much each unit of target power adds to the rival's strength. */
  readonly rivalSlope: number;
  /** Yearly share of the gap to the equilibrium that the power balance closes: `λ = inertiaBase · (1 − inertiaSlope · P)`. */
  readonly inertiaBase: number;
  /** How much a major power's institutions slow the power balance down. */
  readonly inertiaSlope: number;
}

/** The version of the model's equations; it changes whenever an equation (not a constant) changes. */
export const MODEL_VERSION = '2.0.0';

/** The reference values of model.md, before calibration. */
export const REFERENCE_CONSTANTS: ModelConstants = {
  electionMeanIncumbent: 0.53,
  electionMeanChallenger: 0.46,
  rivalBase: 0.5,
  rivalSlope: 1.1,
  inertiaBase: 0.3,
  inertiaSlope: 0.7,
};

/**
 * The shipped constants: the output of `calibrate()` at its defaults (20 000 runs a target, seed 1, from the
 * reference values), as `meddle sim calibrate` prints it; a test checks that the search still ends here.
 */
export const DEFAULT_CONSTANTS: ModelConstants = {
  electionMeanIncumbent: 0.52875,
  electionMeanChallenger: 0.45875,
  rivalBase: 0.28125,
  rivalSlope: 1.7125,
  inertiaBase: 0.3,
  inertiaSlope: 0.7,
};
