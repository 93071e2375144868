/** `meddle model logit`: logistic regression on the record, printed as a statistics package prints it. */
import type { Command } from 'commander';
import { textTable } from '../render/index.js';
import { applyExclusions, episodeDesign, logisticRegression, parseFormula } from '../stats/index.js';
import { EXCLUDE_HELP, exclusionRules, selectEpisodes } from './analytics-options.js';
import { line } from './cli-io.js';
import { type CommandContext, collect, json } from './command-context.js';
import { commandDescription } from './command-groups.js';
import { provenanceOf } from './record-labels.js';

const signif = (x: number, digits = 4) =>
  Number.isFinite(x) ? Number(x.toPrecision(digits)).toString() : String(x);
const pValue = (p: number) => (p < 2e-16 ? '<2e-16' : p < 0.001 ? p.toExponential(2) : p.toFixed(4));
const stars = (p: number) => (p < 0.001 ? '***' : p < 0.01 ? '**' : p < 0.05 ? '*' : p < 0.1 ? '.' : '');

export function registerModelCommands(program: Command, context: CommandContext): void {
  const { io } = context;
  const model = program.command('model').description(commandDescription('model'));
  model
    .command('logit')
    .description('logistic regression: OUTCOME ~ FIELD + FIELD … (e.g. proxyOutcome ~ side + targetClass)')
    .argument('<formula...>', 'OUTCOME[=EVENT] ~ FIELD + FIELD …; quote it or leave spaces around ~ and +')
    .option('--where <FIELD=VALUE>', 'keep episodes where FIELD equals VALUE (repeatable)', collect, [])
    .option('--exclude <rule>', EXCLUDE_HELP, collect, [])
    .option('--json', 'print JSON with provenance')
    .action(
      async (
        words: string[],
        options: { where: string[]; exclude: string[]; json?: boolean },
        command: Command,
      ) => {
        const formula = parseFormula(words.join(' '));
        const rules = exclusionRules(options.exclude);
        await context.withStore(command, async (store) => {
          const selected = await selectEpisodes(store, options.where);
          const { kept, applied } = applyExclusions(selected, rules);
          const design = episodeDesign(kept, formula);
          const fit = logisticRegression(design.data);
          const provenance = await provenanceOf(store);
          const n = design.data.rows.length;
          if (options.json === true) {
            io.out(
              json({
                ...provenance,
                where: options.where,
                exclusions: applied,
                design: { ...design, data: undefined, n },
                fit: { ...fit, fitted: undefined },
              }),
            );
            return;
          }
          const coefficients = textTable(
            ['', 'Estimate', 'Std. Error', 'z value', 'Pr(>|z|)', '', 'odds ratio', '95% CI'],
            fit.coefficients.map((c) => [
              c.name,
              signif(c.estimate),
              signif(c.standardError),
              signif(c.z, 3),
              pValue(c.p),
              stars(c.p),
              signif(c.oddsRatio),
              `${signif(c.oddsRatioInterval.lower, 3)}–${signif(c.oddsRatioInterval.upper, 3)}`,
            ]),
            { alignRight: [1, 2, 3, 4, 6] },
          );
          const refs = Object.entries(design.references).map(([f, level]) => `${f} = ${level}`);
          line(
            io.out,
            [
              `Logistic regression: ${formula.outcome} = ${formula.event} ~ ${formula.predictors.join(' + ')}`,
              '',
              coefficients,
              '---',
              "Signif. codes: 0 '***' 0.001 '**' 0.01 '*' 0.05 '.' 0.1 ' ' 1; Wald intervals",
              `reference levels: ${refs.length > 0 ? refs.join(', ') : 'none'}`,
              `n = ${n}; log-likelihood = ${fit.logLikelihood.toFixed(3)} (df = ${fit.coefficients.length}); AIC = ${fit.aic.toFixed(2)}`,
              `null deviance = ${fit.nullDeviance.toFixed(3)} on ${n - 1} df; residual deviance = ${fit.deviance.toFixed(3)} on ${fit.residualDf} df; ${fit.iterations} IRLS iterations`,
              ...design.excluded.map((x) => `left out: ${x.episodes} episodes with ${x.reason}`),
              ...applied.map((x) => `excluded (${x.rule}): ${x.removed} — ${x.description}`),
              `meddle ${provenance.meddle}; record ${provenance.record.version} sha256 ${provenance.record.hash.slice(0, 16)}`,
            ].join('\n'),
          );
        });
      },
    );
}
