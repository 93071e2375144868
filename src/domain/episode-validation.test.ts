import { describe, expect, it } from 'vitest';
import { validateEpisodes } from './episode-validation.js';
import { createStateTable } from './state-table.js';

const states = createStateTable({
  source: { authors: ['COW'], title: 'States', year: 2017, url: 'https://correlatesofwar.org' },
  states: [
    { cow: 2, abbr: 'USA', name: 'United States of America', member: [[1816, null]], major: [[1898, null]] },
    {
      cow: 365,
      abbr: 'RUS',
      name: 'Russia',
      member: [[1816, null]],
      major: [
        [1816, 1917],
        [1922, null],
      ],
    },
    { cow: 710, abbr: 'CHN', name: 'China', member: [[1860, null]], major: [[1950, null]] },
  ],
});

const episode = (over: Record<string, unknown> = {}) => ({
  id: 'rus-chn-1921-ccp',
  title: 'Soviet support to the CCP',
  interferer: 365,
  target: 710,
  startYear: 1921,
  endYear: 1949,
  kind: 'armed-opposition-support',
  side: 'challenger',
  means: ['armed-support'],
  covert: true,
  rationale: ['regime'],
  proxyName: 'CCP',
  proxyType: 'like-minded-ideology',
  proxyOutcome: 'won',
  payoff: 'lost',
  payoffLostYear: 1960,
  defected: 'yes',
  defectedYear: 1960,
  exposed: 'yes',
  dispute: 'yes',
  grievance: 'yes',
  sources: [{ authors: ['Istomin, Igor'], title: 'How not to interfere', year: null, page: 'the CCP case' }],
  ...over,
});

describe('validateEpisodes', () => {
  it('derives the target class from the year the episode starts', () => {
    const { episodes } = validateEpisodes(
      [{ value: episode() }, { value: episode({ id: 'later', startYear: 1955, endYear: 1956 }) }],
      states,
    );
    expect(episodes.map((e) => e.targetClass)).toEqual(['minor-power', 'major-power']);
  });

  it('reports every issue of every record with its file, line and field, and returns no episodes', () => {
    const { episodes, issues } = validateEpisodes(
      [
        { value: episode({ kind: 'coup' }), line: 2 },
        { value: episode({ id: 'b', target: 999 }), line: 9 },
        { value: episode({ id: 'rus-chn-1921-ccp' }), line: 17 },
        { value: episode({ id: 'rus-chn-1921-ccp' }), line: 25 },
      ],
      states,
      'record.json',
    );
    expect(episodes).toEqual([]);
    expect(issues.map((i) => `${i.file}:${i.line} ${i.field} ${i.value}`)).toEqual([
      'record.json:2 kind coup',
      'record.json:9 target 999',
      'record.json:25 id rus-chn-1921-ccp',
    ]);
    expect(issues[0]?.hint).toContain('allowed: electoral, covert-regime-change');
    expect(issues[2]?.message).toBe('duplicate id (first at line 17)');
  });

  it('accepts a stated target class that agrees with the state list and refuses one that does not', () => {
    expect(
      validateEpisodes([{ value: { ...episode(), targetClass: 'minor-power' } }], states).issues,
    ).toEqual([]);
    const { issues } = validateEpisodes([{ value: { ...episode(), targetClass: 'major-power' } }], states);
    expect(issues.map((i) => i.field)).toEqual(['targetClass']);
    expect(issues[0]?.hint).toContain('never typed by hand');
  });
});
