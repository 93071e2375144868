import { describe, expect, expectTypeOf, it } from 'vitest';
import type { CodedEpisode, EpisodeInput } from './episode-schema.js';
import { episodeInputSchema } from './episode-schema.js';

const valid: EpisodeInput = {
  id: 'usa-ita-1948-election',
  title: 'US support to the DC in 1948',
  interferer: 2,
  target: 325,
  startYear: 1948,
  endYear: 1948,
  kind: 'electoral',
  side: 'incumbent',
  means: ['financing', 'propaganda'],
  covert: true,
  rationale: ['regime', 'intentions'],
  proxyName: 'Christian Democracy',
  proxyType: 'foreign-policy-sympathizer',
  proxyOutcome: 'won',
  payoff: 'unknown',
  defected: 'no',
  exposed: 'unknown',
  dispute: 'unknown',
  grievance: 'unknown',
  sources: [
    {
      authors: ['GlobalSecurity.org'],
      title: 'Italian Elections - 1948',
      year: null,
      url: 'https://www.globalsecurity.org/intell/ops/italy-48.htm',
    },
  ],
};

const problems = (input: unknown) => {
  const result = episodeInputSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('episodeInputSchema', () => {
  it('infers the coded type with codes as unions, not strings', () => {
    expectTypeOf<CodedEpisode['side']>().toEqualTypeOf<'incumbent' | 'challenger' | 'unknown'>();
    expectTypeOf<CodedEpisode['partners']>().toEqualTypeOf<number[]>();
  });

  it('accepts a valid episode and fills the defaults', () => {
    const parsed = episodeInputSchema.parse(valid);
    expect(parsed.partners).toEqual([]);
    expect(parsed.payoffLostYear).toBeNull();
    expect(parsed.notes).toBe('');
  });

  it('puts multi-valued codes in codebook order, so equal sets serialise alike', () => {
    const parsed = episodeInputSchema.parse(valid);
    expect(parsed.means).toEqual(['propaganda', 'financing']);
    expect(parsed.rationale).toEqual(['intentions', 'regime']);
  });

  it('requires at least one source, and a way to find each', () => {
    expect(problems({ ...valid, sources: [] })).toEqual(['sources: every episode needs at least one source']);
    expect(problems({ ...valid, sources: [{ authors: ['A'], title: 'T', year: 2000 }] })).toEqual([
      'sources.0.url: a source needs a page, a URL or a DOI so that a reader can find it',
    ]);
  });

  it('refuses a "|" or a line break in a source field, which the CSV form reserves', () => {
    const source = { authors: ['A'], title: 'Left | right', year: 2000, page: '1' };
    expect(problems({ ...valid, sources: [source] })).toEqual([
      'sources.0.title: a line break or "|" cannot appear in a source field',
    ]);
  });

  it('checks the fields against each other', () => {
    expect(problems({ ...valid, startYear: 1950, endYear: 1948 })).toContain(
      'endYear: endYear comes before startYear',
    );
    expect(problems({ ...valid, payoffLostYear: 1950 })).toContain(
      'payoffLostYear: a year the alignment was lost is given only when payoff is "lost"',
    );
    expect(problems({ ...valid, proxyOutcome: 'lost', payoff: 'kept' })).toContain(
      'payoff: an alignment is gained only through a proxy that won (or partly won); use "none" or "unknown"',
    );
    expect(problems({ ...valid, partners: [2] })).toContain(
      'partners: the interferer is not its own partner',
    );
    expect(problems({ ...valid, defected: 'no', defectedYear: 1950 })).toContain(
      'defectedYear: a defection year is given only when defected is "yes"',
    );
  });

  it('refuses unknown fields and a typed target class', () => {
    expect(problems({ ...valid, targetClass: 'major-power' })).toEqual([': Unrecognized key: "targetClass"']);
  });
});
