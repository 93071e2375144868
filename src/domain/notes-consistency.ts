/**
 * Sentences in an episode's notes that state a level-2/3 value other than the one coded: notes are written
 * once and values revised by later searches, so "payoff is left unknown" can outlive the payoff's coding.
 */
import type { CodedEpisode } from './episode-schema.js';

type OutcomeField = 'payoff' | 'defected' | 'exposed' | 'grievance';

/** For each outcome field notes speak of, the sentences that state its value, built once from the words that name it. */
const PATTERNS = (
  [
    ['payoff', 'payoff'],
    ['defected', 'defected|defection'],
    ['exposed', 'exposed|exposure'],
    ['grievance', 'grievance'],
  ] as const
).map(([field, words]) => ({
  field: field as OutcomeField,
  // "payoff stays unknown", "exposure within ten years is left unknown", "payoff is unknown because"
  unknown: new RegExp(
    `\\b(?:${words})\\b(?: (?:within|for|here|in|at)\\b[^.;:,]{0,30}?)? (?:stays|remains|is left|is) unknown\\b`,
    'i',
  ),
  // "payoff and defection are left unknown"
  both: new RegExp(
    `(?:\\b(?:${words})\\b and \\w+|\\w+ and (?:${words})\\b) are (?:left |still )?unknown\\b`,
    'i',
  ),
  // "payoff is coded lost", "defected is coded yes"
  coded: new RegExp(`\\b(?:${words})\\b is coded (\\w+)`, 'i'),
}));

export interface NotesContradiction {
  readonly field: string;
  /** The value the sentence states, and the value coded. */
  readonly stated: string;
  readonly coded: string;
  readonly sentence: string;
}

const sentences = (text: string): string[] => text.split(/(?<=[.;])\s+/);

/**
 * Each claim in `notes` that a field is unknown while it is coded, or is coded as a value it does not hold.
 *
 * @example
 * notesContradictions({ notes: 'Payoff stays unknown: no source.', payoff: 'kept', … })
 * // [{ field: 'payoff', stated: 'unknown', coded: 'kept', sentence: 'Payoff stays unknown: no source.' }]
 */
export function notesContradictions(
  e: Pick<CodedEpisode, 'notes' | 'payoff' | 'defected' | 'exposed' | 'grievance'>,
): NotesContradiction[] {
  const found: NotesContradiction[] = [];
  for (const sentence of sentences(e.notes)) {
    for (const { field, unknown, both, coded } of PATTERNS) {
      const value = e[field];
      if ((unknown.test(sentence) || both.test(sentence)) && value !== 'unknown')
        found.push({ field, stated: 'unknown', coded: value, sentence });
      const stated = coded.exec(sentence)?.[1]?.toLowerCase();
      if (stated !== undefined && stated !== value && isValueWord(stated))
        found.push({ field, stated, coded: value, sentence });
    }
  }
  return found;
}

const VALUE_WORDS = new Set(['yes', 'no', 'unknown', 'kept', 'lost', 'none']);
const isValueWord = (word: string) => VALUE_WORDS.has(word);
