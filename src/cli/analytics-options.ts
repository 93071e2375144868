/** Options the analytics commands share: selections, exclusion rules, the interval method and the seed. */
import {
  type Episode,
  type EpisodeFieldName,
  InputError,
  isSeed,
  requireEpisodeField,
  SEED_HINT,
} from '../domain/index.js';
import {
  EXCLUSION_RULES,
  type ExclusionRule,
  isExclusionRule,
  PROPORTION_METHODS,
  type ProportionMethod,
} from '../stats/index.js';
import { loadStateTable, parseFilter, type RecordStore } from '../store/index.js';

export const fieldName = (name: string, role: string): EpisodeFieldName =>
  requireEpisodeField(name, { field: role });

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
  if (/^\d+$/.test(text) && isSeed(Number(text))) return Number(text);
  throw new InputError({
    code: 'not-a-seed',
    role: 'seed',
    value: text,
    message: 'not a seed',
    hint: SEED_HINT,
  });
}

export async function selectEpisodes(store: RecordStore, where: readonly string[]): Promise<Episode[]> {
  return store.listEpisodes(parseFilter(where, (name) => loadStateTable().find(name)?.cow));
}

export const EXCLUDE_HELP = `leave out episodes by a named rule (repeatable): ${Object.keys(EXCLUSION_RULES).join(', ')}`;
