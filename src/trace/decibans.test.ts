import { describe, expect, it } from 'vitest';
import { decibans, oddsDb, probabilityFromDb } from './decibans.js';

describe('decibans', () => {
  it('puts a factor of 10 at 10 dB and a doubling at about 3 dB', () => {
    expect(decibans(10)).toBeCloseTo(10, 12);
    expect(decibans(2)).toBeCloseTo(3.0103, 4);
    expect(decibans(1)).toBe(0);
  });

  it('reads even odds as 0 dB and converts back to the same probability', () => {
    expect(oddsDb(0.5)).toBe(0);
    expect(oddsDb(0.8)).toBeCloseTo(6.0206, 4);
    expect(probabilityFromDb(oddsDb(0.8))).toBeCloseTo(0.8, 12);
  });
});
