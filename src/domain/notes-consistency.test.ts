import { describe, expect, it } from 'vitest';
import { notesContradictions } from './notes-consistency.js';

const coded = { payoff: 'kept', defected: 'no', exposed: 'yes', grievance: 'unknown' } as const;

describe('notesContradictions', () => {
  it('finds a sentence that leaves a coded field unknown, or states another value', () => {
    const notes =
      'Phoumi won in 1960. Payoff stays unknown: no source covers 1970. The CIA admitted it in 2013, so exposure within ten years is left unknown; defected is coded yes for 1962.';
    expect(notesContradictions({ ...coded, notes })).toEqual([
      {
        field: 'payoff',
        stated: 'unknown',
        coded: 'kept',
        sentence: 'Payoff stays unknown: no source covers 1970.',
      },
      {
        field: 'exposed',
        stated: 'unknown',
        coded: 'yes',
        sentence: 'The CIA admitted it in 2013, so exposure within ten years is left unknown;',
      },
      { field: 'defected', stated: 'yes', coded: 'no', sentence: 'defected is coded yes for 1962.' },
    ]);
  });

  it('reads two fields left unknown in one clause', () => {
    const found = notesContradictions({
      ...coded,
      notes: 'Payoff and defection are left unknown because no source says.',
    });
    expect(found.map((c) => [c.field, c.coded])).toEqual([
      ['payoff', 'kept'],
      ['defected', 'no'],
    ]);
  });

  it('passes notes that agree with the values, and words that are not values', () => {
    const notes =
      'Grievance stays unknown: no protest was found. Payoff is coded kept because the treaty held. Defected is coded from the 1962 break.';
    expect(notesContradictions({ ...coded, notes })).toEqual([]);
    expect(notesContradictions({ ...coded, notes: '' })).toEqual([]);
  });
});
