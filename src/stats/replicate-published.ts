/**
 * A published result set beside the same figure counted from the record: same universe (who interfered, where,
 * which years, which kind), same outcome, with the interval the record's count carries and the difference.
 */
import type { Episode } from '../domain/index.js';
import { figureCount, type PublishedResult } from './published-result.js';
import { wilsonInterval } from './wilson-interval.js';

export type EpisodeTest = (episode: Episode) => boolean;

/** Named groups of episodes: the values of one field that make each group. */
export interface EpisodeGrouping {
  readonly field: string;
  readonly groups: readonly { readonly id: string; readonly test: EpisodeTest }[];
}

/** How to count a published result from the record; the edge builds the tests from the file's selections. */
export interface ReplicationSpec {
  /** The universe: the episodes the published figure is about. */
  readonly universe: EpisodeTest;
  /** For a rate: which episodes count, and which make its base (the rest are left out and reported). */
  readonly outcome?: { readonly field: string; readonly counts: EpisodeTest; readonly base: EpisodeTest };
  /** For parts: one group a part, by id. */
  readonly parts?: EpisodeGrouping;
  /** For a table: its columns and rows, by id and by label. */
  readonly columns?: EpisodeGrouping;
  readonly rows?: EpisodeGrouping;
  /** Why the record cannot give this figure at all. */
  readonly unavailable?: string;
  readonly note?: string;
}

/** One figure: as published, as the record gives it, the 95 % Wilson interval of ours, and ours less theirs. */
export interface ReplicationLine {
  readonly figure: string;
  readonly published: string;
  readonly ours: string;
  /** For shares: ours as a percentage with its interval, and the difference in points. */
  readonly share?: {
    readonly published: number;
    readonly ours: number;
    readonly lower: number;
    readonly upper: number;
    /** Whether the published share lies inside our interval. */
    readonly inside: boolean;
  };
  /** Ours less published: episodes for counts, points for shares. */
  readonly difference?: number;
}

export interface Replication {
  readonly id: string;
  readonly title: string;
  /** Episodes of the record in the universe. */
  readonly universe: number;
  readonly lines: readonly ReplicationLine[];
  readonly notes: readonly string[];
  /** Set where the record cannot give the figure; then there are no lines. */
  readonly unavailable?: string;
}

const pct = (k: number, n: number) => (n === 0 ? Number.NaN : (100 * k) / n);
const round1 = (x: number) => Math.round(x * 10) / 10;

function shareLine(
  figure: string,
  published: { k: number; n: number },
  ours: { k: number; n: number },
): ReplicationLine {
  const theirs = pct(published.k, published.n);
  const mine = pct(ours.k, ours.n);
  const ci = ours.n === 0 ? { lower: Number.NaN, upper: Number.NaN } : wilsonInterval(ours.k, ours.n);
  const [lower, upper] = [100 * ci.lower, 100 * ci.upper];
  return {
    figure,
    published: `${published.k} of ${published.n}`,
    ours: `${ours.k} of ${ours.n}`,
    share: {
      published: round1(theirs),
      ours: round1(mine),
      lower: round1(lower),
      upper: round1(upper),
      inside: lower <= theirs && theirs <= upper,
    },
    difference: round1(mine - theirs),
  };
}

const countLine = (figure: string, published: number, ours: number): ReplicationLine => ({
  figure,
  published: String(published),
  ours: String(ours),
  difference: ours - published,
});

/**
 * Counts `result` from `episodes` as `spec` says, beside the published figures.
 *
 * @example
 * replicatePublished(orourke, spec, record).lines.map((l) => [l.figure, l.published, l.ours]);
 * // [['attempts (O'Rourke 2018)', '64', '39'], ['success (O'Rourke 2018)', '25 of 64', '14 of 38'], …]
 */
