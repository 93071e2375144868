/** The simulation's random numbers: xoshiro128** on 32-bit words, keyed streams per run, and normal deviates. */

/**
 * A xoshiro128** generator (Blackman & Vigna 2018, https://prng.di.unimi.it/xoshiro128starstar.c).
 * Its whole state is four 32-bit words, so it is cheap to clone, serialise and restore; every function here
 * takes it as its first argument and advances it in place, so the hot loop allocates nothing.
 */
export interface Prng {
  readonly state: Uint32Array;
}

/** A generator starting from the given four words (not all zero: xoshiro's one forbidden state). */
export function prngFromState(words: ArrayLike<number>): Prng {
  if (words.length !== 4) throw new RangeError(`a xoshiro128** state has 4 words, got ${words.length}`);
  const state = Uint32Array.from(words as ArrayLike<number>);
  if (((state[0] as number) | (state[1] as number) | (state[2] as number) | (state[3] as number)) === 0) {
    throw new RangeError('a xoshiro128** state must not be all zero');
  }
  return { state };
}

/** The four words of the state, to store or send and restore with `prngFromState`. */
export function prngState(rng: Prng): [number, number, number, number] {
  const s = rng.state;
  return [s[0] as number, s[1] as number, s[2] as number, s[3] as number];
}

export function clonePrng(rng: Prng): Prng {
  return { state: rng.state.slice() };
}

/** The next 32-bit output, as an unsigned integer. */
export function nextUint32(rng: Prng): number {
  const s = rng.state;
  const s0 = s[0] as number;
  const s1 = s[1] as number;
  const s2 = s[2] as number;
  const s3 = s[3] as number;
  const x = Math.imul(s1, 5);
  const result = Math.imul((x << 7) | (x >>> 25), 9) >>> 0;
  const t = s1 << 9;
  const n2 = s2 ^ s0;
  const n3 = s3 ^ s1;
  s[1] = s1 ^ n2;
  s[0] = s0 ^ n3;
  s[2] = n2 ^ t;
  s[3] = (n3 << 11) | (n3 >>> 21);
  return result;
}

const TWO_TO_MINUS_32 = 2.3283064365386963e-10;

/** A uniform deviate in [0, 1) with 32 bits of resolution: ample for comparing with a probability. */
export function nextUniform(rng: Prng): number {
  return nextUint32(rng) * TWO_TO_MINUS_32;
}

/**
 * Fills `target[0 … count − 1]` with uniform deviates in [0, 1), exactly as `count` calls of `nextUniform` would.
 * The state lives in locals for the loop (registers, not memory), and filling a typed array keeps every value
 * unboxed: a double returned from a call V8 does not inline is allocated on the heap.
 */
export function fillUniform(rng: Prng, target: Float64Array, count: number): void {
  const s = rng.state;
  let s0 = (s[0] as number) | 0;
  let s1 = (s[1] as number) | 0;
  let s2 = (s[2] as number) | 0;
  let s3 = (s[3] as number) | 0;
  for (let i = 0; i < count; i++) {
    const x = Math.imul(s1, 5);
    target[i] = (Math.imul((x << 7) | (x >>> 25), 9) >>> 0) * TWO_TO_MINUS_32;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
  }
  s[0] = s0;
  s[1] = s1;
  s[2] = s2;
  s[3] = s3;
}

/** A uniform deviate in (0, 1), safe to take the logarithm of. */
function nextOpenUniform(rng: Prng): number {
  return (nextUint32(rng) + 0.5) * TWO_TO_MINUS_32;
}

const JUMP = [0x8764000b, 0xf542d2d3, 0x6fa035c3, 0x77f2db5b] as const;

/**
 * Advances the generator by 2^64 outputs, as the reference `jump()` does: 2^64 such jumps give
 * non-overlapping subsequences of length 2^64 each.
 */
export function jump(rng: Prng): void {
  const s = rng.state;
  let a = 0;
  let b = 0;
  let c = 0;
  let d = 0;
  for (const word of JUMP) {
    for (let bit = 0; bit < 32; bit++) {
      if ((word >>> bit) & 1) {
        a ^= s[0] as number;
        b ^= s[1] as number;
        c ^= s[2] as number;
        d ^= s[3] as number;
      }
      nextUint32(rng);
    }
  }
  s[0] = a;
  s[1] = b;
  s[2] = c;
  s[3] = d;
}

/** A 32-bit bijective integer hash (Wellons' "lowbias32", https://nullprogram.com/blog/2018/07/31/). */
function mix32(value: number): number {
  let z = value >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  return (z ^ (z >>> 15)) >>> 0;
}

const GOLDEN = 0x9e3779b9;
const TWO_TO_32 = 4294967296;

/**
 * Resets `rng` to the stream of (seed, stream, substream), without allocating.
 *
 * The key's four words go through a keyed Feistel-style bijection of 128 bits, so distinct keys always give
 * distinct states (no two runs of a seed can share a stream, unlike hashing to fewer bits), and every state
 * word depends on every key word. Because a run's stream depends only on its own index, results never depend
 * on how runs are split among workers.
 */
export function seedStream(rng: Prng, seed: number, stream: number, substream = 0): void {
  const s = rng.state;
  let a = (seed >>> 0) ^ GOLDEN;
  let b = Math.floor(seed / TWO_TO_32) ^ 0x6a09e667;
  let c = (stream >>> 0) ^ 0xbb67ae85;
  let d = (Math.floor(stream / TWO_TO_32) + Math.imul(substream, 0x3c6ef372)) ^ 0xa54ff53a;
  for (let round = 0; round < 2; round++) {
    b ^= mix32(a + round);
    c ^= mix32(b);
    d ^= mix32(c);
    a ^= mix32(d);
  }
  s[0] = a;
  s[1] = b;
  s[2] = c;
  s[3] = d;
  // One key in 2^128 maps to the forbidden zero state; any fixed non-zero state will do for it.
  if ((a | b | c | d) === 0) s[0] = GOLDEN;
}

