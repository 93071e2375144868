/** The assessment of a proposed operation: comparables, base rates, simulation, ledger, risks, verdict and sweep, as one report model. */
import type { Episode } from '../domain/episode-schema.js';
import type { Operation } from '../domain/operation-schema.js';
import { DEFAULT_CONSTANTS, MODEL_VERSION, type ModelConstants } from '../sim/model-constants.js';
import { type AssumptionSweep, SWEEP_RUNS, sweepAssumptions } from './assumption-sweep.js';
import { type BaseRates, baseRates } from './base-rates.js';
import { type Comparable, findComparables, type LeftOut } from './comparables.js';
import { costLedger, type LedgerEntry } from './cost-ledger.js';
import { type Figure, figure, type RecordOrigin, type ScenarioOrigin } from './figure.js';
import { type OutcomeOdds, outcomeOdds } from './outcome-odds.js';
import { type MappingRow, mapToScenario } from './parameter-mapping.js';
import { type Risk, riskRegister } from './risk-register.js';
import { type SimulatedOutcomes, type SimulationRecord, simulateOutcomes } from './simulated-outcomes.js';
import { decideVerdict, type VerdictResult } from './verdict.js';

/** The outcomes without their list of simulations, which the report lists once at its top level. */
function withoutSimulations(simulated: SimulatedOutcomes): Omit<SimulatedOutcomes, 'simulations'> {
  const { simulations: _listed, ...outcomes } = simulated;
  return outcomes;
}

/** What the caller knows of where the inputs came from; the assessment adds the model's part. */
export interface AssessmentSources {
  readonly meddle: string;
  readonly record: { readonly version: string; readonly hash: string; readonly episodes: number };
  readonly scenario: { readonly file: string; readonly hash: string };
  /** State names for the report's prose; the codes are used when absent. */
  readonly names?: { readonly interferer: string; readonly target: string };
}

export interface AssessmentProvenance extends Omit<AssessmentSources, 'names'> {
  readonly model: string;
  readonly constants: ModelConstants;
  readonly seed: number;
  readonly runs: number;
  readonly sweepRuns: number;
}

export interface ComparableEntry {
  readonly id: string;
  readonly title: string;
  readonly startYear: number;
  readonly kind: Episode['kind'];
  readonly side: Episode['side'];
  readonly targetClass: Episode['targetClass'];
  readonly proxyOutcome: Episode['proxyOutcome'];
  readonly payoff: Episode['payoff'];
  readonly similarity: Figure;
  readonly features: Comparable['similarity']['features'];
  readonly reason: string;
  readonly sources: Episode['sources'];
  readonly provenance: RecordOrigin;
}

export interface Assessment {
  readonly operation: Operation & {
    readonly interfererName: string;
    readonly targetName: string;
    readonly provenance: ScenarioOrigin;
  };
  readonly verdict: VerdictResult;
  readonly odds: OutcomeOdds;
  readonly comparables: { readonly list: readonly ComparableEntry[]; readonly leftOut: readonly LeftOut[] };
  readonly baseRates: BaseRates;
  readonly mapping: readonly (MappingRow & { readonly provenance: ScenarioOrigin })[];
  readonly simulations: readonly SimulationRecord[];
  readonly simulated: Omit<SimulatedOutcomes, 'simulations'>;
  readonly ledger: readonly LedgerEntry[];
  readonly risks: readonly Risk[];
  readonly assumptions: readonly AssumptionSweep[];
  readonly provenance: AssessmentProvenance;
}

export interface AssessOptions {
  /** Runs per point of the key-assumption sweep. */
  readonly sweepRuns?: number;
}

/**
 * Assesses an operation against the record and the model. Deterministic: the same operation, record and seed
 * give the same report, byte for byte.
 *
 * @example assessOperation(operation, episodes, sources).verdict.verdict // 'advise against' for a major power
 */
export function assessOperation(
  operation: Operation,
  episodes: readonly Episode[],
  sources: AssessmentSources,
  options: AssessOptions = {},
): Assessment {
  const sweepRuns = options.sweepRuns ?? SWEEP_RUNS;
  const found = findComparables(operation, episodes);
  const eligible = episodes.filter((e) => !found.leftOut.some((x) => x.id === e.id));
  const rates = baseRates(operation, eligible, found.comparables);
  const mapping = mapToScenario(operation);
  const simulated = simulateOutcomes(mapping);
  const odds = outcomeOdds(rates, simulated);
  const risks = riskRegister(operation, mapping.scenario, simulated, rates);
  const verdict = decideVerdict(odds, risks, simulated.npv);
  const assumptions = sweepAssumptions(operation, rates, verdict.verdict, sweepRuns);
  const ledger = costLedger(operation, mapping.scenario, simulated, rates);
  const { names, ...given } = sources;
  return {
    operation: {
      ...operation,
      interfererName: names?.interferer ?? String(operation.interferer),
      targetName: names?.target ?? String(operation.target),
      provenance: { source: 'scenario', field: sources.scenario.file, rule: 'as read, states resolved' },
    },
    verdict,
    odds,
    comparables: {
      list: found.comparables.map((c) => ({
        id: c.episode.id,
        title: c.episode.title,
        startYear: c.episode.startYear,
        kind: c.episode.kind,
        side: c.episode.side,
        targetClass: c.episode.targetClass,
        proxyOutcome: c.episode.proxyOutcome,
        payoff: c.episode.payoff,
        similarity: figure(c.similarity.score, {
          source: 'derived',
          formula: 'Σ weight · match / Σ weight over the features (docs/assessment.md)',
          from: [
            { source: 'record', episodes: [c.episode.id], method: 'the coded fields' },
            { source: 'scenario', field: sources.scenario.file, rule: 'the operation’s fields' },
          ],
        }),
        features: c.similarity.features,
        reason: c.reason,
        sources: c.episode.sources,
        provenance: { source: 'record', episodes: [c.episode.id], method: 'the episode as coded' },
      })),
      leftOut: found.leftOut,
    },
    baseRates: rates,
    mapping: mapping.rows.map((row) => ({
      ...row,
      provenance: { source: 'scenario', field: row.field, rule: row.rule },
    })),
    simulations: simulated.simulations,
    simulated: withoutSimulations(simulated),
    ledger,
    risks,
    assumptions,
    provenance: {
      ...given,
      model: MODEL_VERSION,
      constants: DEFAULT_CONSTANTS,
      seed: operation.seed,
      runs: operation.runs,
      sweepRuns,
    },
  };
}
