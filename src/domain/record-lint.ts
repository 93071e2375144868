/**
 * The record's standards beyond what a single episode's schema can check: a basis for every level-2/3
 * value, values inside the codebook's window, sources a reader can cite and that give the episode standing,
 * and `dispute` in step with the MID data and with the other episodes of the same pair of states.
 */
import { BASIS_FIELDS } from './codebook.js';
import { codingWindow, type DisputeOnset, disputeFromMid, pairKey, type YearSpan } from './coding-window.js';
import type { CodedEpisode } from './episode-schema.js';
import type { InputIssue } from './input-error.js';
import { notesContradictions } from './notes-consistency.js';
import { citationFindings } from './source-citation.js';

export const LINT_RULES = [
  'covert-kind',
  'basis-missing',
  'outside-window',
  'future-year',
  'before-power',
  'source-type',
  'standing',
  'uncitable-source',
  'defected-no-alignment',
  'dispute-mid',
  'dispute-pair',
  'reference-missing',
  'uncitable-host',
  'ip-host',
  'malformed-host',
  'bracketed-title',
  'duplicate-source',
  'notes-contradict',
] as const;

export type LintRule = (typeof LINT_RULES)[number];

export interface LintFinding extends InputIssue {
  readonly id: string;
  readonly rule: LintRule;
}

/** The MID extract the record carries: which pairs it covers, and the onsets of each pair's disputes. */
export interface MidReference {
  readonly pairs: ReadonlySet<string>;
  readonly onsets: ReadonlyMap<string, readonly DisputeOnset[]>;
}

export interface LintOptions {
  /** The year taken as now, for ongoing episodes and for years that cannot lie in the future. */
  readonly present: number;
  /** Without it the rules that compare with the MID data are skipped. */
  readonly mid?: MidReference;
  /** Whether to check that each source names the work at its own address (docs/codebook.md, "Citing the work"). */
  readonly citations?: boolean;
}

/** Level-2 and level-3 fields whose basis is always required; the proxy's years need one when given. */
const OUTCOME_FIELDS = ['payoff', 'defected', 'exposed', 'dispute', 'grievance'] as const;

/** Addresses a reader cannot cite: result pages of a search, and pages about words rather than events. */
const UNCITABLE_URL = [
  /[?&](q|query|search)=/i,
  /\/search(\/|$|\?)/i,
  /wordola\./i,
  /wordhippo\./i,
  /everything2\./i,
];

type Lintable = Pick<
  CodedEpisode,
  | 'id'
  | 'interferer'
  | 'target'
  | 'kind'
  | 'covert'
  | 'startYear'
  | 'endYear'
  | 'powerYear'
  | 'alignedThrough'
  | 'payoffLostYear'
  | 'defected'
  | 'defectedYear'
  | 'dispute'
  | 'payoff'
  | 'exposed'
  | 'grievance'
  | 'notes'
  | 'basis'
  | 'sources'
>;

const within = (w: YearSpan, y: number) => y >= w.from && y <= w.through;