export function replicatePublished(
  result: PublishedResult,
  spec: ReplicationSpec,
  episodes: readonly Episode[],
): Replication {
  const inUniverse = episodes.filter(spec.universe);
  const notes = spec.note === undefined ? [] : [spec.note];
  const head = { id: result.id, title: result.title, universe: inUniverse.length };
  if (spec.unavailable !== undefined) return { ...head, lines: [], notes, unavailable: spec.unavailable };
  const cite = (key: string) => result.sources[key] ?? key;
  const lines: ReplicationLine[] = [];

  switch (result.kind) {
    case 'rate': {
      const base = spec.outcome === undefined ? inUniverse : inUniverse.filter(spec.outcome.base);
      const hits = spec.outcome === undefined ? [] : base.filter(spec.outcome.counts);
      for (const f of result.figures) {
        const count = figureCount(f);
        if (spec.outcome === undefined) {
          // The record holds the episodes, not the universe they are a share of: compare the counts.
          if (count !== undefined)
            lines.push(countLine(`count (${cite(f.source)})`, count, inUniverse.length));
        } else {
          if (f.of !== undefined) lines.push(countLine(`base (${cite(f.source)})`, f.of, inUniverse.length));
          if (count !== undefined && f.of !== undefined)
            lines.push(
              shareLine(
                `share (${cite(f.source)})`,
                { k: count, n: f.of },
                { k: hits.length, n: base.length },
              ),
            );
        }
      }
      const left = inUniverse.length - base.length;
      if (spec.outcome !== undefined && left > 0)
        notes.push(
          `${left} episode${left === 1 ? '' : 's'} of the universe left out of the base, ${left === 1 ? 'its' : 'their'} ${spec.outcome.field} outside it`,
        );
      break;
    }
    case 'parts': {
      const groups = spec.parts?.groups ?? [];
      for (const part of result.parts) {
        const group = groups.find((g) => g.id === part.id);
        if (group !== undefined)
          lines.push(
            countLine(
              `${part.label} (${cite(part.source)})`,
              part.count,
              inUniverse.filter(group.test).length,
            ),
          );
      }
      lines.push(countLine(`total (${cite(result.total.source)})`, result.total.count, inUniverse.length));
      break;
    }
    case 'table': {
      const table = result.table;
      const columns = spec.columns?.groups ?? [];
      const rows = spec.rows?.groups ?? [];
      const cells = (column: EpisodeTest | undefined) => {
        const inColumn =
          column === undefined
            ? inUniverse.filter((e) => columns.some((c) => c.test(e)))
            : inUniverse.filter(column);
        return { inColumn, counted: inColumn.filter((e) => rows.some((r) => r.test(e))) };
      };
      const label = (id: string) => table.labels?.[id] ?? id;
      const allColumns = [
        ...(table.totalColumn === undefined ? [] : [{ id: table.totalColumn, test: undefined }]),
        ...columns,
      ];
      for (const { id, test } of allColumns) {
        const { counted } = cells(test);
        const publishedBase =
          table.totalRow?.counts[id] ?? table.rows.reduce((s, r) => s + (r.counts[id] ?? 0), 0);
        for (const row of table.rows) {
          const rowTest = rows.find((r) => r.id === row.label)?.test;
          const printed = row.counts[id];
          if (rowTest === undefined || printed === undefined) continue;
          lines.push(
            shareLine(
              `${row.label}, ${label(id)}`,
              { k: printed, n: publishedBase },
              { k: counted.filter(rowTest).length, n: counted.length },
            ),
          );
        }
      }
      const outside = inUniverse.length - cells(undefined).counted.length;
      if (outside > 0)
        notes.push(
          `${outside} episode${outside === 1 ? ' of the universe falls' : 's of the universe fall'} outside the printed cells (${[spec.columns?.field, spec.rows?.field].filter(Boolean).join(' or ')} not among them)`,
        );
      break;
    }
    case 'effect':
      break;
  }
  return { ...head, lines, notes };
}
