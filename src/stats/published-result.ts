/**
 * The literature's published figures as data, and the checks of their inner consistency: a rate against its
 * printed percentage and "one in N", several sources' versions of one figure against each other, parts against
 * their printed total, an effect against its interval, and a table through `checkTable`.
 */
import { checkTable, type PublishedTable } from './check-table.js';

/** One source's version of a rate: a count out of a base, as printed. */
export interface RateFigure {
  /** Key of the work in the result's sources. */
  readonly source: string;
  /** The count of the quantity, when printed as such. */
  readonly count?: number;
  /** The count of the other outcome, when the source prints that instead (e.g. "39 of 64 failed"). */
  readonly complement?: number;
  /** The base the count is out of, when printed. */
  readonly of?: number;
  /** The printed percentage, and the decimals it was printed with. */
  readonly percent?: number;
  readonly decimals?: number;
  /** A printed "about one in N". */
  readonly oneIn?: number;
  /** The source's words, for the reader. */
  readonly printed?: string;
}

export interface PartFigure {
  readonly id: string;
  readonly label: string;
  readonly source: string;
  readonly count: number;
}

export interface EffectFigure {
  readonly source: string;
  readonly value: number;
  readonly unit: string;
  /** Printed as "about" the value. */
  readonly approximate: boolean;
  readonly interval?: readonly [number, number];
  readonly standardError?: number;
  readonly printed?: string;
}

interface ResultHead {
  readonly id: string;
  readonly title: string;
  /** Keys of the cited works, each with the line that names it. */
  readonly sources: Readonly<Record<string, string>>;
}

export type PublishedResult =
  | (ResultHead & {
      readonly kind: 'rate';
      readonly quantity: string;
      readonly figures: readonly RateFigure[];
    })
  | (ResultHead & {
      readonly kind: 'parts';
      readonly total: { readonly source: string; readonly count: number };
      readonly parts: readonly PartFigure[];
    })
  | (ResultHead & { readonly kind: 'effect'; readonly estimate: EffectFigure })
  | (ResultHead & { readonly kind: 'table'; readonly table: PublishedTable });

export type PublishedResultKind = PublishedResult['kind'];

export interface PublishedFault {
  readonly kind:
    | 'count-over-base'
    | 'share'
    | 'one-in'
    | 'sources-disagree'
    | 'parts-sum'
    | 'interval'
    | 'table';
  readonly message: string;
}

export interface PublishedCheck {
  readonly faults: readonly PublishedFault[];
  /** What the figures imply or leave unchecked, for the reader; not faults. */
  readonly notes: readonly string[];
}

/** The count a rate figure stands for: printed, or its base less the printed complement. */
export function figureCount(figure: RateFigure): number | undefined {
  if (figure.count !== undefined) return figure.count;
  if (figure.complement !== undefined && figure.of !== undefined) return figure.of - figure.complement;
  return undefined;
}

// A printed figure of d decimals stands for any value within half a unit of its last digit; the small extra
// absorbs binary rounding.
const EPSILON = 1e-9;
const percentText = (x: number, decimals: number) => `${x.toFixed(decimals)} %`;

