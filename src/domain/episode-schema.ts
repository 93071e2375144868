/** The interference episode: the record's unit, as coded by docs/codebook.md. */
import { z } from 'zod';
import {
  BASIS_FIELDS,
  EPISODE_KINDS,
  MEANS,
  PAYOFFS,
  PROXY_OUTCOMES,
  PROXY_TYPES,
  RATIONALES,
  REFERENCE_DATASETS,
  SIDES,
  type TARGET_CLASSES,
  TRI_STATES,
} from './codebook.js';
import { sourceSchema } from './source-schema.js';

const year = z.int().min(1800).max(2100);
const cow = z.int().min(1).max(999);

/** Keeps multi-valued codes in codebook order, so that equal sets always serialise the same way. */
function codeSet<const T extends readonly [string, ...string[]]>(values: T, minimum: number) {
  const rank = new Map(values.map((v, i) => [v, i]));
  return z
    .array(z.enum(values))
    .min(minimum)
    .refine((list) => new Set(list).size === list.length, { message: 'a value is listed twice' })
    .transform((list) => [...list].sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0)));
}

/** One line of reason, like a source's fields: no line break and no `|`. */
const basisReason = z
  .string()
  .trim()
  .min(1, 'say why the sources give this value (for unknown: what was looked for)')
  .regex(/^[^|\r\n]*$/, 'a basis reason is one line without "|"');

/** What settles one coded value: the sources (by index) and datasets behind it, and why. */
export const basisEntrySchema = z.strictObject({
  sources: z.array(z.int().min(0)).default([]),
  datasets: z.array(z.enum(REFERENCE_DATASETS)).default([]),
  reason: basisReason,
  years: z.array(year).optional().describe('the years of the evidence, e.g. the disputes counted'),
  beyondWindow: z.literal(true).optional().describe('a stated exception: the value rests on a later event'),
});

export type BasisEntry = z.output<typeof basisEntrySchema>;

/** Keyed by field, in codebook order so that equal bases always serialise the same way. */
const basisSchema = z.strictObject(
  Object.fromEntries(BASIS_FIELDS.map((f) => [f, basisEntrySchema.optional()])) as Record<
    (typeof BASIS_FIELDS)[number],
    z.ZodOptional<typeof basisEntrySchema>
  >,
);

export const EPISODE_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const episodeInputSchema = z
  .strictObject({
    id: z
      .string()
      .regex(EPISODE_ID_PATTERN, 'an id is lower-case words joined by hyphens, e.g. usa-ita-1948-election'),
    title: z.string().trim().min(1),
    interferer: cow,
    partners: z
      .array(cow)
      .default([])
      .refine((list) => new Set(list).size === list.length, { message: 'a partner is listed twice' })
      .transform((list) => [...list].sort((a, b) => a - b)),
    target: cow,
    startYear: year,
    endYear: year.nullable(),
    kind: z.enum(EPISODE_KINDS),
    side: z.enum(SIDES),
    // Empty when the sources establish the interference but name none of its means.
    means: codeSet(MEANS, 0),
    covert: z.boolean(),
    rationale: codeSet(RATIONALES, 1),
    proxyName: z.string().trim().min(1),
    proxyType: z.enum(PROXY_TYPES),
    proxyOutcome: z.enum(PROXY_OUTCOMES),
    powerYear: year.nullable().default(null),
    alignedThrough: year.nullable().default(null),
    payoff: z.enum(PAYOFFS),
    payoffLostYear: year.nullable().default(null),
    defected: z.enum(TRI_STATES),
    defectedYear: year.nullable().default(null),
    exposed: z.enum(TRI_STATES),
    dispute: z.enum(TRI_STATES),
    grievance: z.enum(TRI_STATES),
    basis: basisSchema.default({}),
    notes: z.string().default(''),
    sources: z.array(sourceSchema).min(1, 'every episode needs at least one source'),
  })
  .superRefine((e, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (e.endYear !== null && e.endYear < e.startYear) issue('endYear', 'endYear comes before startYear');
    if (e.partners.includes(e.interferer)) issue('partners', 'the interferer is not its own partner');
    if (e.target === e.interferer || e.partners.includes(e.target))
      issue('target', 'the target cannot also be an interferer');
    if (e.payoffLostYear !== null && e.payoff !== 'lost')
      issue('payoffLostYear', 'a year the alignment was lost is given only when payoff is "lost"');
    if (e.payoffLostYear !== null && e.payoffLostYear < e.startYear)
      issue('payoffLostYear', 'the alignment cannot be lost before the episode starts');
    if (
      (e.payoff === 'kept' || e.payoff === 'lost') &&
      e.proxyOutcome !== 'won' &&
      e.proxyOutcome !== 'partial'
    )
      issue(
        'payoff',
        'an alignment is gained only through a proxy that won (or partly won); use "none" or "unknown"',
      );
    if (e.defectedYear !== null && e.defected !== 'yes')
      issue('defectedYear', 'a defection year is given only when defected is "yes"');
    if (e.defectedYear !== null && e.defectedYear < e.startYear)
      issue('defectedYear', 'the proxy cannot defect before the episode starts');
    const won = e.proxyOutcome === 'won' || e.proxyOutcome === 'partial';
    if (e.powerYear !== null && !won)
      issue('powerYear', 'a year of taking power is given only for a proxy that won or partly won');
    if (e.powerYear !== null && e.powerYear <= e.startYear)
      issue(
        'powerYear',
        'give powerYear only when the proxy took power after startYear; leave it null otherwise',
      );
    if (e.alignedThrough !== null && !won)
      issue('alignedThrough', 'alignment is observed only for a proxy that won or partly won');
    if (e.alignedThrough !== null && e.alignedThrough < (e.powerYear ?? e.startYear))
      issue('alignedThrough', 'the proxy cannot be aligned before it took power');
    for (const [field, entry] of Object.entries(e.basis)) {
      entry?.sources.forEach((index, i) => {
        if (index >= e.sources.length)
          ctx.addIssue({
            code: 'custom',
            path: ['basis', field, 'sources', i],
            message: `no source ${index}: the episode has ${e.sources.length} (numbered from 0)`,
          });
      });
    }
  });

/** An episode as written in a data file or sent by a user. */
export type EpisodeInput = z.input<typeof episodeInputSchema>;
/** An episode after validation, before the fields derived from the state list. */
export type CodedEpisode = z.output<typeof episodeInputSchema>;

/** The coded fields plus what the record derives; the class is never typed by hand. */
export type Episode = CodedEpisode & {
  /** Whether the target was a major power (COW list) in the episode's first year. */
  readonly targetClass: (typeof TARGET_CLASSES)[number];
};

/** The fields in the order documents, tables and CSV columns show them. */
export const EPISODE_FIELDS = [
  'id',
  'title',
  'interferer',
  'partners',
  'target',
  'targetClass',
  'startYear',
  'endYear',
  'kind',
  'side',
  'means',
  'covert',
  'rationale',
  'proxyName',
  'proxyType',
  'proxyOutcome',
  'powerYear',
  'alignedThrough',
  'payoff',
  'payoffLostYear',
  'defected',
  'defectedYear',
  'exposed',
  'dispute',
  'grievance',
  'basis',
  'notes',
  'sources',
] as const satisfies readonly (keyof Episode)[];

export type EpisodeField = (typeof EPISODE_FIELDS)[number];
