/** The traced case: dated, sourced events tagged with the article's mechanisms, and the hypotheses weighed on them. */
import { z } from 'zod';
import { RATIONALES } from './codebook.js';
import { EPISODE_ID_PATTERN } from './episode-schema.js';
import { sourceSchema } from './source-schema.js';

/**
 * The article's mechanisms, as tags on an event (see docs/tracing.md). `context` marks a background event that
 * carries no mechanism but that the timeline needs (the fall of the Qing, the founding of the PRC).
 */
export const CASE_TAGS = [
  'support-given',
  'leverage-exercised',
  'leverage-lost',
  'grievance',
  'concession',
  'defection',
  'rationale-shift',
  'context',
] as const;
export type CaseTag = (typeof CASE_TAGS)[number];

/** How far the analyst trusts a piece of evidence, and how much it bears on the question (Heuer's ACH). */
export const EVIDENCE_GRADES = ['high', 'medium', 'low'] as const;
export type EvidenceGrade = (typeof EVIDENCE_GRADES)[number];

const text = z.string().trim().min(1);
const year = z.int().min(1000).max(2100);
const slug = z
  .string()
  .regex(EPISODE_ID_PATTERN, 'an id is lower-case words joined by hyphens, e.g. 1923-borodin');
const label = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9-]*$/, 'a label is a letter then letters, digits or hyphens: H1, E12');
const episodeId = z
  .string()
  .regex(EPISODE_ID_PATTERN, 'an episode id is lower-case words joined by hyphens, e.g. rus-chn-1921-ccp');

const DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function validDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (match === null) return false;
  const [, y, m, d] = match;
  if (m === undefined) return true;
  const month = Number(m);
  if (month < 1 || month > 12) return false;
  if (d === undefined) return true;
  // Day 0 of the next month is the last day of this one, leap years included.
  const last = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
  return Number(d) >= 1 && Number(d) <= last;
}

/**
 * A date at the precision the source gives: `1921`, `1927-07` or `1945-08-14`. YAML reads a bare year as a number,
 * so a whole year is accepted as one and kept as text.
 */
export const caseDateSchema = z
  .union([year, z.string()])
  .transform((value) => String(value))
  .refine(validDate, { message: 'a date is YYYY, YYYY-MM or YYYY-MM-DD (a real day)' });

/** The year a case date falls in. */
export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

function uniqueList<T extends z.ZodType<string>>(item: T, what: string, minimum = 0, tooFew = '') {
  return z
    .array(item)
    .min(minimum, tooFew)
    .refine((list) => new Set(list).size === list.length, { message: `${what} is listed twice` });
}

export const caseEventSchema = z
  .strictObject({
    id: slug,
    date: caseDateSchema,
    /** The last date of an event that spans time (the Long March, a decade of funding). */
    endDate: caseDateSchema.optional(),
    /** The source dates the event only roughly ("in the early 1920s", "after Stalin's death"). */
    circa: z.boolean().default(false),
    actors: z.array(text).min(1, 'name at least one actor'),
    summary: text.describe('what happened, in our own words'),
    tags: uniqueList(z.enum(CASE_TAGS), 'a tag', 1, 'give at least one tag'),
    /** Only with the `rationale-shift` tag: the interferer's aim before (null if it had none yet) and after. */
    rationale: z.strictObject({ from: z.enum(RATIONALES).nullable(), to: z.enum(RATIONALES) }).optional(),
    episodes: uniqueList(episodeId, 'an episode').default([]),
    sources: z.array(sourceSchema).min(1, 'every event needs at least one source'),
    notes: z.string().default(''),
  })
  .superRefine((event, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (event.endDate !== undefined && event.endDate < event.date)
      issue('endDate', 'endDate comes before date');
    const shifts = event.tags.includes('rationale-shift');
    if (shifts && event.rationale === undefined)
      issue('rationale', 'a rationale-shift names the rationale it shifts to: rationale: { from, to }');
    if (!shifts && event.rationale !== undefined)
      issue('rationale', 'a rationale is given only with the rationale-shift tag');
    if (event.rationale !== undefined && event.rationale.from === event.rationale.to)
      issue('rationale', 'a shift goes from one rationale to another');
  });