/** A new generator on the stream of (seed, stream, substream). */
export function prngForStream(seed: number, stream: number, substream = 0): Prng {
  const rng: Prng = { state: new Uint32Array(4) };
  seedStream(rng, seed, stream, substream);
  return rng;
}

/** A derived seed in [0, 2^53): the seed of item `index` of a collection seeded with `seed`. */
export function deriveSeed(seed: number, index: number): number {
  const high = mix32(mix32(seed >>> 0) ^ mix32(index + GOLDEN) ^ Math.floor(seed / TWO_TO_32));
  const low = mix32(high ^ mix32((index >>> 0) ^ 0x85ebca6b) ^ (seed >>> 0));
  return (high >>> 11) * TWO_TO_32 + low;
}

// Ziggurat for the standard normal (Marsaglia & Tsang 2000, J. Stat. Softw. 5(8)), with 128 layers. Unlike the
// original, the layer index, the sign and the magnitude come from disjoint bits of one 32-bit output, which
// removes the correlation Doornik (2005) found when they share bits.
const LAYERS = 128;
const ZIG_R = 3.442619855899;
const ZIG_AREA = 9.91256303526217e-3;
const MAGNITUDE = 16777216; // 2^24 values of the magnitude field
const zigX = new Float64Array(LAYERS + 1);
const zigF = new Float64Array(LAYERS + 1);
const zigK = new Int32Array(LAYERS);
const zigW = new Float64Array(LAYERS);

function density(x: number): number {
  return Math.exp(-0.5 * x * x);
}

zigX[0] = ZIG_AREA / density(ZIG_R);
zigX[1] = ZIG_R;
for (let i = 1; i < LAYERS - 1; i++) {
  zigX[i + 1] = Math.sqrt(-2 * Math.log(ZIG_AREA / (zigX[i] as number) + density(zigX[i] as number)));
}
zigX[LAYERS] = 0;
for (let i = 0; i <= LAYERS; i++) zigF[i] = density(zigX[i] as number);
for (let i = 0; i < LAYERS; i++) {
  zigK[i] = Math.floor(((zigX[i + 1] as number) / (zigX[i] as number)) * MAGNITUDE);
  zigW[i] = (zigX[i] as number) / MAGNITUDE;
}

/** A standard normal deviate; about 99 % of calls use one 32-bit output and no transcendental function. */
export function nextNormal(rng: Prng): number {
  // The fast path is kept tiny so that V8 inlines it into the simulation's yearly loop.
  const bits = nextUint32(rng);
  const layer = bits & 127;
  const j = bits >>> 8;
  if (j < (zigK[layer] as number)) {
    const x = j * (zigW[layer] as number);
    return (bits & 128) === 0 ? x : -x;
  }
  return normalSlowPath(rng, bits);
}

/**
 * Fills `target[0 … count − 1]` with standard normal deviates, exactly as `count` calls of `nextNormal` would,
 * keeping the generator in locals on the ziggurat's fast path (see `fillUniform`).
 */
export function fillNormal(rng: Prng, target: Float64Array, count: number): void {
  const s = rng.state;
  let s0 = (s[0] as number) | 0;
  let s1 = (s[1] as number) | 0;
  let s2 = (s[2] as number) | 0;
  let s3 = (s[3] as number) | 0;
  for (let i = 0; i < count; i++) {
    const x = Math.imul(s1, 5);
    const bits = Math.imul((x << 7) | (x >>> 25), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    const layer = bits & 127;
    const j = bits >>> 8;
    if (j < (zigK[layer] as number)) {
      const value = j * (zigW[layer] as number);
      target[i] = (bits & 128) === 0 ? value : -value;
    } else {
      s[0] = s0;
      s[1] = s1;
      s[2] = s2;
      s[3] = s3;
      target[i] = normalSlowPath(rng, bits);
      s0 = (s[0] as number) | 0;
      s1 = (s[1] as number) | 0;
      s2 = (s[2] as number) | 0;
      s3 = (s[3] as number) | 0;
    }
  }
  s[0] = s0;
  s[1] = s1;
  s[2] = s2;
  s[3] = s3;
}

/** The ziggurat's rare cases: the base strip's tail and the wedges between layers. */
function normalSlowPath(rng: Prng, first: number): number {
  let bits = first;
  for (;;) {
    const layer = bits & 127;
    const negative = (bits & 128) !== 0;
    const j = bits >>> 8;
    const x = j * (zigW[layer] as number);
    if (j < (zigK[layer] as number)) return negative ? -x : x;
    if (layer === 0) {
      // The tail beyond R, by Marsaglia's (1964) exponential rejection.
      let a: number;
      let b: number;
      do {
        a = -Math.log(nextOpenUniform(rng)) / ZIG_R;
        b = -Math.log(nextOpenUniform(rng));
      } while (b + b < a * a);
      return negative ? -(ZIG_R + a) : ZIG_R + a;
    }
    const y =
      (zigF[layer] as number) + nextUniform(rng) * ((zigF[layer + 1] as number) - (zigF[layer] as number));
    if (y < density(x)) return negative ? -x : x;
    bits = nextUint32(rng);
  }
}

/** Uniform draws in [0, 1) from stream 0 of `seed`: the replayable randomness the statistics take. */
export function uniformSource(seed: number): () => number {
  const rng = prngForStream(seed, 0);
  return () => nextUniform(rng);
}
