import { describe, expect, it } from 'vitest';
import { fieldAgreement } from './field-agreement.js';

describe('fieldAgreement', () => {
  it('puts the least reliable field first and names its discordant units', () => {
    const ranked = fieldAgreement([
      {
        field: 'outcome',
        level: 'nominal',
        units: [
          ['win', 'win'],
          ['loss', 'loss'],
          ['win', 'win'],
          ['loss', 'loss'],
        ],
      },
      {
        field: 'means',
        level: 'nominal',
        units: [
          ['cash', 'cash'],
          ['media', 'cash'],
          ['media', 'media'],
          ['cash', 'media'],
        ],
      },
    ]);
    expect(ranked.map((f) => f.field)).toEqual(['means', 'outcome']);
    expect(ranked[0]?.worstUnits).toEqual([1, 3]);
    expect(ranked[1]?.alpha).toBe(1);
  });
});
