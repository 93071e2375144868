/** Krippendorff's α: chance-corrected agreement among any number of coders, with missing codes, at four levels. */
import { InputError } from '../domain/input-error.js';

export const MEASUREMENT_LEVELS = ['nominal', 'ordinal', 'interval', 'ratio'] as const;
export type MeasurementLevel = (typeof MEASUREMENT_LEVELS)[number];

/** A code one coder gave one unit; null or undefined when that coder did not code it. */
export type Code = string | number | null | undefined;

export interface UnitDisagreement {
  /** Index of the unit in the input. */
  readonly unit: number;
  /** Codes the unit received (pairable: the unit has at least two). */
  readonly codes: number;
  /** The unit's mean disagreement over its pairs of codes relative to chance: 0 is full agreement, 1 chance. */
  readonly relative: number;
  /** The unit's share of all observed disagreement. */
  readonly share: number;
}

export interface KrippendorffAlpha {
  /** 1 − D_o/D_e; NaN when every code is the same, where agreement cannot be told from chance. */
  readonly alpha: number;
  readonly level: MeasurementLevel;
  readonly observedDisagreement: number;
  readonly expectedDisagreement: number;
  /** n, the number of pairable codes (those in units coded at least twice). */
  readonly pairableCodes: number;
  readonly pairableUnits: number;
  /** Units with any disagreement, the most discordant first. */
  readonly unitDisagreement: readonly UnitDisagreement[];
}

/**
 * The pieces of α that do not depend on which units are drawn, so the bootstrap can reuse them: the value
 * categories, and each pairable unit's contribution to the coincidence matrix.
 */
export interface ReliabilityData {
  readonly level: MeasurementLevel;
  /** The distinct codes, sorted (numerically where numeric); indices below refer to them. */
  readonly categories: readonly (string | number)[];
  /** Per pairable unit: its index, its code count m_u, and its coincidences (c, k, weight 1/(m_u − 1)). */
  readonly units: readonly {
    readonly unit: number;
    readonly codes: number;
    readonly pairs: readonly (readonly [number, number, number])[];
  }[];
}

/**
 * Krippendorff's α from the coincidence matrix (Krippendorff 2011, "Computing Krippendorff's
 * alpha-reliability"), with the difference functions δ² of the nominal, ordinal (ranks through the
 * marginal frequencies), interval and ratio metrics. `units[u][c]` is coder c's code for unit u.
 *
 * @see https://repository.upenn.edu/asc_papers/43/
 * @example
 * krippendorffAlpha([[0, 1], [1, 1], [0, 1], [0, 0], [0, 0], [0, 1], [0, 0], [0, 0], [1, 0], [0, 0]], 'nominal').alpha;
 * // 0.09523809523809534 (Krippendorff's binary example: 0.095)
 */
export function krippendorffAlpha(
  units: readonly (readonly Code[])[],
  level: MeasurementLevel = 'nominal',
): KrippendorffAlpha {
  return alphaOf(reliabilityData(units, level), undefined);
}

/** Collects categories and per-unit coincidences; throws when codes do not fit the level. */
export function reliabilityData(
  units: readonly (readonly Code[])[],
  level: MeasurementLevel,
): ReliabilityData {
  if (!MEASUREMENT_LEVELS.includes(level)) {
    throw new InputError({
      field: 'level',
      value: String(level),
      message: 'unknown level of measurement',
      hint: MEASUREMENT_LEVELS.join(', '),
    });
  }
  const present = units.map((codes) =>
    codes.filter((code): code is string | number => code !== null && code !== undefined),
  );
  const all = present.flat();
  if (level !== 'nominal') {
    const bad = all.find((code) => typeof code !== 'number' || !Number.isFinite(code));
    if (bad !== undefined) {
      throw new InputError({
        field: 'codes',
        value: String(bad),
        message: `${level} data need numeric codes`,
        hint: 'use the nominal level for labels',
      });
    }
    if (level === 'ratio' && all.some((code) => (code as number) < 0)) {
      throw new InputError({ field: 'codes', message: 'ratio data need non-negative codes' });
    }
  }
  const categories = [...new Set(all)].sort((a, b) =>
    typeof a === 'number' && typeof b === 'number'
      ? a - b
      : String(a) < String(b)
        ? -1
        : String(a) > String(b)
          ? 1
          : 0,
  );
  const index = new Map(categories.map((category, i) => [category, i]));
  const pairable = present.flatMap((codes, unit) => {
    if (codes.length < 2) return [];
    const weight = 1 / (codes.length - 1);
    const pairs: [number, number, number][] = [];
    codes.forEach((a, i) => {
      codes.forEach((b, j) => {
        if (i !== j) pairs.push([index.get(a) ?? 0, index.get(b) ?? 0, weight]);
      });
    });
    return [{ unit, codes: codes.length, pairs }];
  });
  return { level, categories, units: pairable };
}

