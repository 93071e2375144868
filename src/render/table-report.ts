/** A record table as text, Markdown, CSV or JSON: counts, column shares with intervals, margins and the test. */
import { stringify } from 'csv-stringify/sync';
import { neutraliseCsvCell, percent } from '../domain/index.js';
import type { EpisodeTable } from '../stats/episode-table.js';
import type { ProportionEstimate } from '../stats/proportion-interval.js';
import { textTable } from './text-table.js';

export const TABLE_FORMATS = ['text', 'md', 'csv', 'json'] as const;
export type TableFormat = (typeof TABLE_FORMATS)[number];

const pct = (x: number) => percent(x, { digits: 1, space: false });

function cell(count: number, share: ProportionEstimate | null | undefined): string {
  if (share === null || share === undefined) return String(count);
  return `${count} (${pct(share.estimate)}; ${pct(share.interval.lower)}–${pct(share.interval.upper)})`;
}

const formatP = (p: number) => (p < 0.0001 ? p.toExponential(2) : p.toFixed(4));

/** The lines under a table: tests, warnings, exclusions, pooling, provenance. */
function footnotes(result: EpisodeTable, provenance: string): string[] {
  const { association } = result;
  const lines: string[] = [];
  const method = result.table.columnShares.flat().find((s) => s !== null)?.interval.method ?? 'wilson';
  lines.push(`cells: count (share of the column; 95% ${method} interval); n = ${result.episodes} episodes`);
  if (association.chiSquare !== null) {
    const c = association.chiSquare;
    lines.push(`chi-square(${c.df}) = ${c.statistic.toFixed(3)}, p = ${formatP(c.p)}`);
    lines.push(...c.warnings.map((w) => `warning: ${w}`));
  }
  if (association.fisher !== null)
    lines.push(`Fisher (${association.fisher.method}) p = ${formatP(association.fisher.p)}`);
  lines.push(...association.notes.map((n) => `note: ${n}`));
  if (result.sensitivity.length > 0)
    lines.push(
      `sensitivity: were every unknown ${result.row} ${result.sensitivity.map((s) => `${s.as}, p = ${formatP(s.p)}`).join('; ')} (${result.sensitivity[0]?.test})`,
    );
  if (result.multiValued)
    lines.push('note: a list field counts an episode under each of its values; shares may sum past 100%');
  for (const x of result.exclusions) lines.push(`excluded (${x.rule}): ${x.removed} — ${x.description}`);
  if (result.exclusions.length === 0) lines.push('excluded: none');
  lines.push(provenance);
  return lines;
}

function grid(result: EpisodeTable): string[][] {
  const { table } = result;
  const body = table.rowLevels.map((row, i) => [
    row,
    ...table.columnLevels.map((_, j) => cell(table.counts[i]?.[j] ?? 0, table.columnShares[i]?.[j])),
    cell(table.rowTotals[i] ?? 0, table.rowShares[i]),
  ]);
  return [...body, ['total', ...table.columnTotals.map(String), String(table.total)]];
}

function pooledLines(result: EpisodeTable): string[] {
  if (result.pooled === null) return [];
  const { table } = result;
  const lines = ['partially pooled shares (beta-binomial empirical Bayes; raw → pooled [interval]):'];
  result.pooled.forEach((row, i) => {
    if (row === null) return;
    const cells = row.columns.map((j, k) => {
      const c = row.pooling.cells[k];
      if (c === undefined) return '';
      return `${table.columnLevels[j]} ${pct(c.raw)} → ${pct(c.pooled)} [${pct(c.interval.lower)}–${pct(c.interval.upper)}]`;
    });
    lines.push(`  ${table.rowLevels[i]}: ${cells.join('; ')}`);
  });
  return lines;
}

export function formatEpisodeTable(result: EpisodeTable, format: TableFormat, provenance: string): string {
  const header = [`${result.row} \\ ${result.column}`, ...result.table.columnLevels, 'total'];
  switch (format) {
    case 'json':
      return `${JSON.stringify(result, null, 2)}\n`;
    case 'csv': {
      const { table } = result;
      const rows = table.rowLevels.flatMap((row, i) =>
        table.columnLevels.map((column, j) => {
          const share = table.columnShares[i]?.[j];
          return [
            row,
            column,
            table.counts[i]?.[j] ?? 0,
            share?.estimate ?? '',
            share?.interval.lower ?? '',
            share?.interval.upper ?? '',
          ];
        }),
      );
      // Text cells are guarded against formula injection, as the record's export is; numbers are numbers.
      const cells = [[result.row, result.column, 'count', 'share', 'lower', 'upper'], ...rows].map((row) =>
        row.map((cell) => (typeof cell === 'string' ? neutraliseCsvCell(cell) : cell)),
      );
      return stringify(cells, { record_delimiter: '\n' });
    }
    case 'md': {
      const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
      const table = [line(header), line(header.map(() => '---')), ...grid(result).map(line)].join('\n');
      return `${table}\n\n${[...pooledLines(result), ...footnotes(result, provenance)].map((l) => `${l}  `).join('\n')}\n`;
    }
    case 'text':
      return `${textTable(header, grid(result))}\n\n${[...pooledLines(result), ...footnotes(result, provenance)].join('\n')}\n`;
  }
}