function lintEpisode(e: Lintable, options: LintOptions): LintFinding[] {
  const found: LintFinding[] = [];
  const add = (rule: LintRule, field: string, message: string, hint?: string) =>
    found.push({ id: e.id, rule, field, message, ...(hint !== undefined ? { hint } : {}) });
  const window = codingWindow(e, options.present);
  const span = `${window.from}–${window.through}`;

  if (e.kind === 'covert-regime-change' && !e.covert)
    add(
      'covert-kind',
      'covert',
      'a covert-regime-change episode is covert by definition',
      'set covert: true, or choose another kind',
    );

  for (const field of BASIS_FIELDS) {
    const required =
      (OUTCOME_FIELDS as readonly string[]).includes(field) || e[field as 'powerYear'] !== null;
    if (required && e.basis[field] === undefined)
      add(
        'basis-missing',
        `basis.${field}`,
        `${field} has no basis`,
        'name the sources that settle it and one line of reason (for unknown: what was looked for)',
      );
  }

  // alignedThrough is not bounded by the window: the time to defection is followed as long as a source does.
  if (e.alignedThrough !== null && e.alignedThrough > options.present)
    add('future-year', 'alignedThrough', `${e.alignedThrough} is after the present (${options.present})`);
  const dated = [
    ['payoffLostYear', e.payoffLostYear, 'payoff'],
    ['defectedYear', e.defectedYear, 'defected'],
  ] as const;
  for (const [field, year, basisField] of dated) {
    if (year === null) continue;
    if (!within(window, year) && e.basis[basisField]?.beyondWindow !== true)
      add(
        'outside-window',
        field,
        `${year} lies outside the window ${span}`,
        `code the value the window shows, or mark basis.${basisField}.beyondWindow as a stated exception`,
      );
    if (year < (e.powerYear ?? e.startYear))
      add('before-power', field, `${year} comes before the proxy took power (${e.powerYear ?? e.startYear})`);
  }
  for (const field of OUTCOME_FIELDS) {
    const entry = e.basis[field];
    if (field === 'exposed' || entry?.beyondWindow === true) continue;
    for (const y of entry?.years ?? [])
      if (!within(window, y))
        add(
          'outside-window',
          `basis.${field}.years`,
          `${y} lies outside the window ${span}`,
          `leave it out, or mark basis.${field}.beyondWindow`,
        );
  }
  if (e.defected === 'no' && e.alignedThrough === null && e.powerYear !== null)
    add(
      'defected-no-alignment',
      'alignedThrough',
      'defected is "no" but no year of observed alignment is given',
      'give alignedThrough, the last year a source shows the proxy aligned',
    );

  e.sources.forEach((s, i) => {
    if (s.type === undefined)
      add(
        'source-type',
        `sources[${i}].type`,
        'the source has no type',
        'official, scholarly, press, reference or other',
      );
    if (s.url !== undefined && UNCITABLE_URL.some((re) => re.test(s.url as string)))
      add(
        'uncitable-source',
        `sources[${i}].url`,
        `${s.url} is not a work a reader can cite (a search page or a page about words)`,
        'cite the work itself at its own address',
      );
  });
  const weighty = e.sources.filter((s) => s.type === 'official' || s.type === 'scholarly').length;
  if (weighty === 0 && e.sources.length < 2)
    add(
      'standing',
      'sources',
      'the episode rests on a single source that is neither official nor scholarly',
      'add an official or scholarly source, or a second independent one',
    );

  if (options.citations === true)
    for (const c of citationFindings(e.sources)) add(c.rule, c.field, c.message, c.hint);

  for (const c of notesContradictions(e))
    add(
      'notes-contradict',
      'notes',
      `the notes say ${c.field} is ${c.stated}, but it is coded ${c.coded}: "${c.sentence}"`,
      'rewrite the sentence to the value coded (its basis gives the grounds)',
    );

  const mid = options.mid;
  if (mid !== undefined) {
    const pair = pairKey(e.interferer, e.target);
    if (!mid.pairs.has(pair))
      add(
        'reference-missing',
        'dispute',
        `the reference extracts do not cover the pair ${pair}`,
        'rebuild them: scripts/reference/rebuild.sh PEACESCIENCER_GIT_DIR',
      );
    else {
      const coding = disputeFromMid(window, mid.onsets.get(pair) ?? []);
      if (coding !== undefined && coding.dispute !== e.dispute)
        add(
          'dispute-mid',
          'dispute',
          `dispute is "${e.dispute}" but the MID data say "${coding.dispute}" for ${span}${coding.years.length > 0 ? ` (onsets ${coding.years.join(', ')})` : ''}`,
          'recode: node scripts/reference/code-disputes.mjs',
        );
    }
  }
  return found;
}

/** A dispute year one episode counts that another episode of the same pair, whose window holds it, denies. */
function lintDisputePairs(episodes: readonly Lintable[], present: number): LintFinding[] {
  const found: LintFinding[] = [];
  const byPair = new Map<string, Lintable[]>();
  for (const e of episodes) {
    const key = pairKey(e.interferer, e.target);
    byPair.set(key, [...(byPair.get(key) ?? []), e]);
  }
  for (const group of byPair.values())
    for (const yes of group.filter((e) => e.dispute === 'yes'))
      for (const year of yes.basis.dispute?.years ?? [])
        for (const other of group)
          if (other.dispute === 'no' && within(codingWindow(other, present), year))
            found.push({
              id: other.id,
              rule: 'dispute-pair',
              field: 'dispute',
              message: `dispute is "no" but ${yes.id} counts a dispute of the same pair in ${year}, inside this window`,
              hint: 'code both episodes of the pair from the same evidence',
            });
  return found;
}

/** Every finding, episode by episode in record order, then those across episodes. */
export function lintRecord(episodes: readonly Lintable[], options: LintOptions): LintFinding[] {
  return [
    ...episodes.flatMap((e) => lintEpisode(e, options)),
    ...lintDisputePairs(episodes, options.present),
  ];
}
