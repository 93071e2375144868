/** `meddle table`: cross-tabulations of the record. */
import type { Command } from 'commander';
import { InputError } from '../domain/index.js';
import {
  formatEpisodeTable,
  renderPlotSvg,
  TABLE_FORMATS,
  type TableFormat,
  tableChartOptions,
} from '../render/index.js';
import { uniformSource } from '../sim/prng.js';
import { tabulateEpisodes } from '../stats/index.js';
import { writeFileAtomic } from '../store/index.js';
import {
  EXCLUDE_HELP,
  exclusionRules,
  fieldName,
  proportionMethod,
  seedValue,
  selectEpisodes,
} from './analytics-options.js';
import { line } from './cli-io.js';
import { type CommandContext, collect, json } from './command-context.js';
import { commandDescription } from './command-groups.js';
import { provenanceOf } from './record-labels.js';

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
    .description(commandDescription('table'))
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
}
