/** `meddle sim discover`: the region of a sweep's parameters where a condition holds, by PRIM. */
import type { Command } from 'commander';
import { InputError } from '../domain/index.js';
import { peelingChartOptions, renderPlotSvg, simPercent, textTable } from '../render/index.js';
import {
  type Discovery,
  discoverScenarios,
  parseDataText,
  parseSweepSpec,
  type SweepPointResult,
} from '../sim/index.js';
import { runSweepOnPool } from '../sim-runner/index.js';
import { readTextFile, writeFileAtomic } from '../store/index.js';
import { line } from './cli-io.js';
import { type CommandContext, json } from './command-context.js';
import { progressFor, workersOption } from './sim-options.js';
import { MEDDLE_VERSION } from './version.js';

/** A number option in (low, high), or an InputError naming it. */
function fraction(text: string, option: string, low: number, high: number): number {
  const n = Number(text);
  if (!(Number.isFinite(n) && n > low && n < high))
    throw new InputError({ field: option, value: text, message: `a number between ${low} and ${high}` });
  return n;
}

/** The points of a sweep's result file, or of the sweep a spec file describes (run on the pool). */
async function sweepPoints(
  file: string,
  workers: number | undefined,
  context: CommandContext,
): Promise<SweepPointResult[]> {
  const { value } = parseDataText(readTextFile(file), file);
  if (typeof value === 'object' && value !== null && 'points' in value) {
    const points = (value as { points: unknown }).points;
    const usable =
      Array.isArray(points) &&
      points.every(
        (p) =>
          typeof p === 'object' &&
          p !== null &&
          'values' in p &&
          'summary' in p &&
          typeof (p as { summary: unknown }).summary === 'object',
      );
    if (!usable)
      throw new InputError({
        file,
        field: 'points',
        message: 'not the points of a sweep result',
        hint: 'write one with meddle sim sweep FILE --out RESULT.json',
      });
    return points as SweepPointResult[];
  }
  const spec = parseSweepSpec(value, file);
  const progress = progressFor(context, 'points');
  try {
    const result = await runSweepOnPool(
      spec,
      {
        ...(workers !== undefined ? { workers } : {}),
        ...(progress.onProgress !== undefined ? { onProgress: progress.onProgress } : {}),
      },
      file,
    );
    return [...result.points];
  } finally {
    progress.stop();
  }
}

function discoveryText(d: Discovery): string {
  const box = d.trajectory[d.chosen];
  const bounds = (b: (typeof d.trajectory)[number]) =>
    b.restricted
      .map((j) => `${d.parameters[j]} ${b.bounds[j]?.[0].toPrecision(3)}–${b.bounds[j]?.[1].toPrecision(3)}`)
      .join(', ') || '(the whole space)';
  const rows = d.trajectory.map((b, i) => [
    `${i === d.chosen ? '*' : ''}${i}`,
    String(b.n),
    simPercent(b.mass),
    simPercent(b.density),
    simPercent(b.coverage),
    bounds(b),
  ]);
  return [
    `condition: ${d.condition}`,
    `${d.meeting} of ${d.points} points meet it (${simPercent(d.baseDensity)}); peeling ${simPercent(d.alpha)} a step, down to ${simPercent(d.minMass)} of the points`,
    '',
    textTable(['box', 'points', 'mass', 'density', 'coverage', 'bounds'], rows, { alignRight: [1, 2, 3, 4] }),
    '',
    box === undefined
      ? ''
      : `chosen (*): the densest box covering at least ${simPercent(d.minCoverage)} of the points that meet the condition: ${bounds(box)}; ${simPercent(box.density)} of its points meet it, and it holds ${simPercent(box.coverage)} of those that do`,
  ].join('\n');
}

export function registerDiscoverCommand(sim: Command, context: CommandContext): void {
  const { io } = context;
  sim
    .command('discover')
    .description(
      'scenario discovery: the box of swept parameters where a condition on the outcomes holds, by PRIM, with its peeling trajectory (coverage against density)',
    )
    .argument('<sweep>', 'a sweep result (meddle sim sweep --out FILE) or a sweep file, which is run first')
    .requiredOption('--where <condition>', 'e.g. "means.npv > 0 and rates.alignedAtHorizon >= 0.5"')
    .option('--alpha <share>', 'share of the box peeled a step', '0.05')
    .option('--min-mass <share>', 'the smallest box, as a share of the points', '0.05')
    .option(
      '--min-coverage <share>',
      'the chosen box covers at least this share of the points meeting the condition',
      '0.5',
    )
    .option('--workers <n>', 'worker threads when a sweep file is run')
    .option('--chart <file.svg>', 'also write the peeling trajectory (coverage against density) as SVG')
    .option('--json', 'print JSON')
    .action(
      async (
        file: string,
        options: {
          where: string;
          alpha: string;
          minMass: string;
          minCoverage: string;
          workers?: string;
          chart?: string;
          json?: boolean;
        },
      ) => {
        const alpha = fraction(options.alpha, '--alpha', 0, 0.5);
        const minMass = fraction(options.minMass, '--min-mass', 0, 1);
        const minCoverage = fraction(options.minCoverage, '--min-coverage', -1e-12, 1 + 1e-12);
        const points = await sweepPoints(file, workersOption(options.workers), context);
        const discovery = discoverScenarios(points, options.where, {
          conditionField: '--where',
          alpha,
          minMass,
          minCoverage,
        });
        if (options.chart !== undefined) {
          writeFileAtomic(options.chart, renderPlotSvg(peelingChartOptions(discovery)));
          line(io.err, `wrote ${options.chart}`);
        }
        if (options.json === true) io.out(json({ meddle: MEDDLE_VERSION, sweep: file, ...discovery }));
        else line(io.out, discoveryText(discovery));
      },
    );
}
