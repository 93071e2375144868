import { describe, expect, it } from 'vitest';
import { codingWindow, disputeFromMid } from './coding-window.js';
import { type CodedEpisode, episodeInputSchema } from './episode-schema.js';
import { type LintRule, lintRecord, type MidReference } from './record-lint.js';

const reason = (text: string) => ({ sources: [0], datasets: [], reason: text });

/** A proxy that won in 1948 and stayed aligned: every standard met. */
const clean: CodedEpisode = episodeInputSchema.parse({
  id: 'usa-ita-1948-election',
  title: 'US support to the DC in 1948',
  interferer: 2,
  target: 325,
  startYear: 1948,
  endYear: 1948,
  kind: 'electoral',
  side: 'incumbent',
  means: ['financing'],
  covert: true,
  rationale: ['regime'],
  proxyName: 'Christian Democracy',
  proxyType: 'foreign-policy-sympathizer',
  proxyOutcome: 'won',
  alignedThrough: 1958,
  payoff: 'kept',
  defected: 'no',
  exposed: 'yes',
  dispute: 'no',
  grievance: 'no',
  basis: {
    alignedThrough: reason('in NATO'),
    payoff: reason('in NATO'),
    defected: reason('in NATO'),
    exposed: reason('reported'),
    dispute: { sources: [], datasets: ['gml-mid-2.2.1'], reason: 'none in the MID data' },
    grievance: reason('embraced'),
  },
  sources: [
    {
      type: 'scholarly',
      authors: ['Levin, Dov H.'],
      title: 'Meddling in the Ballot Box',
      year: 2020,
      page: 'p. 1',
    },
  ],
});

const mid: MidReference = {
  pairs: new Set(['2-325', '2-365']),
  onsets: new Map([
    [
      '2-365',
      [
        { dispnum: 10, onset: 1950 },
        { dispnum: 11, onset: 1990 },
      ],
    ],
  ]),
};

const rules = (episodes: CodedEpisode[], options = { present: 2026, mid }): LintRule[] =>
  lintRecord(episodes, options).map((f) => f.rule);

describe('codingWindow', () => {
  it('runs ten years past the later of taking power and the last year, the present for an ongoing episode', () => {
    expect(codingWindow({ startYear: 1921, endYear: 1949, powerYear: 1949 }, 2026)).toEqual({
      from: 1921,
      through: 1959,
    });
    expect(codingWindow({ startYear: 1950, endYear: 1950, powerYear: 1954 }, 2026)).toEqual({
      from: 1950,
      through: 1964,
    });
    expect(codingWindow({ startYear: 2014, endYear: null, powerYear: null }, 2026)).toEqual({
      from: 2014,
      through: 2036,
    });
  });
});

describe('disputeFromMid', () => {
  const onsets = [
    { dispnum: 7, onset: 1955 },
    { dispnum: 8, onset: 1955 },
    { dispnum: 9, onset: 1940 },
  ];
  it('counts disputes by their onset, not by the years they were under way', () => {
    expect(disputeFromMid({ from: 1941, through: 1950 }, onsets)).toEqual({
      dispute: 'no',
      years: [],
      dispnums: [],
    });
    expect(disputeFromMid({ from: 1950, through: 1960 }, onsets)).toEqual({
      dispute: 'yes',
      years: [1955],
      dispnums: [7, 8],
    });
  });
  it('leaves a window past the MID data without a dispute to the sources', () => {
    expect(disputeFromMid({ from: 2005, through: 2015 }, onsets)).toBeUndefined();
    expect(disputeFromMid({ from: 1950, through: 2015 }, onsets)?.dispute).toBe('yes');
  });
});

describe('lintRecord', () => {
  it('finds nothing in an episode that meets every standard', () => {
    expect(lintRecord([clean], { present: 2026, mid })).toEqual([]);
  });

  it('asks for the basis of every level-2/3 value, and of the years of power and alignment when given', () => {
    const { grievance: _g, alignedThrough: _a, ...basis } = clean.basis;
    const findings = lintRecord([{ ...clean, basis }], { present: 2026, mid });
    expect(findings.map((f) => f.field).sort()).toEqual(['basis.alignedThrough', 'basis.grievance']);
    expect(findings.every((f) => f.rule === 'basis-missing' && f.id === clean.id)).toBe(true);
  });

  it('holds a covert-regime-change episode to covert', () => {
    expect(rules([{ ...clean, kind: 'covert-regime-change', covert: false }])).toEqual(['covert-kind']);
  });

  it('keeps dated values inside the window unless the basis states the exception', () => {
    const late = { ...clean, payoff: 'lost' as const, payoffLostYear: 1961 };
    expect(rules([late])).toEqual(['outside-window']);
    const stated = {
      ...late,
      basis: { ...late.basis, payoff: { ...reason('split'), beyondWindow: true as const } },
    };
    expect(rules([stated])).toEqual([]);
  });

  it('follows alignment past the window but not past the present', () => {
    expect(rules([{ ...clean, alignedThrough: 2020 }])).toEqual([]);
    expect(rules([{ ...clean, alignedThrough: 2030 }])).toEqual(['future-year']);
  });

  it('asks for the year of observed alignment behind a defected "no"', () => {
    const { alignedThrough: _a, ...basis } = clean.basis;
    expect(
      rules([
        { ...clean, powerYear: 1949, alignedThrough: null, basis: { ...basis, powerYear: reason('x') } },
      ]),
    ).toContain('defected-no-alignment');
  });

  it('rejects search pages and word pages, and a lone source without standing', () => {
    const source = { type: 'other' as const, authors: ['x'], title: 'x', year: null };
    expect(
      rules([{ ...clean, sources: [{ ...source, url: 'https://example.org/search?q=italy' }] }]),
    ).toEqual(['uncitable-source', 'standing']);
    expect(
      rules([
        {
          ...clean,
          sources: [
            { ...source, url: 'https://everything2.com/title/x' },
            { ...source, page: 'p. 2' },
          ],
        },
      ]),
    ).toEqual(['uncitable-source']);
    expect(rules([{ ...clean, sources: [{ ...source, type: undefined, page: 'p. 1' }] }])).toEqual([
      'source-type',
      'standing',
    ]);
  });

  it('holds dispute to the MID data where they cover the pair and the window', () => {
    const ussr = {
      ...clean,
      id: 'usa-rus-1948-ops',
      target: 365,
      startYear: 1948,
      endYear: 1956,
      alignedThrough: null,
      payoff: 'none' as const,
      proxyOutcome: 'lost' as const,
      defected: 'unknown' as const,
      basis: { ...clean.basis, alignedThrough: undefined },
    };
    const findings = lintRecord([ussr], { present: 2026, mid });
    expect(findings.map((f) => f.rule)).toEqual(['dispute-mid']);
    expect(findings[0]?.message).toContain('onsets 1950');
    expect(rules([{ ...ussr, target: 200 }])).toEqual(['reference-missing']);
    expect(rules([{ ...ussr, target: 200 }], { present: 2026, mid: undefined as never })).toEqual([]);
  });

  it('flags a "no" that another episode of the same pair contradicts inside its window', () => {
    const yes = {
      ...clean,
      id: 'usa-ita-1953-election',
      startYear: 1953,
      endYear: 1953,
      dispute: 'yes' as const,
      basis: { ...clean.basis, dispute: { sources: [0], datasets: [], reason: 'a source', years: [1955] } },
    };
    const findings = lintRecord([clean, yes], { present: 2026 });
    expect(findings.map((f) => [f.rule, f.id])).toEqual([['dispute-pair', clean.id]]);
  });
});
