/** `meddle sim`: run a scenario or preset, list presets, sweep on worker threads, test propositions, calibrate. */
import type { Command } from 'commander';
import { InputError } from '../domain/index.js';
import { bootstrapText, calibrationText, fitsTable, propositionsText, summaryText } from '../render/index.js';
import {
  CALIBRATION_TARGETS,
  type CalibrationBootstrap,
  calibrate,
  calibrationBootstrap,
  checkCalibration,
  DEFAULT_CONSTANTS,
  evaluatePropositions,
  isPresetName,
  PRESETS,
  parseCalibrationTargets,
  parseDataText,
  parseScenarioText,
  parseSweepSpec,
  recordCalibrationTargets,
  resolveScenario,
  runRecord,
  type Scenario,
  type SweepResult,
  simulateBlock,
  simulateScenario,
} from '../sim/index.js';
import { runScenarioOnPool, runSweepOnPool, runSweepOnQueue, startSweepWorker } from '../sim-runner/index.js';
import { openSweepPartial, readTextFile, sweepIdentity, writeFileAtomic } from '../store/index.js';
import { line } from './cli-io.js';
import { type CommandContext, json } from './command-context.js';
import { commandDescription } from './command-groups.js';
import { registerDiscoverCommand } from './discover-command.js';
import { registerSensitivityCommand } from './sensitivity-command.js';
import { footer, positiveInteger, progressFor, workersOption } from './sim-options.js';
import { MEDDLE_VERSION } from './version.js';

/** A number from an option, or the text itself so that validation can quote what was given. */
const numeric = (text: string | undefined): number | string | undefined =>
  text === undefined ? undefined : text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : text;

/** The scenario named on the command line: a preset, or a YAML/JSON file, with `--runs` and `--seed` on top. */
function scenarioFrom(spec: string, overrides: { runs?: string; seed?: string }): Scenario {
  const extra = {
    ...(overrides.runs !== undefined ? { runs: numeric(overrides.runs) } : {}),
    ...(overrides.seed !== undefined ? { seed: numeric(overrides.seed) } : {}),
  };
  if (isPresetName(spec)) return resolveScenario({ preset: spec, ...extra });
  if (!/\.(ya?ml|json)$/i.test(spec)) {
    // Neither a preset nor a scenario file: let the preset lookup say so, with its suggestion.
    return resolveScenario({ preset: spec });
  }
  const scenario = parseScenarioText(readTextFile(spec), spec);
  return Object.keys(extra).length === 0
    ? scenario
    : resolveScenario({ ...scenario, ...extra }, { file: spec });
}

