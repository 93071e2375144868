import { describe, expect, expectTypeOf, it } from 'vitest';
import type { EpisodeKind, Means } from './codebook.js';
import { type OperationFile, operationSchema, type StateReference } from './operation-schema.js';

const input = {
  name: 'test-operation',
  title: 'A test operation',
  interferer: 'USA',
  target: 94,
  year: 2026,
  kind: 'electoral',
  side: 'incumbent',
  means: ['financing', 'propaganda'],
  covert: true,
  rationale: ['intentions'],
  proxy: { name: 'the governing party', capability: 0.6, divergence: 0.15 },
  pressure: 0.2,
};

describe('operationSchema', () => {
  it('infers the codebook vocabularies and keeps states as written until the reader resolves them', () => {
    expectTypeOf<OperationFile['kind']>().toEqualTypeOf<EpisodeKind>();
    expectTypeOf<OperationFile['means'][number]>().toEqualTypeOf<Means>();
    expectTypeOf<OperationFile['target']>().toEqualTypeOf<StateReference>();
  });

  it('fills the defaults: ten years ahead, 2000 runs, seed 1, no intermediaries', () => {
    const parsed = operationSchema.parse(input);
    expect(parsed).toMatchObject({ horizon: 10, runs: 2000, seed: 1, proxy: { intermediaries: 0 } });
  });

  it('keeps means in codebook order so that equal sets serialise alike', () => {
    expect(operationSchema.parse(input).means).toEqual(['propaganda', 'financing']);
  });

  it('refuses the codebook side "unknown": a proposal knows whom it backs', () => {
    expect(operationSchema.safeParse({ ...input, side: 'unknown' }).success).toBe(false);
  });

  it('refuses shares outside 0..1, unknown fields and a repeated means', () => {
    const paths = (value: unknown) =>
      operationSchema.safeParse(value).error?.issues.map((i) => [i.code, i.path.join('.')]);
    expect(paths({ ...input, proxy: { ...input.proxy, capability: 1.5 } })).toEqual([
      ['too_big', 'proxy.capability'],
    ]);
    expect(paths({ ...input, presure: 0.5 })).toEqual([['unrecognized_keys', '']]);
    expect(paths({ ...input, means: ['cyber', 'cyber'] })).toEqual([['custom', 'means']]);
  });
});
