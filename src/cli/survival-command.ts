/** `meddle survival`: how long proxies in power stayed with their sponsor, as Kaplan–Meier curves. */
import { type Command, Option } from 'commander';
import { renderPlotSvg, survivalChartOptions, textTable } from '../render/index.js';
import {
  episodeSurvival,
  SURVIVAL_EVENTS,
  SURVIVAL_INTERVAL_SCALES,
  type SurvivalEvent,
  type SurvivalIntervalScale,
} from '../stats/index.js';
import { writeFileAtomic } from '../store/index.js';
import { fieldName, selectEpisodes } from './analytics-options.js';
import { line } from './cli-io.js';
import { type CommandContext, collect, json } from './command-context.js';
import { commandDescription } from './command-groups.js';
import { provenanceOf } from './record-labels.js';

const number = (x: number | undefined, digits = 0) =>
  x === undefined || Number.isNaN(x) ? '–' : x.toFixed(digits);
/** S with its interval; where no event has happened yet the interval is undefined and only S is shown. */
const share = (s: { survival: number; lower: number; upper: number }) =>
  Number.isNaN(s.lower) || Number.isNaN(s.upper)
    ? `${number(s.survival * 100)} %`
    : `${number(s.survival * 100)} % (${number(s.lower * 100)}–${number(s.upper * 100)})`;

export function registerSurvivalCommand(program: Command, context: CommandContext): void {
  const { io } = context;
  program
    .command('survival')
    .description(commandDescription('survival'))
    .addOption(
      new Option('--event <event>', 'what ends the time: the proxy defects, or the payoff is lost')
        .choices(SURVIVAL_EVENTS)
        .default('defection'),
    )
    .option('--by <field>', 'one curve per value of a field, compared by the log-rank test, e.g. targetClass')
    .option('--where <FIELD=VALUE>', 'keep episodes where FIELD equals VALUE (repeatable)', collect, [])
    .addOption(
      new Option('--scale <scale>', 'scale of the pointwise intervals')
        .choices(SURVIVAL_INTERVAL_SCALES)
        .default('log-log'),
    )
    .option('--chart <file.svg>', 'also write the step chart of the curves with their intervals')
    .option('--json', 'print JSON with provenance, every step of every curve')
    .action(
      async (
        options: {
          event: SurvivalEvent;
          by?: string;
          where: string[];
          scale: SurvivalIntervalScale;
          chart?: string;
          json?: boolean;
        },
        command: Command,
      ) => {
        const by = options.by === undefined ? undefined : fieldName(options.by, '--by');
        await context.withStore(command, async (store) => {
          const episodes = await selectEpisodes(store, options.where);
          const result = episodeSurvival(episodes, {
            event: options.event,
            scale: options.scale,
            ...(by !== undefined ? { by } : {}),
          });
          const provenance = await provenanceOf(store);
          if (options.json === true) io.out(json({ ...provenance, where: options.where, result }));
          else {
            const horizons = result.groups[0]?.at.map((a) => a.years) ?? [];
            const rows = result.groups.map((g) => [
              g.label,
              String(g.curve.n),
              String(g.curve.events),
              g.curve.median.time === undefined
                ? `not reached${g.curve.median.lower === undefined ? '' : ` (lower limit ${number(g.curve.median.lower)})`}`
                : `${number(g.curve.median.time)} (${number(g.curve.median.lower)}–${g.curve.median.upper === undefined ? 'not reached' : number(g.curve.median.upper)})`,
              ...g.at.map(share),
            ]);
            const what = options.event === 'defection' ? 'defection' : 'the payoff lost';
            const out = [
              `years from taking power to ${what}, censored at the last year seen aligned; ${Math.round((result.groups[0]?.curve.level ?? 0.95) * 100)} % intervals (${options.scale})`,
              textTable(
                [
                  by ?? '',
                  'proxies',
                  'events',
                  'median years',
                  ...horizons.map((h) => `still aligned at ${h} years`),
                ],
                rows,
                { alignRight: [1, 2] },
              ),
            ];
            if (result.logRank !== undefined)
              out.push(
                `log-rank chi-square(${result.logRank.df}) = ${result.logRank.statistic.toFixed(3)}, p = ${result.logRank.p.toFixed(4)}; observed/expected events: ${result.logRank.groups.map((g) => `${g.label} ${g.observed}/${g.expected.toFixed(1)}`).join(', ')}`,
              );
            if (result.cox !== undefined && 'fit' in result.cox) {
              const { fit, reference } = result.cox;
              out.push(
                `Cox model (Efron ties), hazard of ${what} against ${reference}:`,
                textTable(
                  [by ?? '', 'hazard ratio', `${Math.round(fit.level * 100)} % interval`, 'p'],
                  fit.coefficients.map((c) => [
                    c.name,
                    c.hazardRatio.toFixed(2),
                    `${c.lower.toFixed(2)}–${c.upper.toFixed(2)}`,
                    c.p.toFixed(4),
                  ]),
                  { alignRight: [1, 3] },
                ),
                `likelihood-ratio chi-square(${fit.likelihoodRatio.df}) = ${fit.likelihoodRatio.statistic.toFixed(3)}, p = ${fit.likelihoodRatio.p.toFixed(4)}; concordance ${fit.concordance.toFixed(3)}`,
              );
            } else if (result.cox !== undefined && 'unavailable' in result.cox)
              out.push(`Cox model not estimable: ${result.cox.unavailable}`);
            for (const x of result.excluded) out.push(`excluded: ${x.episodes.length} — ${x.reason}`);
            out.push(
              `meddle ${provenance.meddle}; record ${provenance.record.version} sha256 ${provenance.record.hash.slice(0, 16)}; where ${options.where.join(' ') || '(all)'}`,
            );
            line(io.out, out.join('\n'));
          }
          if (options.chart !== undefined) {
            writeFileAtomic(options.chart, renderPlotSvg(survivalChartOptions(result)));
            line(io.err, `wrote ${options.chart}`);
          }
        });
      },
    );
}
