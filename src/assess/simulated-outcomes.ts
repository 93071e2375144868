/** The simulated distribution of an operation's outcomes: win, payoff, defection, exposure, liability and NPV per run. */
import { allocateRunColumns, prepareKernel, type RunColumns, simulateRuns } from '../sim/kernel.js';
import { DEFAULT_CONSTANTS, MODEL_VERSION } from '../sim/model-constants.js';
import type { Scenario } from '../sim/parameters.js';
import { quantileSorted } from '../sim/quantile.js';
import { rateWithInterval } from '../sim/rate.js';
import { type Figure, figure, type ScenarioOrigin, type SimulationOrigin } from './figure.js';
import type { ParameterMapping } from './parameter-mapping.js';

/** A simulation the report ran: its id (the figures point at it), what it stands for, and the full scenario. */
export interface SimulationRecord {
  readonly id: string;
  readonly purpose: string;
  readonly scenario: Scenario;
  readonly model: string;
  readonly provenance: ScenarioOrigin;
}

export interface NpvBin {
  readonly from: number;
  readonly to: number;
  readonly runs: number;
}

export interface SimulatedOutcomes {
  /** The proxy won the election, took power (challenger) or kept it (incumbent). */
  readonly win: Figure;
  /** In power and still aligned with the sponsor at the horizon, among runs where the proxy won. */
  readonly payoffGivenWin: Figure;
  /** The win paid off: won, and in power and aligned at the horizon. */
  readonly payoff: Figure;
  /** The proxy broke with the sponsor, among runs where it won. */
  readonly defectedGivenWin: Figure;
  readonly exposed: Figure;
  /** A former proxy in power and no longer aligned at the horizon: the strengthened rival the article warns of. */
  readonly formerProxyInPower: Figure;
  /** Leverage five years after the win as a share of leverage at the win (absent when never measured). */
  readonly leverageRetained?: Figure;
  /** Mean grievance at the horizon (model units: 0.15 is one act of opportunism). */
  readonly finalGrievance: Figure;
  /** The sponsor's discounted payoff per run, in units of the nominal budget: mean, 95 % interval, quantiles. */
  readonly npv: Figure & { readonly p10: number; readonly p50: number; readonly p90: number };
  readonly npvHistogram: { readonly bins: readonly NpvBin[]; readonly provenance: SimulationOrigin };
  readonly simulations: readonly SimulationRecord[];
}

function origin(simulation: SimulationRecord, method: string): SimulationOrigin {
  return {
    source: 'simulation',
    simulation: simulation.id,
    model: simulation.model,
    seed: simulation.scenario.seed,
    runs: simulation.scenario.runs,
    method,
  };
}

function rateFigure(count: number, n: number, provenance: SimulationOrigin): Figure {
  const rate = rateWithInterval(count, n);
  return figure(rate.rate ?? 0, provenance, { low: rate.low, high: rate.high, n });
}

function run(scenario: Scenario): RunColumns {
  const setup = prepareKernel(scenario, DEFAULT_CONSTANTS);
  const columns = allocateRunColumns(scenario.runs);
  simulateRuns(setup, 0, scenario.runs, columns, 0);
  return columns;
}

/** Whether run `i` counts as a win for the proxy, by the codebook's level-1 rule. */
function wonAt(scenario: Scenario, c: RunColumns, i: number): boolean {
  if (scenario.mode === 'election') return c.inPowerAtHorizon[i] === 1;
  return scenario.side === 'incumbent' ? c.ousted[i] === 0 : (c.ascentYear[i] as number) >= 0;
}

const paidOffAt = (c: RunColumns, i: number): boolean =>
  c.inPowerAtHorizon[i] === 1 && c.alignedAtHorizon[i] === 1;

function histogram(values: Float64Array, bins = 20): NpvBin[] {
  const sorted = Float64Array.from(values).sort();
  const lo = sorted[0] ?? 0;
  const hi = sorted[sorted.length - 1] ?? 0;
  const width = hi > lo ? (hi - lo) / bins : 1;
  const counts = new Array<number>(bins).fill(0);
  for (const v of sorted) {
    const k = Math.min(bins - 1, Math.floor((v - lo) / width));
    counts[k] = (counts[k] ?? 0) + 1;
  }
  return counts.map((runs, k) => ({ from: lo + k * width, to: lo + (k + 1) * width, runs }));
}

/**
 * Simulates the operation's scenarios and reads the outcomes the assessment needs from every run. In an election,
 * run i of the vote is followed, when won, by run i of the years in power (the follow-on scenario).
 */
