import { describe, expect, it } from 'vitest';
import { loadBundledRecord } from '../store/bundled-data.js';
import { episodeDesign, parseFormula } from './episode-design.js';

const { episodes } = loadBundledRecord();

describe('parseFormula and episodeDesign', () => {
  it('takes the first level in codebook order as the reference unless the formula names one', () => {
    const plain = episodeDesign(episodes, parseFormula('proxyOutcome ~ kind'));
    expect(plain.references).toEqual({ kind: 'electoral' });
    expect(plain.data.predictorNames).not.toContain('kind:electoral');
    const chosen = episodeDesign(episodes, parseFormula('proxyOutcome ~ kind=government-support'));
    expect(chosen.references).toEqual({ kind: 'government-support' });
    expect(chosen.data.predictorNames).toContain('kind:electoral');
    expect(chosen.data.predictorNames).not.toContain('kind:government-support');
    // The same rows either way: only the coding of the dummies changes.
    expect(chosen.data.rows.length).toBe(plain.data.rows.length);
  });

  it('refuses a reference that is not a value of the field, or one no episode in the model has', () => {
    expect(() => parseFormula('proxyOutcome ~ side=bogus')).toThrow(/not a value of side/);
    expect(() => parseFormula('proxyOutcome ~ means=cyber')).toThrow(/only a categorical predictor/);
    const none = episodes.filter((e) => e.kind === 'electoral');
    expect(() => episodeDesign(none, parseFormula('proxyOutcome ~ kind=covert-regime-change'))).toThrow(
      /no episode in the model has kind covert-regime-change/,
    );
  });
});
