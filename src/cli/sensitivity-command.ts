/** `meddle sim sensitivity`: which parameters drive an outcome of the model, by Sobol indices or Morris screening. */
import type { Command } from 'commander';
import { renderPlotSvg, sensitivityChartOptions, textTable } from '../render/index.js';
import { parseDataText, parseSensitivitySpec, type SensitivityResult } from '../sim/index.js';
import { runSensitivityOnPool, runSensitivityOnQueue } from '../sim-runner/index.js';
import { readTextFile, writeFileAtomic } from '../store/index.js';
import { line } from './cli-io.js';
import { type CommandContext, json } from './command-context.js';
import { footer, positiveInteger, progressFor, workersOption } from './sim-options.js';
import { MEDDLE_VERSION } from './version.js';

const fixed = (x: number) => x.toFixed(3);

function sensitivityText(result: SensitivityResult): string {
  const { analysis } = result;
  const head = `${result.name ?? 'sensitivity'}: ${result.outcome}, ${result.provenance.points} points × ${result.provenance.runsPerPoint} runs`;
  if (analysis.method === 'morris') {
    const rows = [...analysis.effects]
      .sort((a, b) => b.muStar - a.muStar)
      .map((e) => [e.name, fixed(e.muStar), fixed(e.mu), fixed(e.sigma)]);
    return `${head}\nMorris elementary effects, ${analysis.trajectories} trajectories (per whole range of each parameter)\n${textTable(['parameter', 'μ*', 'μ', 'σ'], rows, { alignRight: [1, 2, 3] })}`;
  }
  const level = Math.round(analysis.level * 100);
  const rows = [...analysis.indices]
    .sort((a, b) => b.total - a.total)
    .map((i) => [
      i.name,
      fixed(i.first),
      `${fixed(i.firstInterval[0])}–${fixed(i.firstInterval[1])}`,
      fixed(i.total),
      `${fixed(i.totalInterval[0])}–${fixed(i.totalInterval[1])}`,
    ]);
  return `${head}\nSobol indices (first order: Saltelli 2010; total order: Jansen 1999), ${level} % bootstrap intervals from ${analysis.resamples} resamples\n${textTable(
    ['parameter', 'first order', `${level} % interval`, 'total order', `${level} % interval`],
    rows,
    { alignRight: [1, 2, 3, 4] },
  )}\nvariance of the outcome ${analysis.variance.toPrecision(4)}; first-order indices sum to ${fixed(analysis.indices.reduce((s, i) => s + i.first, 0))}`;
}

export function registerSensitivityCommand(sim: Command, context: CommandContext): void {
  const { io } = context;
  sim
    .command('sensitivity')
    .description(
      'global sensitivity of one outcome to the parameters in a spec: Sobol first- and total-order indices with bootstrap intervals, or Morris μ* and σ; on worker threads, the same bytes for any number of them',
    )
    .argument('<spec>', 'a .yaml/.json sensitivity spec (see examples/sensitivity/)')
    .option('--workers <n>', 'worker threads (default: all cores; the output does not depend on it)')
    .option(
      '--queue <redis-url>',
      'run the points as BullMQ jobs over Redis, taken by `meddle worker` on any machines (the same bytes as a local run)',
    )
    .option('--chunk <n>', 'points per queued job', '16')
    .option('--json', 'print JSON with provenance')
    .option('--out <file>', 'write the JSON result to this file instead of standard output')
    .option('--chart <file.svg>', 'also write the chart of the indices')
    .action(
      async (
        file: string,
        options: {
          workers?: string;
          queue?: string;
          chunk: string;
          json?: boolean;
          out?: string;
          chart?: string;
        },
      ) => {
        const spec = parseSensitivitySpec(parseDataText(readTextFile(file), file).value, file);
        const workers = workersOption(options.workers);
        const progress = progressFor(context, 'points');
        const onProgress = progress.onProgress !== undefined ? { onProgress: progress.onProgress } : {};
        let result: SensitivityResult;
        try {
          result =
            options.queue === undefined
              ? await runSensitivityOnPool(
                  spec,
                  { ...(workers !== undefined ? { workers } : {}), ...onProgress },
                  file,
                )
              : await runSensitivityOnQueue(
                  spec,
                  options.queue,
                  { chunkSize: positiveInteger(options.chunk, '--chunk'), ...onProgress },
                  file,
                );
        } finally {
          progress.stop();
        }
        const text = json({ meddle: MEDDLE_VERSION, ...result });
        if (options.chart !== undefined) {
          writeFileAtomic(options.chart, renderPlotSvg(sensitivityChartOptions(result)));
          line(io.err, `wrote ${options.chart}`);
        }
        if (options.out !== undefined) {
          writeFileAtomic(options.out, text);
          line(io.err, `wrote ${options.out}; ${footer(result.provenance)}`);
        } else if (options.json === true) io.out(text);
        else line(io.out, `${sensitivityText(result)}\n${footer(result.provenance)}`);
      },
    );
}
