import { describe, expect, it } from 'vitest';
import type { Episode } from '../domain/index.js';
import { episodeSurvival } from './episode-survival.js';

const episode = (id: string, extra: Partial<Episode>) =>
  ({
    id,
    startYear: 1950,
    endYear: 1950,
    powerYear: null,
    proxyOutcome: 'won',
    targetClass: 'minor-power',
    defected: 'no',
    defectedYear: null,
    payoff: 'kept',
    payoffLostYear: null,
    alignedThrough: 1960,
    ...extra,
  }) as unknown as Episode;

describe('episodeSurvival', () => {
  it('follows a proxy from taking power to its defection, censored at the last year seen aligned', () => {
    const result = episodeSurvival([
      episode('a', { defected: 'yes', defectedYear: 1958, powerYear: 1952, alignedThrough: null }),
      episode('b', { alignedThrough: 1955 }),
      episode('c', { defected: 'unknown', alignedThrough: 1970 }),
    ]);
    const subjects = result.groups[0]?.subjects ?? [];
    expect(subjects).toEqual([
      { id: 'a', time: 6, event: true },
      { id: 'b', time: 5, event: false },
      { id: 'c', time: 20, event: false },
    ]);
    expect(result.logRank).toBeUndefined();
  });

  it('asks only proxies that held power, and says why it leaves out the others it cannot follow', () => {
    const result = episodeSurvival([
      episode('won', {}),
      episode('lost', { proxyOutcome: 'lost' }),
      episode('no-year', { defected: 'yes', defectedYear: null }),
      episode('no-follow-up', { alignedThrough: null }),
    ]);
    expect(result.groups[0]?.subjects.map((s) => s.id)).toEqual(['won']);
    expect(result.excluded).toEqual([
      { reason: 'the event is coded but its year is not', episodes: ['no-year'] },
      { reason: 'no event, and no year a source shows the proxy still aligned', episodes: ['no-follow-up'] },
    ]);
  });

  it('follows the payoff instead when asked, and splits by a field with the log-rank test', () => {
    const result = episodeSurvival(
      [
        episode('a', { payoff: 'lost', payoffLostYear: 1953 }),
        episode('d', { payoff: 'lost', payoffLostYear: 1958 }),
        episode('b', { targetClass: 'major-power', alignedThrough: 1965 }),
        episode('c', { payoff: 'lost', payoffLostYear: 1957, targetClass: 'major-power' }),
        episode('e', { payoff: 'lost', payoffLostYear: 1952, targetClass: 'major-power' }),
      ],
      { event: 'payoff-lost', by: 'targetClass' },
    );
    expect(result.groups.map((g) => g.label)).toEqual(['major-power', 'minor-power']);
    expect(result.groups.map((g) => g.curve.events)).toEqual([2, 2]);
    expect(result.logRank?.df).toBe(1);
    expect(result.cox !== undefined && 'fit' in result.cox && result.cox.reference).toBe('major-power');
  });

  it('gives no Cox model where a group has no events, and says why', () => {
    const result = episodeSurvival(
      [
        episode('a', { defected: 'yes', defectedYear: 1953 }),
        episode('b', { targetClass: 'major-power' }),
        episode('c', { defected: 'yes', defectedYear: 1955 }),
      ],
      { by: 'targetClass' },
    );
    expect(result.cox).toEqual({ unavailable: expect.stringMatching(/no events in major-power/) });
  });

  it('refuses a field that holds several values per episode', () => {
    expect(() => episodeSurvival([episode('a', {})], { by: 'means' })).toThrow(/several values/);
  });
});
