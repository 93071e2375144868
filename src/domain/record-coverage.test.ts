import { describe, expect, it } from 'vitest';
import type { Episode } from './episode-schema.js';
import { knownCoverage, unknownsOf } from './record-coverage.js';

const episode = (id: string, extra: Partial<Episode> = {}) =>
  ({
    id,
    startYear: 1950,
    endYear: 1951,
    covert: true,
    proxyOutcome: 'won',
    payoff: 'kept',
    defected: 'no',
    exposed: 'yes',
    dispute: 'no',
    grievance: 'no',
    basis: {},
    ...extra,
  }) as unknown as Episode;

describe('knownCoverage', () => {
  it('counts payoff and defection among proxies that won, exposure among covert episodes', () => {
    const record = [
      episode('won-known'),
      episode('won-unknown', { payoff: 'unknown', defected: 'unknown' }),
      // A lost proxy's unknown payoff is not asked, and an overt episode's exposure is not either.
      episode('lost', { proxyOutcome: 'lost', payoff: 'unknown', covert: false, exposed: 'unknown' }),
      episode('partial', { proxyOutcome: 'partial', exposed: 'unknown', grievance: 'unknown' }),
    ];
    const byField = Object.fromEntries(knownCoverage(record).map((c) => [c.field, c]));
    expect(byField.payoff).toMatchObject({ known: 2, episodes: 3, met: false });
    expect(byField.defected).toMatchObject({ known: 2, episodes: 3, met: false });
    expect(byField.exposed).toMatchObject({ known: 2, episodes: 3, met: false });
    expect(byField.dispute).toMatchObject({ known: 4, episodes: 4, met: true });
    expect(byField.grievance).toMatchObject({ known: 3, episodes: 4, target: 0.6, met: true });
  });

  it('meets a target no episode is asked of', () => {
    const lost = episode('lost', { proxyOutcome: 'lost', payoff: 'unknown' });
    expect(knownCoverage([lost]).find((c) => c.field === 'payoff')).toMatchObject({ episodes: 0, met: true });
  });
});

describe('unknownsOf', () => {
  it('lists the asked episodes left unknown, in id order, with what their basis says', () => {
    const reason = 'looked for protests in 1950-61; none found';
    const record = [
      episode('b', { grievance: 'unknown', basis: { grievance: { sources: [], datasets: [], reason } } }),
      episode('a', { grievance: 'unknown' }),
      episode('c'),
    ];
    expect(unknownsOf(record, 'grievance')).toEqual([
      { id: 'a', startYear: 1950, endYear: 1951, reason: '(no basis)' },
      { id: 'b', startYear: 1950, endYear: 1951, reason },
    ]);
  });

  it('leaves out episodes the field is not asked of', () => {
    const lost = episode('lost', { proxyOutcome: 'lost', payoff: 'unknown' });
    expect(unknownsOf([lost], 'payoff')).toEqual([]);
  });
});
