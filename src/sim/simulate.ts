/** Runs a scenario's Monte Carlo, whole or in chunks, and summarises it with its provenance. */
import { type RunSummary, summariseRuns } from './aggregate.js';
import {
  allocateRunColumns,
  allocateTrajectories,
  prepareKernel,
  type RunColumns,
  simulateRuns,
  type Trajectories,
} from './kernel.js';
import { DEFAULT_CONSTANTS, MODEL_VERSION, type ModelConstants } from './model-constants.js';
import type { Scenario } from './parameters.js';

export interface SimulationOptions {
  /** The model's free constants; the calibrated defaults when omitted. */
  readonly constants?: ModelConstants;
  /** Keep the yearly paths of every run (struggle mode), for trajectory bands. */
  readonly trajectories?: boolean;
}

/** The raw runs of a scenario, or of a contiguous block of them. */
export interface RunBlock {
  readonly firstRun: number;
  readonly columns: RunColumns;
  readonly trajectories?: Trajectories;
}

/** Runs `firstRun … firstRun + count − 1`; any split of a scenario's runs into blocks gives the same runs. */
export function simulateBlock(
  scenario: Scenario,
  firstRun: number,
  count: number,
  options: SimulationOptions = {},
): RunBlock {
  const setup = prepareKernel(scenario, options.constants ?? DEFAULT_CONSTANTS);
  const columns = allocateRunColumns(count);
  const keepPaths = options.trajectories === true && scenario.mode === 'struggle';
  const trajectories = keepPaths ? allocateTrajectories(count, scenario.horizon) : undefined;
  simulateRuns(setup, firstRun, count, columns, 0, trajectories);
  return { firstRun, columns, ...(trajectories !== undefined ? { trajectories } : {}) };
}

function concatInto<T extends Float64Array | Int16Array | Uint8Array>(target: T, parts: readonly T[]): T {
  let offset = 0;
  for (const part of parts) {
    target.set(part, offset);
    offset += part.length;
  }
  return target;
}

/** Joins blocks in run order into one; they must cover consecutive runs. */
export function joinBlocks(blocks: readonly RunBlock[]): RunBlock {
  const ordered = [...blocks].sort((a, b) => a.firstRun - b.firstRun);
  const first = ordered[0];
  if (first === undefined) throw new RangeError('no blocks to join');
  if (ordered.length === 1) return first;
  let next = first.firstRun;
  for (const block of ordered) {
    if (block.firstRun !== next) throw new RangeError(`blocks leave a gap or overlap at run ${next}`);
    next += block.columns.size;
  }
  const size = next - first.firstRun;
  const joined = allocateRunColumns(size);
  const columns = Object.fromEntries(
    Object.entries(joined).map(([key, value]) => [
      key,
      key === 'size'
        ? size
        : concatInto(
            value as Float64Array,
            ordered.map((b) => b.columns[key as keyof RunColumns] as Float64Array),
          ),
    ]),
  ) as unknown as RunColumns;
  const withPaths = ordered.every((b) => b.trajectories !== undefined);
  if (!withPaths) return { firstRun: first.firstRun, columns };
  const paths = ordered.map((b) => b.trajectories as Trajectories);
  const horizon = first.trajectories?.horizon ?? 0;
  const trajectories = allocateTrajectories(size, horizon);
  concatInto(
    trajectories.powerShare,
    paths.map((p) => p.powerShare),
  );
  concatInto(
    trajectories.leverage,
    paths.map((p) => p.leverage),
  );
  concatInto(
    trajectories.grievance,
    paths.map((p) => p.grievance),
  );
  concatInto(
    trajectories.aligned,
    paths.map((p) => p.aligned),
  );
  return { firstRun: first.firstRun, columns, trajectories };
}

/** What produced a result, so that anyone can reproduce it. */
export interface Provenance {
  readonly model: string;
  readonly seed: number;
  readonly runs: number;
  readonly constants: ModelConstants;
}

export interface ScenarioResult {
  readonly scenario: Scenario;
  readonly provenance: Provenance;
  readonly summary: RunSummary;
}

/** The summary of a scenario's runs, from blocks that together cover runs 0 … runs − 1. */
export function summariseBlocks(
  scenario: Scenario,
  blocks: readonly RunBlock[],
  options: SimulationOptions = {},
): ScenarioResult {
  const joined = joinBlocks(blocks);
  if (joined.firstRun !== 0 || joined.columns.size !== scenario.runs) {
    throw new RangeError(
      `blocks cover runs ${joined.firstRun}…${joined.firstRun + joined.columns.size - 1}, not the scenario's ${scenario.runs}`,
    );
  }
  return {
    scenario,
    provenance: {
      model: MODEL_VERSION,
      seed: scenario.seed,
      runs: scenario.runs,
      constants: options.constants ?? DEFAULT_CONSTANTS,
    },
    summary: summariseRuns(scenario.mode, scenario.horizon, joined.columns, joined.trajectories),
  };
}

/**
 * Simulates and summarises a scenario in this thread.
 *
 * @example simulateScenario(parseScenario({ runs: 1000 })).summary.rates.ascendedWithin5Years.rate // ≈ 0.3
 */
export function simulateScenario(scenario: Scenario, options: SimulationOptions = {}): ScenarioResult {
  return summariseBlocks(scenario, [simulateBlock(scenario, 0, scenario.runs, options)], options);
}

/** One run's outputs as plain data, `null` for "never" and for unmeasured values. */
export interface RunRecord {
  readonly run: number;
  readonly ascentYear: number | null;
  readonly ousted: boolean;
  readonly inPowerAtHorizon: boolean;
  readonly alignedAtHorizon: boolean;
  readonly defectionYear: number | null;
  readonly alignedYearsInPower: number;
  readonly leverageAtAscent: number | null;
  readonly leverageFiveYearsAfterAscent: number | null;
  readonly finalPowerShare: number;
  readonly finalLeverage: number | null;
  readonly finalGrievance: number;
  readonly refusals: number;
  readonly exposureYear: number | null;
  readonly divergence: number | null;
  readonly voteShare: number | null;
  readonly npv: number;
}

function year(value: number): number | null {
  return value < 0 ? null : value;
}

function measured(value: number): number | null {
  return Number.isNaN(value) ? null : value;
}

/** The outputs of row `row` of a block, including the state in the final year. */
export function runRecord(block: RunBlock, row: number): RunRecord {
  const c = block.columns;
  return {
    run: block.firstRun + row,
    ascentYear: year(c.ascentYear[row] as number),
    ousted: c.ousted[row] === 1,
    inPowerAtHorizon: c.inPowerAtHorizon[row] === 1,
    alignedAtHorizon: c.alignedAtHorizon[row] === 1,
    defectionYear: year(c.defectionYear[row] as number),
    alignedYearsInPower: c.alignedYearsInPower[row] as number,
    leverageAtAscent: measured(c.leverageAtAscent[row] as number),
    leverageFiveYearsAfterAscent: measured(c.leverageAfterAscent[row] as number),
    finalPowerShare: c.finalPowerShare[row] as number,
    finalLeverage: measured(c.finalLeverage[row] as number),
    finalGrievance: c.finalGrievance[row] as number,
    refusals: c.refusals[row] as number,
    exposureYear: year(c.exposureYear[row] as number),
    divergence: measured(c.divergence[row] as number),
    voteShare: measured(c.voteShare[row] as number),
    npv: c.npv[row] as number,
  };
}
