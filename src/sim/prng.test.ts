import { describe, expect, it } from 'vitest';
import {
  clonePrng,
  deriveSeed,
  fillNormal,
  fillUniform,
  jump,
  nextNormal,
  nextUint32,
  nextUniform,
  prngForStream,
  prngFromState,
  prngState,
} from './prng.js';

describe('xoshiro128**', () => {
  // Reference values printed by Blackman & Vigna's xoshiro128starstar.c compiled with gcc, from state {1, 2, 3, 4}.
  it('matches the reference C implementation for its first ten outputs', () => {
    const rng = prngFromState([1, 2, 3, 4]);
    const outputs = Array.from({ length: 10 }, () => nextUint32(rng));
    expect(outputs).toEqual([
      11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849, 3729100597, 4258142804,
    ]);
  });

  it('jumps 2^64 steps as the reference jump() does', () => {
    const rng = prngFromState([1, 2, 3, 4]);
    for (let i = 0; i < 10; i++) nextUint32(rng);
    jump(rng);
    expect(prngState(rng)).toEqual([2183174396, 3028100335, 256533187, 805253319]);
    expect(Array.from({ length: 5 }, () => nextUint32(rng))).toEqual([
      4290708443, 2568308862, 3110351530, 3156522848, 2216925636,
    ]);
  });

  it('refuses the all-zero state, which would emit zeros for ever', () => {
    expect(() => prngFromState([0, 0, 0, 0])).toThrow(/must not be all zero/);
  });

  it('restores from its serialised state and continues the same sequence', () => {
    const rng = prngForStream(42, 0);
    nextUint32(rng);
    const copy = prngFromState(prngState(rng));
    const clone = clonePrng(rng);
    const expected = Array.from({ length: 5 }, () => nextUint32(rng));
    expect(Array.from({ length: 5 }, () => nextUint32(copy))).toEqual(expected);
    expect(Array.from({ length: 5 }, () => nextUint32(clone))).toEqual(expected);
  });
});

describe('batch draws', () => {
  it('fill exactly what the same number of single draws gives, and leave the generator in the same state', () => {
    const a = prngForStream(3, 17);
    const b = clonePrng(a);
    const uniforms = new Float64Array(50);
    const normals = new Float64Array(5000);
    fillUniform(a, uniforms, 50);
    fillNormal(a, normals, 5000);
    expect(Array.from(uniforms)).toEqual(Array.from({ length: 50 }, () => nextUniform(b)));
    expect(Array.from(normals)).toEqual(Array.from({ length: 5000 }, () => nextNormal(b)));
    expect(prngState(a)).toEqual(prngState(b));
  });
});

describe('streams', () => {
  it('gives every (seed, run) pair its own state', () => {
    const seen = new Set<string>();
    for (const seed of [0, 1, 2, 2 ** 32, 2 ** 40 + 7]) {
      for (let run = 0; run < 2000; run++) seen.add(prngState(prngForStream(seed, run)).join(','));
    }
    expect(seen.size).toBe(5 * 2000);
  });

  it('makes neighbouring streams uncorrelated in their first outputs', () => {
    const n = 20_000;
    let sumA = 0;
    let sumB = 0;
    let sumAB = 0;
    for (let run = 0; run < n; run++) {
      const a = nextUniform(prngForStream(7, run)) - 0.5;
      const b = nextUniform(prngForStream(7, run + 1)) - 0.5;
      sumA += a;
      sumB += b;
      sumAB += a * b;
    }
    const correlation = (sumAB / n - (sumA / n) * (sumB / n)) / (1 / 12);
    // Under independence the correlation's standard error is 1/√n ≈ 0.007.
    expect(Math.abs(correlation)).toBeLessThan(0.03);
  });

  it('derives distinct, reproducible seeds for the items of a collection', () => {
    const seeds = Array.from({ length: 1000 }, (_, i) => deriveSeed(1, i));
    expect(new Set(seeds).size).toBe(1000);
    expect(seeds.every((s) => Number.isSafeInteger(s) && s >= 0)).toBe(true);
    expect(deriveSeed(1, 5)).toBe(seeds[5]);
  });
});

describe('nextNormal (ziggurat)', () => {
  const normalCdf = (x: number) => {
    // Abramowitz & Stegun 7.1.26 through erf; accurate to 1.5e-7, ample against a sampling error of 1e-3.
    const z = Math.abs(x) / Math.SQRT2;
    const t = 1 / (1 + 0.3275911 * z);
    const erf =
      1 -
      ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) *
        t *
        Math.exp(-z * z);
    return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
  };

  it('has mean 0, variance 1 and the normal distribution function within sampling error', () => {
    const rng = prngForStream(2024, 0);
    const n = 400_000;
    const sample = new Float64Array(n);
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < n; i++) {
      const x = nextNormal(rng);
      sample[i] = x;
      sum += x;
      squares += x * x;
    }
    const mean = sum / n;
    expect(Math.abs(mean)).toBeLessThan(4 / Math.sqrt(n));
    expect(Math.abs(squares / n - mean * mean - 1)).toBeLessThan(4 * Math.sqrt(2 / n));
    sample.sort();
    let ks = 0;
    for (let i = 0; i < n; i += 97)
      ks = Math.max(ks, Math.abs((i + 0.5) / n - normalCdf(sample[i] ?? Number.NaN)));
    // The Kolmogorov–Smirnov 0.1 % critical value is 1.95/√n ≈ 0.0031.
    expect(ks).toBeLessThan(0.0031);
  });

  it('reaches the tails beyond the ziggurat base at the normal rate', () => {
    const rng = prngForStream(99, 3);
    const n = 1_000_000;
    let beyond = 0;
    for (let i = 0; i < n; i++) if (Math.abs(nextNormal(rng)) > 3.442619855899) beyond++;
    const expected = n * 2 * (1 - normalCdf(3.442619855899));
    expect(Math.abs(beyond - expected)).toBeLessThan(5 * Math.sqrt(expected));
  });
});