export type CaseEventInput = z.input<typeof caseEventSchema>;
export type CaseEvent = z.output<typeof caseEventSchema>;

export const caseSchema = z
  .strictObject({
    id: slug,
    title: text,
    interferer: z.int().min(1).max(999).describe('COW code'),
    target: z.int().min(1).max(999).describe('COW code'),
    proxy: text,
    period: z.strictObject({ from: year, to: year }),
    /** The event at which the proxy took power; null while it has not. */
    ascent: slug.nullable(),
    /** The event that marks the break between interferer and former proxy; null while there is none. */
    break: slug.nullable(),
    episodes: uniqueList(episodeId, 'an episode', 1, 'link the case to its episodes'),
    /** The works the events cite, listed once; in YAML the events point into this list with anchors. */
    sources: z.array(sourceSchema).default([]),
    events: z.array(caseEventSchema).min(1),
    notes: z.string().default(''),
  })
  .superRefine((c, ctx) => {
    if (c.period.to < c.period.from)
      ctx.addIssue({ code: 'custom', path: ['period', 'to'], message: 'the period ends before it starts' });
    const seen = new Set<string>();
    c.events.forEach((event, i) => {
      if (seen.has(event.id))
        ctx.addIssue({ code: 'custom', path: ['events', i, 'id'], message: 'duplicate event id' });
      seen.add(event.id);
      for (const [field, date] of [
        ['date', event.date],
        ['endDate', event.endDate],
      ] as const) {
        if (date !== undefined && (yearOf(date) < c.period.from || yearOf(date) > c.period.to))
          ctx.addIssue({
            code: 'custom',
            path: ['events', i, field],
            message: `falls outside the case's period ${c.period.from}–${c.period.to}`,
          });
      }
      event.episodes.forEach((episode, j) => {
        if (!c.episodes.includes(episode))
          ctx.addIssue({
            code: 'custom',
            path: ['events', i, 'episodes', j],
            message: "an event links only to episodes the case lists under 'episodes'",
          });
      });
    });
    for (const field of ['ascent', 'break'] as const) {
      const id = c[field];
      if (id !== null && !seen.has(id))
        ctx.addIssue({ code: 'custom', path: [field], message: `no event has the id "${id}"` });
    }
  });

export type CaseInput = z.input<typeof caseSchema>;
export type Case = z.output<typeof caseSchema>;

/** A probability an analyst may state: never exactly 0 or 1, which no evidence could revise (Cromwell's rule). */
const probability = z.number().gt(0, 'a probability is above 0').lt(1, 'a probability is below 1');

export const hypothesisSchema = z.strictObject({
  id: label,
  title: text,
  statement: text,
  /** Omit every prior for equal priors. */
  prior: probability.optional(),
});
export type Hypothesis = z.output<typeof hypothesisSchema>;

export const evidenceSchema = z.strictObject({
  id: label,
  summary: text,
  /** The case events this evidence rests on. */
  events: uniqueList(slug, 'an event', 1, 'point at least one event'),
  credibility: z.enum(EVIDENCE_GRADES),
  relevance: z.enum(EVIDENCE_GRADES),
  /** P(E | H) for every hypothesis: how expected this evidence would be were the hypothesis true. */
  likelihoods: z.record(label, probability),
  /** Evidence this piece is not independent of (the same informant, the same event seen twice). */
  dependsOn: uniqueList(label, 'a piece of evidence').default([]),
  notes: z.string().default(''),
});
export type Evidence = z.output<typeof evidenceSchema>;

/** The sum of the priors may miss 1 by this much (three rounded thirds). */
const PRIOR_SUM_TOLERANCE = 0.005;