/**
 * α over the given units, each counted as many times as it appears in `draw` (all once when undefined):
 * the bootstrap calls this with resampled unit indices.
 */
export function alphaOf(data: ReliabilityData, draw: readonly number[] | undefined): KrippendorffAlpha {
  const size = data.categories.length;
  const coincidences = Array.from({ length: size }, () => new Float64Array(size));
  const chosen =
    draw === undefined ? data.units : draw.map((i) => data.units[i]).filter((u) => u !== undefined);
  for (const unit of chosen) {
    for (const [c, k, weight] of unit.pairs)
      (coincidences[c] as Float64Array)[k] = (coincidences[c]?.[k] ?? 0) + weight;
  }
  const marginals = coincidences.map((row) => row.reduce((s, x) => s + x, 0));
  const n = marginals.reduce((s, x) => s + x, 0);
  const delta = differenceFunction(data, marginals);
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < size; c++) {
    for (let k = 0; k < size; k++) {
      const d = delta(c, k);
      observed += (coincidences[c]?.[k] ?? 0) * d;
      expected += (marginals[c] ?? 0) * (marginals[k] ?? 0) * d;
    }
  }
  const observedDisagreement = observed / n;
  const expectedDisagreement = expected / (n * (n - 1));
  const unitDisagreement =
    draw === undefined
      ? chosen
          .map((unit) => {
            const total = unit.pairs.reduce((s, [c, k, weight]) => s + weight * delta(c, k), 0);
            return {
              unit: unit.unit,
              codes: unit.codes,
              relative: total / unit.codes / expectedDisagreement,
              share: observed > 0 ? total / observed : 0,
            };
          })
          .filter((u) => u.share > 0)
          .sort((a, b) => b.relative - a.relative || b.share - a.share || a.unit - b.unit)
      : [];
  return {
    alpha: expectedDisagreement > 0 ? 1 - observedDisagreement / expectedDisagreement : Number.NaN,
    level: data.level,
    observedDisagreement,
    expectedDisagreement,
    pairableCodes: n,
    pairableUnits: chosen.length,
    unitDisagreement,
  };
}

/** δ²(c, k) for the level; the ordinal metric depends on the marginals of the units drawn. */
function differenceFunction(
  data: ReliabilityData,
  marginals: readonly number[],
): (c: number, k: number) => number {
  const values = data.categories as readonly number[];
  switch (data.level) {
    case 'nominal':
      return (c, k) => (c === k ? 0 : 1);
    case 'ordinal': {
      // Cumulative marginals make Σ_{g=c..k} n_g an O(1) difference.
      const cumulative = [0];
      for (const m of marginals) cumulative.push((cumulative.at(-1) ?? 0) + m);
      return (c, k) => {
        const low = Math.min(c, k);
        const high = Math.max(c, k);
        const between = (cumulative[high + 1] ?? 0) - (cumulative[low] ?? 0);
        return (between - ((marginals[c] ?? 0) + (marginals[k] ?? 0)) / 2) ** 2;
      };
    }
    case 'interval':
      return (c, k) => ((values[c] ?? 0) - (values[k] ?? 0)) ** 2;
    case 'ratio':
      return (c, k) => {
        const sum = (values[c] ?? 0) + (values[k] ?? 0);
        return sum === 0 ? 0 : (((values[c] ?? 0) - (values[k] ?? 0)) / sum) ** 2;
      };
  }
}
