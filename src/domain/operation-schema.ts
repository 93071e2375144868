/** The proposed operation an assessment weighs: who meddles where, how, through whom, and how hard it presses. */
import { z } from 'zod';
import { EPISODE_KINDS, MEANS, RATIONALES, type TargetClass } from './codebook.js';
import { EPISODE_ID_PATTERN } from './episode-schema.js';
import { MAX_SEED } from './seed.js';

/** How big and self-sufficient a target is beyond the COW major-power list (see docs/assessment.md). */
export const TARGET_SIZES = ['small', 'middle', 'large'] as const;
export type TargetSize = (typeof TARGET_SIZES)[number];

/** A proposal always knows whom it backs, so the codebook's `unknown` side is not offered. */
export const OPERATION_SIDES = ['incumbent', 'challenger'] as const;
export type OperationSide = (typeof OPERATION_SIDES)[number];

/** Bounds shared with the simulation (docs/model.md), so that every accepted operation can be simulated. */
export const OPERATION_LIMITS = {
  intermediaries: { min: 0, max: 5 },
  horizon: { min: 1, max: 100, default: 10 },
  runs: { min: 100, max: 100_000, default: 2_000 },
  seed: { min: 0, max: MAX_SEED, default: 1 },
} as const;

const share = z.number().min(0).max(1);
const text = z.string().trim().min(1);

/** Multi-valued codes in codebook order, so that equal sets always serialise, hash and compare the same way. */
function codeSet<const T extends readonly [string, ...string[]]>(values: T, minimum: number) {
  const rank = new Map(values.map((v, i) => [v, i]));
  return z
    .array(z.enum(values))
    .min(minimum)
    .refine((list) => new Set(list).size === list.length, { message: 'a value is listed twice' })
    .transform((list) => [...list].sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0)));
}

/**
 * A state as a user writes it: a COW code (710), an abbreviation (`CHN`) or a name (`China`). The file reader
 * resolves it against the state list, so that the schema itself needs no data.
 */
export const stateReferenceSchema = z.union([z.int().min(1).max(999), text]);
export type StateReference = z.infer<typeof stateReferenceSchema>;

export const operationProxySchema = z.strictObject({
  name: text.describe('the party, person, faction or movement to be backed'),
  capability: share.describe("the proxy's own strength and competence, 0..1 (the model's κ)"),
  divergence: share.describe("the gap between the proxy's goals and the sponsor's, 0..1 (the model's δ0)"),
  intermediaries: z
    .int()
    .min(OPERATION_LIMITS.intermediaries.min)
    .max(OPERATION_LIMITS.intermediaries.max)
    .default(0)
    .describe('cut-outs, NGOs or contractors between sponsor and proxy (the model’s layers)'),
  nationalism: share.optional().describe('domestic reward for autonomy from the sponsor, 0..1 (ν)'),
});

export const operationSchema = z.strictObject({
  name: z
    .string()
    .regex(EPISODE_ID_PATTERN, 'a name is lower-case words joined by hyphens, e.g. small-state-election'),
  title: text,
  interferer: stateReferenceSchema,
  target: stateReferenceSchema,
  /** The year the operation would start; the target's class is read from the state list for this year. */
  year: z.int().min(1800).max(2100),
  kind: z.enum(EPISODE_KINDS),
  side: z.enum(OPERATION_SIDES),
  means: codeSet(MEANS, 1),
  covert: z.boolean(),
  rationale: codeSet(RATIONALES, 1),
  proxy: operationProxySchema,
  /** How hard the sponsor means to press its demands on the proxy (the model's heavy-handedness h). */
  pressure: share,
  /** Omitted: `large` for a major power, `middle` otherwise. */
  targetSize: z.enum(TARGET_SIZES).optional(),
  /** Yearly support as a share of a nominal budget; omitted, it follows from the means (docs/assessment.md). */
  aid: share.optional(),
  /** Yearly chance that the sponsor deals with the rival over the proxy's head. */
  opportunism: share.optional(),
  /** Years looked ahead; ten by default, the window in which the codebook judges payoff and hidden costs. */
  horizon: z
    .int()
    .min(OPERATION_LIMITS.horizon.min)
    .max(OPERATION_LIMITS.horizon.max)
    .default(OPERATION_LIMITS.horizon.default),
  seed: z
    .int()
    .min(OPERATION_LIMITS.seed.min)
    .max(OPERATION_LIMITS.seed.max)
    .default(OPERATION_LIMITS.seed.default),
  runs: z
    .int()
    .min(OPERATION_LIMITS.runs.min)
    .max(OPERATION_LIMITS.runs.max)
    .default(OPERATION_LIMITS.runs.default),
  notes: z.string().default(''),
});

/** An operation as written in a scenario file. */
export type OperationInput = z.input<typeof operationSchema>;
/** An operation after validation, its states still as written. */
export type OperationFile = z.output<typeof operationSchema>;

/** An operation with its states resolved to COW codes and the target's class derived, ready to assess. */
export type Operation = Omit<OperationFile, 'interferer' | 'target'> & {
  readonly interferer: number;
  readonly target: number;
  /** Derived from the state list for `year`, never typed, as in the record. */
  readonly targetClass: TargetClass;
};

/** The fields a scenario file may hold, as a user writes them (for "did you mean"). */
export const OPERATION_FIELDS: readonly string[] = [
  ...Object.keys(operationSchema.shape),
  ...Object.keys(operationProxySchema.shape).map((key) => `proxy.${key}`),
];