export const caseHypothesesSchema = z
  .strictObject({
    case: slug,
    question: text,
    hypotheses: z.array(hypothesisSchema).min(2, 'competing hypotheses are at least two'),
    evidence: z.array(evidenceSchema).min(1),
  })
  .superRefine((h, ctx) => {
    const ids = h.hypotheses.map((x) => x.id);
    h.hypotheses.forEach((x, i) => {
      if (ids.indexOf(x.id) !== i)
        ctx.addIssue({ code: 'custom', path: ['hypotheses', i, 'id'], message: 'duplicate hypothesis id' });
    });
    const priors = h.hypotheses.map((x) => x.prior);
    const given = priors.filter((p) => p !== undefined);
    if (given.length > 0 && given.length < priors.length)
      ctx.addIssue({
        code: 'custom',
        path: ['hypotheses', priors.indexOf(undefined), 'prior'],
        message: 'give a prior for every hypothesis, or for none (equal priors)',
      });
    const sum = given.reduce((a, b) => a + b, 0);
    if (given.length === priors.length && Math.abs(sum - 1) > PRIOR_SUM_TOLERANCE)
      ctx.addIssue({ code: 'custom', path: ['hypotheses'], message: `the priors sum to ${sum}, not 1` });
    const evidenceIds = h.evidence.map((e) => e.id);
    h.evidence.forEach((e, i) => {
      if (evidenceIds.indexOf(e.id) !== i)
        ctx.addIssue({ code: 'custom', path: ['evidence', i, 'id'], message: 'duplicate evidence id' });
      for (const id of ids)
        if (e.likelihoods[id] === undefined)
          ctx.addIssue({
            code: 'custom',
            path: ['evidence', i, 'likelihoods', id],
            message: `give P(E | ${id}), the likelihood of this evidence under every hypothesis`,
          });
      for (const key of Object.keys(e.likelihoods))
        if (!ids.includes(key))
          ctx.addIssue({
            code: 'custom',
            path: ['evidence', i, 'likelihoods', key],
            message: `no hypothesis has the id "${key}"`,
          });
      e.dependsOn.forEach((other, j) => {
        if (other === e.id || !evidenceIds.includes(other))
          ctx.addIssue({
            code: 'custom',
            path: ['evidence', i, 'dependsOn', j],
            message:
              other === e.id ? 'evidence does not depend on itself' : `no evidence has the id "${other}"`,
          });
      });
    });
  });

export type CaseHypothesesInput = z.input<typeof caseHypothesesSchema>;
export type CaseHypotheses = z.output<typeof caseHypothesesSchema>;

/** A problem found only by reading a case and its hypotheses together, located in the hypotheses file. */
export interface CaseCrossIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
  readonly value?: string;
}

/** Checks that hypotheses belong to the case and that their evidence points at events the case has. */
export function crossCheckHypotheses(c: Case, h: CaseHypotheses): CaseCrossIssue[] {
  const issues: CaseCrossIssue[] = [];
  if (h.case !== c.id)
    issues.push({ path: ['case'], message: `these hypotheses are for "${h.case}", not "${c.id}"` });
  const events = new Set(c.events.map((e) => e.id));
  h.evidence.forEach((e, i) => {
    e.events.forEach((id, j) => {
      if (!events.has(id))
        issues.push({
          path: ['evidence', i, 'events', j],
          message: `case "${c.id}" has no event "${id}"`,
          value: id,
        });
    });
  });
  return issues;
}

/** Checks that a case's episodes are in the record it is read beside. */
export function crossCheckEpisodes(c: Case, recordIds: ReadonlySet<string>): CaseCrossIssue[] {
  return c.episodes.flatMap((id, i) =>
    recordIds.has(id)
      ? []
      : [{ path: ['episodes', i], message: `the record has no episode "${id}"`, value: id }],
  );
}
