import { describe, expect, it } from 'vitest';
import { caseSchema } from '../domain/index.js';
import { orderOfDates } from './case-date.js';
import { caseIndicators } from './case-indicators.js';
import { caseTimeline } from './case-timeline.js';
import { mechanismArc } from './mechanism-arc.js';
import { shortCitation } from './short-citation.js';

const source = { authors: ['Istomin, Igor'], title: 'How not to interfere', year: null, page: 'Conclusion' };
const event = (id: string, date: string | number, tags: string[]) => ({
  id,
  date,
  actors: ['USSR'],
  summary: id,
  tags,
  sources: [source],
});

const c = caseSchema.parse({
  id: 'test-case',
  title: 'A test case',
  interferer: 365,
  target: 710,
  proxy: 'CCP',
  period: { from: 1920, to: 1939 },
  ascent: 'ascent',
  break: 'break',
  episodes: ['rus-chn-1921-ccp'],
  events: [
    event('late', '1930-06-01', ['grievance', 'leverage-lost']),
    event('support-a', 1921, ['support-given', 'leverage-exercised']),
    event('support-b', '1925-03', ['support-given']),
    event('ascent', '1930-05-01', ['context']),
    event('same-year', 1930, ['support-given', 'grievance']),
    event('support-c', 1933, ['support-given', 'concession']),
    event('early-grievance', 1924, ['grievance']),
    event('break', 1938, ['defection']),
  ],
});

describe('case dates', () => {
  it('compares at the precision both dates share', () => {
    expect(orderOfDates('1930', '1930-05-01')).toBe('same');
    expect(orderOfDates('1930-06', '1930-05-01')).toBe('after');
    expect(orderOfDates('1929-12-31', '1930')).toBe('before');
  });
});

describe('caseTimeline', () => {
  it('sorts by date, a year-only date before the dated days of that year, with brief citations', () => {
    const t = caseTimeline(c);
    expect(t.map((e) => e.event.id)).toEqual([
      'support-a',
      'early-grievance',
      'support-b',
      'same-year',
      'ascent',
      'late',
      'support-c',
      'break',
    ]);
    expect(t[0]?.citations).toEqual(['Istomin n.d., Conclusion']);
    expect(shortCitation({ ...source, authors: ['A, B', 'C, D'], year: 1981 })).toBe(
      'A et al. 1981, Conclusion',
    );
  });
});

describe('mechanismArc', () => {
  it('counts tags per span and runs the balances: leverage is exercised − lost − defections', () => {
    const arc = mechanismArc(c, 10);
    expect(arc.map((s) => [s.from, s.to])).toEqual([
      [1920, 1929],
      [1930, 1939],
    ]);
    expect(arc.map((s) => s.counts['support-given'])).toEqual([2, 2]);
    expect(arc.map((s) => s.leverage)).toEqual([1, -2]);
    expect(arc.map((s) => s.leverageToDate)).toEqual([1, -1]);
    expect(arc.map((s) => s.grievanceToDate)).toEqual([1, 3]);
  });

  it('cuts the last span at the end of the period', () => {
    expect(mechanismArc(c, 15).map((s) => [s.from, s.to])).toEqual([
      [1920, 1934],
      [1935, 1939],
    ]);
  });
});

describe('caseIndicators', () => {
  it('counts years to the break, grievances around the ascent and the share of support given before it', () => {
    const i = caseIndicators(c);
    expect(i.yearsAscentToBreak).toBe(8);
    expect(i.grievance).toEqual({ before: 1, same: 1, after: 1 });
    expect(i.support).toEqual({ before: 2, same: 1, after: 1 });
    // the undatable one (same year, no month) is left out of the share: 2 / (2 + 1)
    expect(i.supportShareBeforeAscent).toBeCloseTo(2 / 3, 12);
    expect(i.sources).toBe(8);
  });

  it('leaves the ascent-based indicators empty for a proxy that never took power', () => {
    const i = caseIndicators({ ...c, ascent: null, break: null });
    expect([i.yearsAscentToBreak, i.grievance, i.supportShareBeforeAscent]).toEqual([null, null, null]);
  });
});
