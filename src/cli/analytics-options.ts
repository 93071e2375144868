/** Options the analytics commands share: selections, exclusion rules, the interval method and the seed. */
import {
  closest,
  EPISODE_FIELD_KINDS,
  type Episode,
  type EpisodeFieldName,
  InputError,
  isEpisodeFieldName,
} from '../domain/index.js';
import { nextUniform, prngForStream } from '../sim/prng.js';
import {
  EXCLUSION_RULES,
  type ExclusionRule,
  isExclusionRule,
  PROPORTION_METHODS,
  type ProportionMethod,
  type RandomSource,
} from '../stats/index.js';
import { loadStateTable, parseFilter, type RecordStore } from '../store/index.js';

export function fieldName(name: string, role: string): EpisodeFieldName {
  if (isEpisodeFieldName(name)) return name;
  const guess = closest(name, Object.keys(EPISODE_FIELD_KINDS));
  throw new InputError({
    field: role,
    value: name,
    message: 'unknown field',
    hint:
      guess !== undefined
        ? `did you mean ${guess}?`
        : `fields: ${Object.keys(EPISODE_FIELD_KINDS).join(', ')}`,
  });
}

export function exclusionRules(names: readonly string[]): ExclusionRule[] {
  return names.map((name) => {
    if (isExclusionRule(name)) return name;
    throw new InputError({
      field: '--exclude',
      value: name,
      message: 'unknown exclusion rule',
      hint: `rules: ${Object.keys(EXCLUSION_RULES).join(', ')}`,
    });
  });
}

export function proportionMethod(name: string): ProportionMethod {
  if ((PROPORTION_METHODS as readonly string[]).includes(name)) return name as ProportionMethod;
  throw new InputError({
    field: '--method',
    value: name,
    message: 'unknown interval method',
    hint: PROPORTION_METHODS.join(', '),
  });
}

export function seedValue(text: string): number {
  if (/^\d+$/.test(text) && Number(text) <= 0xffffffff) return Number(text);
  throw new InputError({
    field: '--seed',
    value: text,
    message: 'not a seed',
    hint: 'a whole number from 0 to 4294967295',
  });
}

/** A replayable uniform source for the statistics, from a seed. */
export function randomFromSeed(seed: number): RandomSource {
  const rng = prngForStream(seed, 0);
  return () => nextUniform(rng);
}

export async function selectEpisodes(store: RecordStore, where: readonly string[]): Promise<Episode[]> {
  return store.listEpisodes(parseFilter(where, (name) => loadStateTable().find(name)?.cow));
}

export const EXCLUDE_HELP = `leave out episodes by a named rule (repeatable): ${Object.keys(EXCLUSION_RULES).join(', ')}`;