function checkRate(figures: readonly RateFigure[], cite: (key: string) => string): PublishedCheck {
  const faults: PublishedFault[] = [];
  const notes: string[] = [];
  for (const f of figures) {
    const count = figureCount(f);
    const who = cite(f.source);
    if (f.of !== undefined && (count ?? 0) > f.of) {
      faults.push({
        kind: 'count-over-base',
        message: `${who}: a count of ${count} is more than its base of ${f.of}`,
      });
      continue;
    }
    if (f.percent !== undefined && count !== undefined && f.of !== undefined) {
      const decimals = f.decimals ?? 0;
      const exact = (100 * count) / f.of;
      if (Math.abs(exact - f.percent) > 10 ** -decimals / 2 + EPSILON) {
        const fits = Math.round((f.percent * f.of) / 100);
        faults.push({
          kind: 'share',
          message:
            `${who}: printed ${percentText(f.percent, decimals)}, but ${count}/${f.of} = ` +
            `${percentText(exact, decimals + 1)}; ${percentText(f.percent, decimals)} of ${f.of} is ${fits}, not ${count}`,
        });
      }
    }
    if (f.oneIn !== undefined && count !== undefined) {
      const bases =
        f.of !== undefined
          ? [{ of: f.of, from: f }]
          : figures
              .filter((g) => g.of !== undefined && g !== f)
              .map((g) => ({ of: g.of as number, from: g }));
      for (const { of, from } of bases) {
        const ratio = of / count;
        if (Math.round(ratio) !== f.oneIn) {
          const where = from === f ? '' : ` with the base of ${of} that ${cite(from.source)} gives`;
          faults.push({
            kind: 'one-in',
            message:
              `${who}: "about one in ${f.oneIn}"${where} would be about ${Math.round(of / f.oneIn)} of ${of}, ` +
              `but ${count} of ${of} is one in ${ratio.toFixed(1)}`,
          });
        }
      }
      if (bases.length === 0)
        notes.push(
          `${who}: one in ${f.oneIn} with a count of ${count} implies a base of about ${count * f.oneIn}`,
        );
    }
  }
  // Versions of the same figure from different works should agree.
  for (let i = 0; i < figures.length; i++) {
    for (let j = i + 1; j < figures.length; j++) {
      const a = figures[i] as RateFigure;
      const b = figures[j] as RateFigure;
      const [ca, cb] = [figureCount(a), figureCount(b)];
      const countsDiffer = ca !== undefined && cb !== undefined && ca !== cb;
      const basesDiffer = a.of !== undefined && b.of !== undefined && a.of !== b.of;
      if (!countsDiffer && !basesDiffer) continue;
      const state = (f: RateFigure, c: number | undefined) =>
        `${c ?? '?'}${f.of === undefined ? '' : ` of ${f.of} (${percentText((100 * (c ?? 0)) / f.of, 1)})`}`;
      const gaps = [
        ...(countsDiffer ? [`${Math.abs((ca as number) - (cb as number))} in the count`] : []),
        ...(basesDiffer ? [`${Math.abs((a.of as number) - (b.of as number))} in the base`] : []),
      ];
      faults.push({
        kind: 'sources-disagree',
        message: `${cite(a.source)}: ${state(a, ca)}; ${cite(b.source)}: ${state(b, cb)}; the sources disagree by ${gaps.join(' and ')}`,
      });
    }
  }
  return { faults, notes };
}

function checkParts(
  result: Extract<PublishedResult, { kind: 'parts' }>,
  cite: (key: string) => string,
): PublishedCheck {
  const sum = result.parts.reduce((s, p) => s + p.count, 0);
  const faults: PublishedFault[] =
    sum === result.total.count
      ? []
      : [
          {
            kind: 'parts-sum',
            message: `${cite(result.total.source)} gives a total of ${result.total.count}, but the parts sum to ${result.parts.map((p) => p.count).join(' + ')} = ${sum}`,
          },
        ];
  const from = new Set([result.total.source, ...result.parts.map((p) => p.source)]);
  const notes =
    from.size > 1
      ? [`the total and its parts come from ${from.size} works: ${[...from].map(cite).join('; ')}`]
      : [];
  return { faults, notes };
}

function checkEffect(e: EffectFigure, cite: (key: string) => string): PublishedCheck {
  const faults: PublishedFault[] = [];
  const who = cite(e.source);
  if (e.interval !== undefined) {
    const [lo, hi] = e.interval;
    if (!(lo <= e.value && e.value <= hi))
      faults.push({
        kind: 'interval',
        message: `${who}: the estimate ${e.value} lies outside its interval ${lo} to ${hi}`,
      });
    if (e.standardError !== undefined) {
      const half = 1.959963984540054 * e.standardError;
      const tolerance = Math.max(Math.abs(e.value), half) * 0.05;
      if (Math.abs(e.value - half - lo) > tolerance || Math.abs(e.value + half - hi) > tolerance)
        faults.push({
          kind: 'interval',
          message: `${who}: ${e.value} ± 1.96 × ${e.standardError} is ${(e.value - half).toFixed(2)} to ${(e.value + half).toFixed(2)}, not the printed ${lo} to ${hi}`,
        });
    }
  }
  const notes =
    e.interval === undefined && e.standardError === undefined
      ? [
          `${who} prints the estimate ${e.approximate ? 'as about ' : ''}${e.value} ${e.unit} alone, with no interval or standard error to check it against`,
        ]
      : [];
  return { faults, notes };
}

/**
 * The inner-consistency faults of a published result, and notes on what its figures imply.
 *
 * @example
 * checkPublished(orourke).faults[0].message;
 * // "O'Rourke 2018: 25 of 64 (39.1 %); Downes and O'Rourke 2016: 24 of 63 (38.1 %); the sources disagree by
 * //  1 in the count and 1 in the base"
 */
export function checkPublished(result: PublishedResult): PublishedCheck {
  const cite = (key: string) => result.sources[key] ?? key;
  switch (result.kind) {
    case 'rate':
      return checkRate(result.figures, cite);
    case 'parts':
      return checkParts(result, cite);
    case 'effect':
      return checkEffect(result.estimate, cite);
    case 'table': {
      const { faults } = checkTable(result.table);
      return { faults: faults.map((f) => ({ kind: 'table', message: f.message })), notes: [] };
    }
  }
}
