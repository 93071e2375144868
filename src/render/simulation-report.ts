/** The simulation's reports as text: a scenario's summary, the propositions, a calibration and its bootstrap. */
import { percent } from '../domain/number-format.js';
import type {
  Band,
  CalibrationBootstrap,
  CalibrationReport,
  Mean,
  PropositionResult,
  Rate,
  RunSummary,
} from '../sim/index.js';
import { textTable } from './text-table.js';

/** A share as the simulation's reports print it: a percentage with one decimal, a dash where there is none. */
export const simPercent = (x: number | null): string => percent(x, { digits: 1 });

const fixed = (x: number | null, digits = 3) => (x === null || Number.isNaN(x) ? '—' : x.toFixed(digits));
const rateCells = (r: Rate) => [
  simPercent(r.rate),
  `${simPercent(r.low)}–${simPercent(r.high)}`,
  String(r.n),
];
const meanCells = (m: Mean) => [
  fixed(m.mean),
  m.low === null ? '—' : `${fixed(m.low)}–${fixed(m.high)}`,
  String(m.n),
];

/** One scenario's results: its rates and means with intervals, the NPV quantiles and, when kept, the yearly bands. */
export function summaryText(summary: RunSummary): string {
  const rates = Object.entries(summary.rates).map(([name, rate]) => [name, ...rateCells(rate as Rate)]);
  const means = Object.entries(summary.means).map(([name, mean]) => [name, ...meanCells(mean as Mean)]);
  const q = summary.npvQuantiles;
  const parts = [
    textTable(['rate', 'estimate', '95 % interval', 'n'], rates, { alignRight: [1, 3] }),
    '',
    textTable(['mean', 'estimate', '95 % interval', 'n'], means, { alignRight: [1, 3] }),
    '',
    `NPV quantiles: 5 % ${fixed(q.p05, 2)}, 10 % ${fixed(q.p10, 2)}, 25 % ${fixed(q.p25, 2)}, median ${fixed(q.p50, 2)}, 75 % ${fixed(q.p75, 2)}, 90 % ${fixed(q.p90, 2)}, 95 % ${fixed(q.p95, 2)}`,
  ];
  if (summary.trajectories !== undefined) {
    const t = summary.trajectories;
    const cell = (band: Band, i: number) =>
      `${fixed(band.mean[i] ?? null, 2)} (${fixed(band.p10[i] ?? null, 2)}–${fixed(band.p90[i] ?? null, 2)})`;
    parts.push(
      '',
      'Yearly mean (10–90 % band)',
      textTable(
        ['year', 'power share', 'leverage', 'grievance', 'aligned'],
        t.powerShare.mean.map((_, i) => [
          String(i + 1),
          cell(t.powerShare, i),
          cell(t.leverage, i),
          cell(t.grievance, i),
          simPercent(t.aligned.mean[i] ?? null),
        ]),
        { alignRight: [0] },
      ),
    );
  }
  return parts.join('\n');
}

/** The propositions with each effect's estimate, interval and verdict. */
export function propositionsText(results: readonly PropositionResult[]): string {
  const rows = results.flatMap((r) =>
    r.effects.map((e, i) => [
      i === 0 ? `${r.id}. ${r.title}` : '',
      e.description,
      fixed(e.estimate),
      `${fixed(e.low)}–${fixed(e.high)}`,
      e.pass ? 'PASS' : 'FAIL',
    ]),
  );
  const passed = results.filter((r) => r.pass).length;
  return `${textTable(['proposition', 'effect', 'estimate', '95 % interval', ''], rows, { alignRight: [2] })}\n\n${passed} of ${results.length} propositions pass`;
}

/** Each target's band beside the fitted model's value. */
export function fitsTable(report: CalibrationReport): string {
  return textTable(
    ['target', 'band', 'fitted', '95 % interval', ''],
    report.fits.map((f) => [
      `${f.id}: ${f.description}`,
      `${simPercent(f.low)}–${simPercent(f.high)}`,
      simPercent(f.value.rate),
      `${simPercent(f.value.low)}–${simPercent(f.value.high)}`,
      f.pass ? 'PASS' : 'FAIL',
    ]),
    { alignRight: [2] },
  );
}

/** A calibration's fit to each target and the fitted constants. */
export function calibrationText(report: CalibrationReport): string {
  const fits = fitsTable(report);
  const constants = textTable(
    ['constant', 'start', 'fitted'],
    Object.keys(report.constants).map((k) => {
      const key = k as keyof typeof report.constants;
      return [k, String(report.start[key]), String(report.constants[key])];
    }),
    { alignRight: [1, 2] },
  );
  return `${fits}\n\n${constants}\n\nloss ${report.loss.toFixed(4)} after ${report.evaluations} evaluations of ${report.runs} runs a target (seed ${report.seed}); ${report.pass ? 'every target met' : 'NOT every target met'}`;
}

/** The constants' spread over the bootstrap resamples, as a table. */
export function bootstrapText(b: CalibrationBootstrap): string {
  const level = Math.round(b.level * 100);
  const shown = (x: number) => String(Number(x.toPrecision(4)));
  const rows = b.constants.map((c) => [
    c.name,
    shown(c.fitted),
    shown(c.median),
    c.low === c.high ? 'not fitted' : `${shown(c.low)}–${shown(c.high)}`,
  ]);
  const counted = Object.entries(b.evidence)
    .map(([id, e]) => `${id} ${e.successes} of ${e.trials}`)
    .join(', ');
  return `the fit repeated over ${b.resamples} bootstrap resamples of the targets' counts (${counted}; seed ${b.seed}): ${b.metAll} of ${b.resamples} met every target\n${textTable(['constant', 'fitted', 'median', `${level} % interval`], rows, { alignRight: [1, 2, 3] })}`;
}
