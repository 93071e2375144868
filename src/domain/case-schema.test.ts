import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  type Case,
  type CaseTag,
  caseHypothesesSchema,
  caseSchema,
  crossCheckEpisodes,
  crossCheckHypotheses,
} from './case-schema.js';
import { issuesFromZod } from './episode-validation.js';

const source = { authors: ['Istomin, Igor'], title: 'How not to interfere', year: null, page: 'Conclusion' };

function event(id: string, date: string | number, tags: string[], extra: Record<string, unknown> = {}) {
  return { id, date, actors: ['USSR'], summary: 'something happened', tags, sources: [source], ...extra };
}

const base = {
  id: 'test-case',
  title: 'A test case',
  interferer: 365,
  target: 710,
  proxy: 'CCP',
  period: { from: 1920, to: 1960 },
  ascent: 'ascent',
  break: null,
  episodes: ['rus-chn-1921-ccp'],
  events: [
    event('first', 1921, ['support-given'], { episodes: ['rus-chn-1921-ccp'] }),
    event('ascent', '1949-10-01', ['context']),
  ],
};

describe('caseSchema', () => {
  it('infers tags as the closed vocabulary and keeps a bare YAML year as text', () => {
    expectTypeOf<Case['events'][number]['tags'][number]>().toEqualTypeOf<CaseTag>();
    const c = caseSchema.parse(base);
    expect(c.events[0]?.date).toBe('1921');
    expect(c.events[0]?.circa).toBe(false);
  });

  it('rejects an unknown tag and lists the allowed ones', () => {
    const r = caseSchema.safeParse({ ...base, events: [event('first', 1921, ['bribery']), base.events[1]] });
    expect(r.success).toBe(false);
    if (r.success) return;
    const [issue] = issuesFromZod(r.error, base, {});
    expect(issue?.field).toBe('events[0].tags[0]');
    expect(issue?.hint).toContain('support-given');
  });

  it('rejects an event without a source', () => {
    const r = caseSchema.safeParse({
      ...base,
      events: [{ ...event('first', 1921, ['context']), sources: [] }, base.events[1]],
    });
    expect(r.success ? [] : r.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['events.0.sources', 'every event needs at least one source'],
    ]);
  });

  it('checks dates, period, rationale shifts, episode links and the ascent and break ids', () => {
    const r = caseSchema.safeParse({
      ...base,
      break: 'nowhere',
      events: [
        event('first', '1921-02-30', ['support-given']),
        event('shift', 1965, ['rationale-shift']),
        event('linked', 1930, ['context'], {
          episodes: ['usa-ita-1948-election'],
          rationale: { from: null, to: 'regime' },
        }),
        base.events[1],
      ],
    });
    expect(r.success ? [] : r.error.issues.map((i) => i.path.join('.')).sort()).toEqual([
      'break',
      'events.0.date',
      'events.1.date',
      'events.1.rationale',
      'events.2.episodes.0',
      'events.2.rationale',
    ]);
  });
});

describe('caseHypothesesSchema', () => {
  const hypotheses = {
    case: 'test-case',
    question: 'why?',
    hypotheses: [
      { id: 'H1', title: 'a', statement: 's', prior: 0.5 },
      { id: 'H2', title: 'b', statement: 's', prior: 0.5 },
    ],
    evidence: [
      {
        id: 'E1',
        summary: 'e',
        events: ['first'],
        credibility: 'high',
        relevance: 'low',
        likelihoods: { H1: 0.3, H2: 0.7 },
      },
    ],
  };

  it('requires a likelihood strictly between 0 and 1 under every hypothesis, and no others', () => {
    const r = caseHypothesesSchema.safeParse({
      ...hypotheses,
      evidence: [{ ...hypotheses.evidence[0], likelihoods: { H1: 1, H3: 0.5 } }],
    });
    expect(r.success ? [] : r.error.issues.map((i) => i.path.join('.')).sort()).toEqual([
      'evidence.0.likelihoods.H1',
      'evidence.0.likelihoods.H2',
      'evidence.0.likelihoods.H3',
    ]);
  });

  it('requires priors for all or none, summing to 1', () => {
    const r = caseHypothesesSchema.safeParse({
      ...hypotheses,
      hypotheses: [{ ...hypotheses.hypotheses[0], prior: 0.7 }, hypotheses.hypotheses[1]],
    });
    expect(r.success ? '' : r.error.issues[0]?.message).toBe('the priors sum to 1.2, not 1');
  });

  it('is checked against its case: unknown events and episodes missing from the record are named', () => {
    const c = caseSchema.parse(base);
    const h = caseHypothesesSchema.parse({
      ...hypotheses,
      evidence: [{ ...hypotheses.evidence[0], events: ['first', 'ghost'] }],
    });
    expect(crossCheckHypotheses(c, h)).toEqual([
      {
        path: ['evidence', 0, 'events', 1],
        message: 'case "test-case" has no event "ghost"',
        value: 'ghost',
      },
    ]);
    expect(crossCheckEpisodes(c, new Set(['usa-ita-1948-election']))[0]?.value).toBe('rus-chn-1921-ccp');
  });
});