export function simulateOutcomes(mapping: ParameterMapping, idPrefix = ''): SimulatedOutcomes {
  const main: SimulationRecord = {
    id: `${idPrefix}main`,
    purpose:
      mapping.scenario.mode === 'election'
        ? 'the election: does the proxy win the vote'
        : 'the struggle: does the proxy win, and does the win last',
    scenario: mapping.scenario,
    model: MODEL_VERSION,
    provenance: { source: 'scenario', field: '(all)', rule: 'the parameter mapping' },
  };
  const after: SimulationRecord | undefined =
    mapping.followOn === undefined
      ? undefined
      : {
          id: `${idPrefix}after-a-win`,
          purpose:
            'the years after an electoral win: the proxy in power, its leverage, loyalty and grievance',
          scenario: mapping.followOn,
          model: MODEL_VERSION,
          provenance: {
            source: 'scenario',
            field: '(all)',
            rule: 'the parameter mapping, with the proxy in power (struggle, incumbent)',
          },
        };
  const c = run(main.scenario);
  const f = after === undefined ? undefined : run(after.scenario);
  // Outcomes of the years after a win are read from the follow-on when there is one.
  const later = f ?? c;
  const laterSim = after ?? main;
  const n = main.scenario.runs;
  let wins = 0;
  let paid = 0;
  let defected = 0;
  let exposed = 0;
  let rival = 0;
  let grievance = 0;
  let leverageRuns = 0;
  let leverageAt = 0;
  let leverageAfter = 0;
  const npv = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const won = wonAt(main.scenario, c, i);
    const exposedHere =
      (c.exposureYear[i] as number) >= 0 || (won && f !== undefined && (f.exposureYear[i] as number) >= 0);
    if (exposedHere) exposed++;
    npv[i] = (c.npv[i] as number) + (won && f !== undefined ? (f.npv[i] as number) : 0);
    if (!won) continue;
    wins++;
    if (paidOffAt(later, i)) paid++;
    if ((later.defectionYear[i] as number) >= 0) defected++;
    if (later.inPowerAtHorizon[i] === 1 && later.alignedAtHorizon[i] === 0) rival++;
    grievance += later.finalGrievance[i] as number;
    const at = later.leverageAtAscent[i] as number;
    const five = later.leverageAfterAscent[i] as number;
    if (Number.isFinite(at) && Number.isFinite(five)) {
      leverageRuns++;
      leverageAt += at;
      leverageAfter += five;
    }
  }
  const both =
    after === undefined
      ? 'runs'
      : `runs of ${main.id}, each followed when won by the same run of ${after.id}`;
  const winOrigin = origin(main, 'share of runs in which the proxy won (Wilson 95 % interval)');
  const laterOrigin = (method: string) =>
    f === undefined
      ? origin(main, method)
      : { ...origin(laterSim, method), simulation: `${main.id} + ${laterSim.id}` };
  const sortedNpv = Float64Array.from(npv).sort();
  let sum = 0;
  let squares = 0;
  for (const v of npv) {
    sum += v;
    squares += v * v;
  }
  const mean = sum / n;
  const sd = Math.sqrt(Math.max(0, (squares - n * mean * mean) / Math.max(1, n - 1)));
  const half = (1.959963984540054 * sd) / Math.sqrt(n);
  const npvOrigin = origin(
    main,
    `discounted payoff per run over ${both} (normal 95 % interval of the mean; quantiles R type 7)`,
  );
  return {
    win: rateFigure(wins, n, winOrigin),
    payoffGivenWin: rateFigure(
      paid,
      wins,
      laterOrigin('among runs won: in power and aligned at the horizon (Wilson 95 % interval)'),
    ),
    payoff: rateFigure(
      paid,
      n,
      laterOrigin('share of all runs: won, then in power and aligned at the horizon'),
    ),
    defectedGivenWin: rateFigure(defected, wins, laterOrigin('among runs won: the proxy defected')),
    exposed: rateFigure(exposed, n, laterOrigin('share of runs in which the sponsor’s role was exposed')),
    formerProxyInPower: rateFigure(
      rival,
      wins,
      laterOrigin('among runs won: a former proxy in power, no longer aligned, at the horizon'),
    ),
    ...(leverageRuns > 0
      ? {
          leverageRetained: figure(
            leverageAfter / leverageAt,
            laterOrigin('mean leverage five years after the win ÷ mean leverage at the win, same runs'),
            { n: leverageRuns },
          ),
        }
      : {}),
    finalGrievance: figure(
      wins > 0 ? grievance / wins : 0,
      laterOrigin('mean grievance at the horizon among runs won'),
      {
        n: wins,
      },
    ),
    npv: {
      ...figure(mean, npvOrigin, { low: mean - half, high: mean + half, n }),
      p10: quantileSorted(sortedNpv, 0.1),
      p50: quantileSorted(sortedNpv, 0.5),
      p90: quantileSorted(sortedNpv, 0.9),
    },
    npvHistogram: { bins: histogram(npv), provenance: npvOrigin },
    simulations: after === undefined ? [main] : [main, after],
  };
}
