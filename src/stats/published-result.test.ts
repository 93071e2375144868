import { describe, expect, it } from 'vitest';
import { checkPublished, type PublishedResult } from './published-result.js';

const sources = { a: 'Author 2018', b: 'Other 2016' };
const rate = (figures: Extract<PublishedResult, { kind: 'rate' }>['figures']): PublishedResult => ({
  kind: 'rate',
  id: 'r',
  title: 't',
  quantity: 'q',
  sources,
  figures,
});

describe('checkPublished', () => {
  it('flags two works that give one figure differently: 25 of 64 (printed as 39 failed) against 24 of 63', () => {
    const { faults } = checkPublished(
      rate([
        { source: 'a', complement: 39, of: 64 },
        { source: 'b', count: 24, of: 63 },
      ]),
    );
    expect(faults).toEqual([
      {
        kind: 'sources-disagree',
        message:
          'Author 2018: 25 of 64 (39.1 %); Other 2016: 24 of 63 (38.1 %); the sources disagree by 1 in the count and 1 in the base',
      },
    ]);
  });

  it('finds that 11.3 % is not 117 of 937, says what count it fits, and tests "one in nine" against that base', () => {
    const { faults } = checkPublished(
      rate([
        { source: 'a', count: 117, oneIn: 9 },
        { source: 'b', count: 117, of: 937, percent: 11.3, decimals: 1 },
      ]),
    );
    expect(faults.map((f) => f.kind)).toEqual(['one-in', 'share']);
    expect(faults[0]?.message).toContain('117 of 937 is one in 8.0');
    expect(faults[1]?.message).toBe(
      'Other 2016: printed 11.3 %, but 117/937 = 12.49 %; 11.3 % of 937 is 106, not 117',
    );
  });

  it('passes figures that agree within their printed rounding', () => {
    const check = checkPublished(
      rate([
        { source: 'a', count: 25, of: 64, percent: 39 },
        { source: 'b', count: 25, of: 64, oneIn: 3 },
      ]),
    );
    expect(check.faults).toEqual([]);
  });

  it('refuses a count larger than its base', () => {
    expect(checkPublished(rate([{ source: 'a', count: 70, of: 64 }])).faults[0]?.kind).toBe(
      'count-over-base',
    );
  });

  it('sums parts against the printed total, and says how many works the figures come from', () => {
    const parts = (us: number): PublishedResult => ({
      kind: 'parts',
      id: 'p',
      title: 't',
      sources,
      total: { source: 'a', count: 117 },
      parts: [
        { id: 'us', label: 'US', source: 'a', count: us },
        { id: 'su', label: 'USSR', source: 'b', count: 36 },
      ],
    });
    expect(checkPublished(parts(81))).toEqual({
      faults: [],
      notes: ['the total and its parts come from 2 works: Author 2018; Other 2016'],
    });
    expect(checkPublished(parts(80)).faults[0]?.message).toBe(
      'Author 2018 gives a total of 117, but the parts sum to 80 + 36 = 116',
    );
  });

  it('checks an effect against its interval and standard error, and notes one printed alone', () => {
    const effect = (extra: object): PublishedResult => ({
      kind: 'effect',
      id: 'e',
      title: 't',
      sources,
      estimate: { source: 'a', value: 3, unit: 'points', approximate: false, ...extra },
    });
    expect(checkPublished(effect({ interval: [1.04, 4.96], standardError: 1 })).faults).toEqual([]);
    expect(checkPublished(effect({ interval: [1, 8], standardError: 1 })).faults[0]?.kind).toBe('interval');
    expect(checkPublished(effect({ interval: [4, 8] })).faults[0]?.message).toContain('outside its interval');
    expect(checkPublished(effect({ approximate: true })).notes).toEqual([
      'Author 2018 prints the estimate as about 3 points alone, with no interval or standard error to check it against',
    ]);
  });
});
