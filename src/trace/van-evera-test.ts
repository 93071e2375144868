/** Van Evera's four process-tracing tests, read off a piece of evidence's two likelihoods, P(E | H) and P(E | ¬H). */
import type { CaseHypotheses } from '../domain/index.js';
import type { Beliefs } from './case-priors.js';
import { decibans } from './decibans.js';

export const VAN_EVERA_TESTS = ['doubly-decisive', 'smoking-gun', 'hoop', 'straw-in-the-wind'] as const;
export type VanEveraTest = (typeof VAN_EVERA_TESTS)[number];

/**
 * A test is decisive in a direction when its outcome shifts the odds by a factor of 10 (10 dB) or more.
 * With it, the textbook hoop test P(E|H) = 0.95, P(E|¬H) = 0.5 (failing it divides the odds by 10) and the
 * textbook smoking gun P(E|H) = 0.5, P(E|¬H) = 0.05 (passing multiplies them by 10) sit exactly on the line.
 */
export const DECISIVE_DB = 10;

/** Floating-point slack, so that a ratio of exactly 10 counts as decisive. */
const SLACK = 1e-9;

export interface VanEveraReading {
  readonly test: VanEveraTest;
  /**
   * Whether the evidence found is what H predicts. H predicts E when P(E|H) ≥ P(E|¬H), otherwise its absence:
   * evidence H makes less likely than its rivals do is a failed test of H.
   */
  readonly passed: boolean;
  /** The shift in H's odds, in decibans, had the prediction come true (≥ 0): uniqueness (Bennett). */
  readonly passDb: number;
  /** The shift had it failed (≤ 0): certainty. */
  readonly failDb: number;
}

/**
 * Classifies by the two ratios Bennett (2015) uses: passing is decisive (smoking gun) when
 * P(O|H)/P(O|¬H) ≥ 10, failing is decisive (hoop) when P(¬O|H)/P(¬O|¬H) ≤ 1/10, where O is the outcome H predicts;
 * both make a doubly-decisive test, neither a straw in the wind.
 *
 * @example vanEveraTest(0.95, 0.5) // { test: 'hoop', passed: true, passDb: 2.79, failDb: -10 }
 */
export function vanEveraTest(
  given: number,
  otherwise: number,
  decisiveDb: number = DECISIVE_DB,
): VanEveraReading {
  const passed = given >= otherwise;
  const [pH, pNotH] = passed ? [given, otherwise] : [1 - given, 1 - otherwise];
  const passDb = decibans(pH / pNotH);
  const failDb = decibans((1 - pH) / (1 - pNotH));
  const smokingGun = passDb >= decisiveDb - SLACK;
  const hoop = failDb <= -decisiveDb + SLACK;
  const test: VanEveraTest =
    smokingGun && hoop ? 'doubly-decisive' : smokingGun ? 'smoking-gun' : hoop ? 'hoop' : 'straw-in-the-wind';
  return { test, passed, passDb, failDb };
}

export interface VanEveraCell extends VanEveraReading {
  readonly evidence: string;
  readonly hypothesis: string;
  readonly likelihood: number;
  /** P(E | ¬H): the rivals' likelihoods averaged with their priors, so that the test is fixed before updating. */
  readonly likelihoodOtherwise: number;
}

/** Every piece of evidence as a test of every hypothesis. */
export function vanEveraTests(h: CaseHypotheses, priors: Beliefs): VanEveraCell[] {
  const ids = h.hypotheses.map((x) => x.id);
  return h.evidence.flatMap((e) =>
    ids.map((id) => {
      const likelihood = e.likelihoods[id] ?? Number.NaN;
      let mass = 0;
      let weighted = 0;
      for (const other of ids) {
        if (other === id) continue;
        mass += priors[other] ?? 0;
        weighted += (priors[other] ?? 0) * (e.likelihoods[other] ?? 0);
      }
      const likelihoodOtherwise = weighted / mass;
      return {
        evidence: e.id,
        hypothesis: id,
        likelihood,
        likelihoodOtherwise,
        ...vanEveraTest(likelihood, likelihoodOtherwise),
      };
    }),
  );
}