export function registerSimCommands(program: Command, context: CommandContext): void {
  const { io } = context;
  const sim = program.command('sim').description(commandDescription('sim'));

  sim
    .command('run')
    .description('simulate a scenario file (YAML or JSON) or a preset')
    .argument('<scenario>', 'a preset name (see `meddle sim presets`) or a .yaml/.json scenario file')
    .option('--runs <n>', 'Monte Carlo runs (default: the scenario’s, else 10 000)')
    .option('--seed <s>', 'seed; the same seed gives the same output, byte for byte')
    .option(
      '--trajectories',
      'add yearly means and 10–90 % bands of power share, leverage, grievance, alignment',
    )
    .option('--workers <n>', 'worker threads (the output does not depend on it)')
    .option('--per-run <file>', 'also write every run’s outputs, one JSON object a line')
    .option('--json', 'print JSON with provenance')
    .action(
      async (
        spec: string,
        options: {
          runs?: string;
          seed?: string;
          trajectories?: boolean;
          workers?: string;
          perRun?: string;
          json?: boolean;
        },
      ) => {
        const scenario = scenarioFrom(spec, options);
        const workers = workersOption(options.workers);
        const trajectories = options.trajectories === true;
        const result =
          workers !== undefined && workers > 1
            ? await runScenarioOnPool(scenario, { workers, trajectories })
            : simulateScenario(scenario, { trajectories });
        if (options.perRun !== undefined) {
          const block = simulateBlock(scenario, 0, scenario.runs);
          const lines: string[] = [];
          for (let row = 0; row < block.columns.size; row++)
            lines.push(JSON.stringify(runRecord(block, row)));
          writeFileAtomic(options.perRun, `${lines.join('\n')}\n`);
        }
        if (options.json === true) return io.out(json({ meddle: MEDDLE_VERSION, ...result }));
        const title = scenario.name ?? spec;
        line(
          io.out,
          `${title}: ${scenario.mode}, ${scenario.side} side, targetPower ${scenario.targetPower}, horizon ${scenario.horizon}\n`,
        );
        line(io.out, summaryText(result.summary));
        line(io.out, `\n${footer(result.provenance)}`);
      },
    );

  sim
    .command('presets')
    .description('the named scenarios')
    .option('--json', 'print JSON')
    .action((options: { json?: boolean }) => {
      if (options.json === true) return io.out(json(PRESETS));
      line(
        io.out,
        PRESETS.map(
          (p) =>
            `${p.name}\n  ${p.description}\n  ${Object.entries(p.scenario)
              .map(([k, v]) => `${k}: ${v}`)
              .join(', ')}`,
        ).join('\n\n'),
      );
    });

  sim
    .command('sweep')
    .description('run a sweep file (a grid or a Latin hypercube) on worker threads')
    .argument('<sweep>', 'a .yaml/.json sweep file (see examples/sweeps/)')
    .option('--workers <n>', 'worker threads (default: all cores; the output does not depend on it)')
    .option('--out <file>', 'write the JSON result to this file instead of standard output')
    .option(
      '--queue <redis-url>',
      'split the sweep into jobs on BullMQ over Redis, run by `meddle worker` on any machines',
    )
    .option('--chunk <n>', 'sweep points per queued job', '4')
    .option(
      '--resume',
      'continue a run of the same sweep to the same --out that was interrupted: its finished points, kept in OUT.partial as they finish, are not run again, and the result is the same bytes',
    )
    .action(
      async (
        file: string,
        options: { workers?: string; out?: string; queue?: string; chunk: string; resume?: boolean },
      ) => {
        const { value } = parseDataText(readTextFile(file), file);
        const spec = parseSweepSpec(value, file);
        const workers = workersOption(options.workers);
        if (options.resume === true && (options.out === undefined || options.queue !== undefined))
          throw new InputError({
            field: '--resume',
            message:
              'a run can be resumed only from the points it kept beside its --out file, on this machine',
            hint: 'give --out FILE, without --queue',
          });
        // Points are kept as they finish only when there is a file to resume into.
        const partial =
          options.out !== undefined && options.queue === undefined
            ? openSweepPartial(options.out, sweepIdentity(spec, DEFAULT_CONSTANTS), options.resume === true)
            : undefined;
        const progress = progressFor(context, 'points');
        const onProgress = progress.onProgress !== undefined ? { onProgress: progress.onProgress } : {};
        let result: SweepResult;
        try {
          result =
            options.queue === undefined
              ? await runSweepOnPool(
                  spec,
                  {
                    ...(workers !== undefined ? { workers } : {}),
                    ...onProgress,
                    ...(partial !== undefined ? { done: partial.done, onPoint: partial.append } : {}),
                  },
                  file,
                )
              : await runSweepOnQueue(spec, options.queue, {
                  chunkSize: positiveInteger(options.chunk, '--chunk'),
                  ...onProgress,
                });
        } finally {
          progress.stop();
        }
        const text = json({ meddle: MEDDLE_VERSION, ...result });
        if (options.out === undefined) return io.out(text);
        writeFileAtomic(options.out, text);
        partial?.finish();
        line(
          io.err,
          `${result.points.length} points written to ${options.out}${partial !== undefined && partial.done.length > 0 ? ` (${partial.done.length} resumed from the partial file)` : ''}; ${footer(result.provenance)}`,
        );
      },
    );

  registerSensitivityCommand(sim, context);
  registerDiscoverCommand(sim, context);

  sim
    .command('propositions')
    .description('test the eight propositions of the model as seeded sweeps')
    .option('--runs <n>', 'runs per sweep point', '20000')
    .option('--seed <s>', 'seed shared by every point', '1')
    .option('--json', 'print JSON')
    .action((options: { runs: string; seed: string; json?: boolean }) => {
      const checked = resolveScenario({ runs: numeric(options.runs), seed: numeric(options.seed) });
      const results = evaluatePropositions({ runs: checked.runs, seed: checked.seed });
      if (options.json === true)
        return io.out(
          json({ meddle: MEDDLE_VERSION, runs: checked.runs, seed: checked.seed, propositions: results }),
        );
      line(io.out, propositionsText(results));
      line(io.out, `\nmeddle ${MEDDLE_VERSION}; ${checked.runs} runs a point, seed ${checked.seed}`);
    });

  sim
    .command('calibrate')
    .description(
      'fit the free constants to the calibration targets (model.md’s, or a file’s) and report the fit',
    )
    .option('--targets <file>', 'a .yaml/.json list of targets: id, measure, low, high, scenario')
    .option(
      '--record-targets',
      'add the record’s level-2/3 targets (payoff kept, defection within 10 years, exposure, by target class), each band the 95 % interval of the record’s figure (the record: --db or --record)',
    )
    .option('--runs <n>', 'runs per target and evaluation', '20000')
    .option('--seed <s>', 'seed of every evaluation', '1')
    .option(
      '--bootstrap <n>',
      'also fit to n bootstrap resamples of the counts the targets rest on, and give each constant a 95 % interval',
    )
    .option('--json', 'print JSON')
    .action(
      async (
        options: {
          targets?: string;
          recordTargets?: boolean;
          runs: string;
          seed: string;
          bootstrap?: string;
          json?: boolean;
        },
        command: Command,
      ) => {
        const resamples =
          options.bootstrap === undefined ? undefined : positiveInteger(options.bootstrap, '--bootstrap');
        const checked = resolveScenario({ runs: numeric(options.runs), seed: numeric(options.seed) });
        const given =
          options.targets === undefined
            ? CALIBRATION_TARGETS
            : parseCalibrationTargets(
                parseDataText(readTextFile(options.targets), options.targets).value,
                options.targets,
              );
        const fromRecord =
          options.recordTargets === true
            ? await context.withStore(command, async (store) => {
                return recordCalibrationTargets(await store.listEpisodes([]), await store.recordVersion());
              })
            : [];
        const report = calibrate({ runs: checked.runs, seed: checked.seed, targets: given });
        let bootstrap: CalibrationBootstrap | undefined;
        if (resamples !== undefined) {
          const progress = progressFor(context, 'resamples');
          try {
            bootstrap = calibrationBootstrap({
              runs: checked.runs,
              seed: checked.seed,
              targets: given,
              resamples,
              fitted: report.constants,
              ...(progress.onProgress !== undefined ? { onProgress: progress.onProgress } : {}),
            });
          } finally {
            progress.stop();
          }
        }
        // The free constants govern who wins; the record's level-2/3 targets are checked at the fitted constants,
        // not fitted, so that a model that cannot meet them says so instead of bending its level-1 fit.
        const recordCheck =
          fromRecord.length === 0
            ? undefined
            : checkCalibration(report.constants, {
                runs: checked.runs,
                seed: checked.seed,
                targets: fromRecord,
              });
        if (options.json === true)
          return io.out(
            json({
              meddle: MEDDLE_VERSION,
              ...report,
              ...(recordCheck !== undefined ? { recordTargets: recordCheck.fits } : {}),
              ...(bootstrap !== undefined ? { bootstrap } : {}),
            }),
          );
        line(io.out, calibrationText(report));
        if (bootstrap !== undefined) line(io.out, `\n${bootstrapText(bootstrap)}`);
        if (recordCheck !== undefined) {
          const met = recordCheck.fits.filter((f) => f.pass).length;
          line(
            io.out,
            `\nthe record's level-2/3 targets at the fitted constants (checked, not fitted): ${met} of ${recordCheck.fits.length} met\n${fitsTable(recordCheck)}\n${fromRecord.map((t) => `  ${t.id}: ${t.source}`).join('\n')}`,
          );
        }
      },
    );

  program
    .command('worker')
    .description(commandDescription('worker'))
    .requiredOption('--queue <redis-url>', 'the Redis the sweeps are queued on, e.g. redis://10.0.0.5:6379')
    .option('--concurrency <n>', 'jobs run at once (each takes a core while it runs)', '1')
    .action(async (options: { queue: string; concurrency: string }) => {
      const concurrency = positiveInteger(options.concurrency, '--concurrency');
      let points = 0;
      const worker = startSweepWorker(options.queue, {
        concurrency,
        onChunk: (n) => {
          points += n;
        },
      });
      line(io.err, `worker on ${options.queue}, ${concurrency} at a time; Ctrl-C to stop`);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await worker.close();
      line(io.err, `stopped after ${points} sweep points`);
    });
}
