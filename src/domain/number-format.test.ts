import { describe, expect, it } from 'vitest';
import { fixed, interval, percent, pValue } from './number-format.js';

describe('number formats', () => {
  it('write a share as a percentage, with the decimals and spacing asked for', () => {
    expect(percent(0.256)).toBe('26 %');
    expect(percent(0.256, { digits: 1 })).toBe('25.6 %');
    expect(percent(0.256, { digits: 1, space: false })).toBe('25.6%');
    expect(percent(0.125)).toBe('13 %');
  });

  it('give a tiny share one decimal in the adaptive style, so that it does not read as zero', () => {
    expect(percent(0.004, { digits: 'adaptive' })).toBe('0.4 %');
    expect(percent(0, { digits: 'adaptive' })).toBe('0 %');
    expect(percent(0.5, { digits: 'adaptive' })).toBe('50 %');
  });

  it('write a dash where there is no number', () => {
    for (const missing of [null, undefined, Number.NaN, Number.POSITIVE_INFINITY])
      expect(percent(missing)).toBe('—');
    expect(fixed(null)).toBe('—');
    expect(pValue(undefined)).toBe('—');
    expect(interval(0.1, null)).toBe('');
  });

  it('write intervals and p-values as the reports do', () => {
    expect(interval(0.195, 0.435)).toBe('20–44 %');
    expect(pValue(0.00049)).toBe('< 0.001');
    expect(pValue(0.0356)).toBe('0.036');
    expect(fixed(1.23456)).toBe('1.23');
  });
});
