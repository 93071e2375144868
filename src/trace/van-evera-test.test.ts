import { describe, expect, it } from 'vitest';
import { vanEveraTest } from './van-evera-test.js';

describe('vanEveraTest (10 dB thresholds)', () => {
  it('classifies the textbook hoop test: P(E|H) 0.95, P(E|¬H) 0.5; failing it would divide the odds by 10', () => {
    const r = vanEveraTest(0.95, 0.5);
    expect(r.test).toBe('hoop');
    expect(r.passed).toBe(true);
    expect(r.failDb).toBeCloseTo(-10, 9);
    expect(r.passDb).toBeCloseTo(2.7875, 4);
  });

  it('classifies the textbook smoking gun: 0.5 against 0.05', () => {
    expect(vanEveraTest(0.5, 0.05).test).toBe('smoking-gun');
  });

  it('classifies a test decisive both ways as doubly decisive: 0.95 against 0.05', () => {
    expect(vanEveraTest(0.95, 0.05).test).toBe('doubly-decisive');
  });

  it('calls a weak test in either direction a straw in the wind: 0.6 against 0.4', () => {
    const r = vanEveraTest(0.6, 0.4);
    expect(r.test).toBe('straw-in-the-wind');
    expect(r.passDb).toBeCloseTo(1.7609, 4);
  });

  it('reads evidence H makes unlikely as a failed test of the absence H predicts: 0.05 against 0.5 is a failed hoop', () => {
    const r = vanEveraTest(0.05, 0.5);
    expect(r.test).toBe('hoop');
    expect(r.passed).toBe(false);
    expect(r.failDb).toBeCloseTo(-10, 9);
  });
});
