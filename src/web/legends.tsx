/**
 * Legends shown beside what they explain, not hidden in tooltips: the ★ of major-power targets, the article's
 * three levels of outcome (docs/codebook.md) and Heuer's ACH ratings (src/trace/ach-matrix.ts, docs/tracing.md).
 */
import { Fragment } from 'preact';
import { ACH_RATING_BOUNDS, ACH_RATINGS, type AchRating } from '../trace/ach-matrix.js';

/** The ★ marks `targetClass: major-power` in the record's table (record-page.tsx). */
export function StarLegend() {
  return (
    <p class="legend" data-testid="legend-star">
      <strong>★</strong> the target was a major power (on the Correlates of War list of majors) in the
      episode’s first year.
    </p>
  );
}

/** The three levels at which the article judges an operation, as the codebook codes them. */
export function OutcomeLevels() {
  return (
    <dl class="legend levels" aria-label="outcome levels" data-testid="legend-levels">
      <dt>1 proxy</dt>
      <dd>the proxy’s fate: did it win the election or take power (won, partial, lost)?</dd>
      <dt>2 payoff</dt>
      <dd>the payoff to the interferer: did the target align with it and stay aligned through the window?</dd>
      <dt>3 hidden costs</dt>
      <dd>
        defection (the proxy turned on its sponsor), exposure (the interference became public), disputes (a
        militarized dispute between the two states) and grievance (resentment of the sponsor voiced in the
        target).
      </dd>
    </dl>
  );
}

const RATING_MEANING: Readonly<Record<AchRating, string>> = {
  CC: `very consistent: the evidence is expected if the hypothesis is true (P(E | H) ≥ ${ACH_RATING_BOUNDS.CC})`,
  C: `consistent (P(E | H) ≥ ${ACH_RATING_BOUNDS.C})`,
  N: `neutral: it tells nothing either way (P(E | H) > ${ACH_RATING_BOUNDS.N})`,
  I: `inconsistent: 1 point against the hypothesis (P(E | H) > ${ACH_RATING_BOUNDS.I})`,
  II: `very inconsistent: 2 points against (P(E | H) ≤ ${ACH_RATING_BOUNDS.I})`,
};

/** Heuer ranks by what refutes: only I and II count, weighted by the evidence's credibility and relevance. */
export function AchLegend() {
  return (
    <dl class="legend ratings" aria-label="ACH ratings" data-testid="legend-ach">
      {ACH_RATINGS.map((r) => (
        <Fragment key={r}>
          <dt>
            <span class={`rating rating-${r}`}>{r}</span>
          </dt>
          <dd>{RATING_MEANING[r]}</dd>
        </Fragment>
      ))}
    </dl>
  );
}
