/** `meddle table`, `meddle check-table`: cross-tabulations of the record, and checks of published tables. */
import type { Command } from 'commander';
import { InputError } from '../domain/index.js';
import {
  formatEpisodeTable,
  renderPlotSvg,
  TABLE_FORMATS,
  type TableFormat,
  tableChartOptions,
  textTable,
} from '../render/index.js';
import { uniformSource } from '../sim/prng.js';
import { checkTable, tabulateEpisodes } from '../stats/index.js';
import { readTableFile, writeFileAtomic } from '../store/index.js';
import {
  EXCLUDE_HELP,
  exclusionRules,
  fieldName,
  proportionMethod,
  seedValue,
  selectEpisodes,
} from './analytics-options.js';
import { line } from './cli-io.js';
import { type CommandContext, collect, json, provenanceOf } from './command-context.js';

function tableFormat(name: string): TableFormat {
  if ((TABLE_FORMATS as readonly string[]).includes(name)) return name as TableFormat;
  throw new InputError({
    field: '--format',
    value: name,
    message: 'unknown format',
    hint: TABLE_FORMATS.join(', '),
  });
}

export function registerTableCommands(program: Command, context: CommandContext): void {
  const { io } = context;
  program
    .command('table')
    .description(
      'cross-tabulate two coded fields: counts, column shares with intervals, margins, and the test of association',
    )
    .argument('<row>', 'the field down the side, e.g. proxyOutcome')
    .requiredOption('--by <column>', 'the field across the top, e.g. side')
    .option('--where <FIELD=VALUE>', 'keep episodes where FIELD equals VALUE (repeatable)', collect, [])
    .option('--exclude <rule>', EXCLUDE_HELP, collect, [])
    .option('--format <format>', TABLE_FORMATS.join(', '), 'text')
    .option('--method <method>', 'interval for shares: wilson, jeffreys, clopper-pearson', 'wilson')
    .option('--pool', 'add partially pooled shares (beta-binomial empirical Bayes) beside the raw ones')
    .option(
      '--include-unknown',
      'test the rows and columns coded unknown too (by default they are shown, not tested)',
    )
    .option('--chart <file.svg>', 'also write a bar chart of the column shares with their intervals')
    .option('--seed <n>', 'seed for Fisher’s Monte Carlo test on tables larger than 2×2', '1')
    .action(
      async (
        rowName: string,
        options: Record<string, string | string[] | boolean | undefined>,
        command: Command,
      ) => {
        const row = fieldName(rowName, 'row');
        const column = fieldName(String(options.by), '--by');
        const format = tableFormat(String(options.format));
        const method = proportionMethod(String(options.method));
        const exclude = exclusionRules(options.exclude as string[]);
        const seed = seedValue(String(options.seed));
        await context.withStore(command, async (store) => {
          const episodes = await selectEpisodes(store, options.where as string[]);
          const result = tabulateEpisodes(episodes, row, column, {
            exclude,
            method,
            pool: options.pool === true,
            includeUnknown: options.includeUnknown === true,
            random: uniformSource(seed),
          });
          const provenance = await provenanceOf(store);
          const stamp = `meddle ${provenance.meddle}; record ${provenance.record.version} sha256 ${provenance.record.hash.slice(0, 16)}; seed ${seed}; where ${(options.where as string[]).join(' ') || '(all)'}`;
          if (format === 'json') io.out(json({ ...provenance, seed, where: options.where, result }));
          else io.out(formatEpisodeTable(result, format, stamp));
          if (typeof options.chart === 'string') {
            writeFileAtomic(options.chart, renderPlotSvg(tableChartOptions(result)));
            line(io.err, `wrote ${options.chart}`);
          }
        });
      },
    );

  program
    .command('check-table')
    .description(
      'check a published table: totals, margins and percentages that do not add up, and the intervals its shares should carry',
    )
    .argument(
      '<file>',
      'the table in meddle’s YAML table format (see docs/methods.md and examples/table2.yaml)',
    )
    .option('--json', 'print JSON')
    .action((file: string, options: { json?: boolean }) => {
      const table = readTableFile(file);
      const result = checkTable(table);
      if (options.json === true) {
        io.out(json({ file, ...result }));
        return;
      }
      const faults =
        result.faults.length === 0
          ? 'no faults: every total, margin and percentage adds up'
          : `${result.faults.length} fault${result.faults.length === 1 ? '' : 's'}:\n${result.faults.map((f, i) => `  ${i + 1}. ${f.message}`).join('\n')}`;
      const shares = textTable(
        ['row', 'column', 'count', 'base', 'printed %', 'exact %', '95% Wilson interval'],
        result.shares.map((s) => [
          s.row,
          s.column,
          String(s.count),
          String(s.base),
          s.printed === undefined ? '' : String(s.printed),
          s.exact.toFixed(1),
          `${s.interval.lower.toFixed(1)}–${s.interval.upper.toFixed(1)}`,
        ]),
        { alignRight: [2, 3, 4, 5] },
      );
      line(io.out, `${faults}\n\nshares and the intervals they should carry\n${shares}`);
    });
}
