/** Turns episodes into a logistic-regression design: a binary outcome and dummy-coded predictors. */
import {
  categoriesOf,
  EPISODE_FIELD_KINDS,
  type Episode,
  type EpisodeFieldName,
  type FieldKind,
  InputError,
  isEpisodeFieldName,
  levelsOf,
} from '../domain/index.js';
import type { LogisticData } from './logistic-regression.js';

/** The outcome counted as a success when the formula names only the field. */
const DEFAULT_EVENT: Partial<Record<EpisodeFieldName, string>> = {
  proxyOutcome: 'won',
  payoff: 'kept',
  defected: 'yes',
  exposed: 'yes',
  dispute: 'yes',
  grievance: 'yes',
  covert: 'true',
};

/** Fields whose integer values are numbers; other integer fields (state codes) are categories. */
const NUMERIC_FIELDS = new Set<EpisodeFieldName>(['startYear', 'endYear']);

export interface Formula {
  readonly outcome: EpisodeFieldName;
  readonly event: string;
  readonly predictors: readonly EpisodeFieldName[];
  /** The reference level a predictor was given (`~ side=incumbent`); otherwise its first level is. */
  readonly references?: Readonly<Partial<Record<EpisodeFieldName, string>>>;
}

export interface EpisodeDesign {
  readonly formula: Formula;
  readonly data: LogisticData;
  /** The category each categorical predictor is compared with. */
  readonly references: Readonly<Record<string, string>>;
  /** Episodes left out, and why: an outcome that is neither the event nor a known other value. */
  readonly excluded: readonly { readonly reason: string; readonly episodes: number }[];
}

const fieldIssue = (name: string, message: string, hint: string) =>
  new InputError({ field: 'formula', value: name, message, hint });

/** `proxyOutcome ~ side + targetClass`, `proxyOutcome=won ~ side`, or `… ~ side=incumbent` for a reference level. */
export function parseFormula(text: string): Formula {
  const [left = '', right = '', ...rest] = text.split('~').map((s) => s.trim());
  if (rest.length > 0 || left === '' || right === '')
    throw new InputError({
      field: 'formula',
      value: text,
      message: 'expected OUTCOME ~ FIELD + FIELD …',
      hint: 'e.g. proxyOutcome ~ side + targetClass',
    });
  const [outcomeName = '', explicitEvent] = left.split('=').map((s) => s.trim());
  if (!isEpisodeFieldName(outcomeName))
    throw fieldIssue(
      outcomeName,
      'unknown outcome field',
      `fields: ${Object.keys(EPISODE_FIELD_KINDS).join(', ')}`,
    );
  const event = explicitEvent ?? DEFAULT_EVENT[outcomeName];
  if (event === undefined)
    throw fieldIssue(outcomeName, 'which value counts as the event?', `write ${outcomeName}=VALUE`);
  const kind: FieldKind = EPISODE_FIELD_KINDS[outcomeName];
  if (kind.type === 'codes' || kind.type === 'integers' || kind.type === 'text')
    throw fieldIssue(
      outcomeName,
      'an outcome must be a single coded value',
      'e.g. proxyOutcome, payoff, defected',
    );
  if (kind.type === 'code' && !(kind.values as readonly string[]).includes(event))
    throw fieldIssue(event, `not a value of ${outcomeName}`, `allowed: ${kind.values.join(', ')}`);
  const terms = right.split('+').map((s) =>
    s
      .trim()
      .split('=')
      .map((t) => t.trim()),
  );
  const predictors = terms.map(([name = '']) => name);
  const references: Partial<Record<EpisodeFieldName, string>> = {};
  for (const [name = '', level, ...extra] of terms) {
    if (level === undefined) continue;
    const predictorKind = isEpisodeFieldName(name) ? EPISODE_FIELD_KINDS[name] : undefined;
    if (extra.length > 0 || level === '' || predictorKind === undefined) continue; // the checks below name the field, or the term is malformed and the field check catches it
    if (predictorKind.type !== 'code' && predictorKind.type !== 'boolean' && predictorKind.type !== 'integer')
      throw fieldIssue(
        `${name}=${level}`,
        'only a categorical predictor has a reference level',
        `write ${name} alone`,
      );
    if (predictorKind.type === 'code' && !(predictorKind.values as readonly string[]).includes(level))
      throw fieldIssue(level, `not a value of ${name}`, `allowed: ${predictorKind.values.join(', ')}`);
    references[name as EpisodeFieldName] = level;
  }
  for (const p of predictors) {
    if (!isEpisodeFieldName(p))
      throw fieldIssue(
        p,
        'unknown predictor field',
        `fields: ${Object.keys(EPISODE_FIELD_KINDS).join(', ')}`,
      );
    if (p === outcomeName)
      throw fieldIssue(p, 'the outcome cannot also be a predictor', 'remove it from the right-hand side');
  }
  return {
    outcome: outcomeName,
    event,
    predictors: predictors as EpisodeFieldName[],
    ...(Object.keys(references).length > 0 ? { references } : {}),
  };
}

/**
 * Codes the outcome 1 for the event and 0 for any other known value ("unknown" and, for the proxy's outcome,
 * "partial" are left out and counted). Categorical predictors become one dummy per level, the reference being
 * the level the formula names (`side=incumbent`) or else the first in codebook order; list fields become one
 * indicator per value.
 */
export function episodeDesign(episodes: readonly Episode[], formula: Formula): EpisodeDesign {
  const leftOut = new Map<string, number>();
  const used = episodes.filter((e) => {
    const value = categoriesOf(e, formula.outcome)[0] ?? '';
    const reason =
      value === 'unknown'
        ? `${formula.outcome} unknown`
        : value === 'partial'
          ? `${formula.outcome} partial`
          : undefined;
    if (reason !== undefined) leftOut.set(reason, (leftOut.get(reason) ?? 0) + 1);
    return reason === undefined;
  });
  const columns: { name: string; value: (e: Episode) => number }[] = [];
  const references: Record<string, string> = {};
  for (const field of formula.predictors) {
    const kind = EPISODE_FIELD_KINDS[field];
    if (NUMERIC_FIELDS.has(field)) {
      columns.push({ name: field, value: (e) => Number(categoriesOf(e, field)[0]) });
      continue;
    }
    const levels = levelsOf(
      field,
      used.flatMap((e) => categoriesOf(e, field)),
    );
    const list = kind.type === 'codes' || kind.type === 'integers';
    const chosen = formula.references?.[field];
    if (chosen !== undefined && !levels.includes(chosen))
      throw fieldIssue(
        `${field}=${chosen}`,
        `no episode in the model has ${field} ${chosen}`,
        `choose one of ${levels.join(', ')}`,
      );
    const reference = chosen ?? levels[0];
    const dummies = list ? levels : levels.filter((l) => l !== reference);
    if (!list && reference !== undefined) references[field] = reference;
    for (const level of dummies)
      columns.push({
        name: `${field}:${level}`,
        value: (e) => (categoriesOf(e, field).includes(level) ? 1 : 0),
      });
  }
  return {
    formula,
    references,
    excluded: [...leftOut].map(([reason, n]) => ({ reason, episodes: n })),
    data: {
      predictorNames: columns.map((c) => c.name),
      rows: used.map((e) => columns.map((c) => c.value(e))),
      successes: used.map((e) => (categoriesOf(e, formula.outcome)[0] === formula.event ? 1 : 0)),
    },
  };
}
