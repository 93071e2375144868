/** How a proposed operation becomes scenarios of the interference model: the documented table, row by row. */
import type { Means } from '../domain/codebook.js';
import type { Operation, TargetSize } from '../domain/operation-schema.js';
import { parseScenario, type Scenario, type ScenarioInput } from '../sim/parameters.js';

/**
 * targetPower P by the target's class and size. The model reads 0.8+ as a major power (docs/model.md); a large
 * minor power (a potential major power such as China in 1945) sits below that line but well above a middle state.
 */
export const TARGET_POWER: Readonly<Record<'major-power' | TargetSize, number>> = {
  'major-power': 0.85,
  large: 0.6,
  middle: 0.3,
  small: 0.1,
};

/**
 * Yearly aid each means adds, as a share of the model's nominal budget, when the scenario gives no `aid`.
 * Money and arms cost most; words and code least; intermediaries cost nothing themselves (they are `layers`).
 * The sum is capped at 1. The model's default aid, 0.3, is about financing, arms and advisers together.
 */
export const AID_BY_MEANS: Readonly<Record<Means, number>> = {
  financing: 0.1,
  'armed-support': 0.15,
  expertise: 0.05,
  'electoral-assistance': 0.05,
  propaganda: 0.03,
  cyber: 0.02,
  intermediaries: 0,
};

/** Table 1's rationales as the model's payoff weights; a rationale the sponsor does not hold is worth 0 to it. */
export const WEIGHT_BY_RATIONALE = { intentions: 1, capabilities: 0.5, regime: 0.3 } as const;

/** The model's defaults for what a scenario file may leave out. */
export const DEFAULT_NATIONALISM = 0.5;
export const DEFAULT_OPPORTUNISM = 0.1;

export interface MappingRow {
  readonly parameter: string;
  readonly value: number | string;
  /** The scenario field(s) it comes from. */
  readonly field: string;
  readonly rule: string;
}

export interface ParameterMapping {
  /** The scenario the operation is simulated as. */
  readonly scenario: Scenario;
  /**
   * For an election, the years after a win: the proxy in power as an incumbent in a struggle, which is where
   * defection and lost leverage can show. Absent for the other kinds, whose main scenario already runs for years.
   */
  readonly followOn?: Scenario;
  readonly rows: readonly MappingRow[];
}

export function targetSizeOf(operation: Pick<Operation, 'targetClass' | 'targetSize'>): TargetSize {
  return operation.targetSize ?? (operation.targetClass === 'major-power' ? 'large' : 'middle');
}

export function targetPowerOf(operation: Pick<Operation, 'targetClass' | 'targetSize'>): number {
  return operation.targetClass === 'major-power'
    ? TARGET_POWER['major-power']
    : TARGET_POWER[targetSizeOf(operation)];
}

export function aidOf(operation: Pick<Operation, 'aid' | 'means'>): number {
  if (operation.aid !== undefined) return operation.aid;
  const sum = operation.means.reduce((total, m) => total + AID_BY_MEANS[m], 0);
  return Math.min(1, Math.round(sum * 1000) / 1000);
}

export function layersOf(operation: Pick<Operation, 'means' | 'proxy'>): number {
  const given = operation.proxy.intermediaries;
  return operation.means.includes('intermediaries') ? Math.max(1, given) : given;
}

/**
 * Maps the operation onto the model, recording the rule behind every parameter.
 *
 * @example mapToScenario(operation).scenario.targetPower // 0.85 for a major power
 */
export function mapToScenario(
  operation: Operation,
  overrides: Partial<ScenarioInput> = {},
): ParameterMapping {
  const election = operation.kind === 'electoral';
  const held = new Set(operation.rationale);
  const weights = {
    intentions: held.has('intentions') ? WEIGHT_BY_RATIONALE.intentions : 0,
    capabilities: held.has('capabilities') ? WEIGHT_BY_RATIONALE.capabilities : 0,
    regime: held.has('regime') ? WEIGHT_BY_RATIONALE.regime : 0,
  };
  const size = targetSizeOf(operation);
  const input: ScenarioInput = {
    name: operation.name,
    side: operation.side,
    mode: election ? 'election' : 'struggle',
    targetPower: targetPowerOf(operation),
    capability: operation.proxy.capability,
    divergence: operation.proxy.divergence,
    nationalism: operation.proxy.nationalism ?? DEFAULT_NATIONALISM,
    aid: aidOf(operation),
    layers: layersOf(operation),
    heavyHandedness: operation.pressure,
    opportunism: operation.opportunism ?? DEFAULT_OPPORTUNISM,
    weights,
    horizon: operation.horizon,
    runs: operation.runs,
    seed: operation.seed,
    ...overrides,
  };
  const scenario = parseScenario(input);
  const followOn = election
    ? parseScenario({ ...input, mode: 'struggle', side: 'incumbent', name: `${operation.name}-after-a-win` })
    : undefined;
  const rows: MappingRow[] = [
    {
      parameter: 'mode',
      value: scenario.mode,
      field: 'kind',
      rule: election
        ? 'electoral → one election; the years after a win are simulated as the proxy in power (struggle, incumbent)'
        : `${operation.kind} → a multi-year struggle`,
    },
    { parameter: 'side', value: scenario.side, field: 'side', rule: 'as given' },
    {
      parameter: 'targetPower',
      value: scenario.targetPower,
      field: 'target, year, targetSize',
      rule:
        operation.targetClass === 'major-power'
          ? `a major power in ${operation.year} (COW list) → ${TARGET_POWER['major-power']}`
          : `a minor power in ${operation.year}, size ${size}${operation.targetSize === undefined ? ' (default)' : ''} → ${TARGET_POWER[size]}`,
    },
    { parameter: 'capability', value: scenario.capability, field: 'proxy.capability', rule: 'as given' },
    { parameter: 'divergence', value: scenario.divergence, field: 'proxy.divergence', rule: 'as given' },
    {
      parameter: 'nationalism',
      value: scenario.nationalism,
      field: 'proxy.nationalism',
      rule: operation.proxy.nationalism === undefined ? 'not given → the model default 0.5' : 'as given',
    },
    {
      parameter: 'aid',
      value: scenario.aid,
      field: operation.aid === undefined ? 'means' : 'aid',
      rule:
        operation.aid === undefined
          ? `sum over the means (${operation.means.map((m) => `${m} ${AID_BY_MEANS[m]}`).join(', ')}), capped at 1`
          : 'as given',
    },
    {
      parameter: 'layers',
      value: scenario.layers,
      field: 'proxy.intermediaries, means',
      rule: operation.means.includes('intermediaries')
        ? 'as given, and at least 1 since the means include intermediaries'
        : 'as given',
    },
    { parameter: 'heavyHandedness', value: scenario.heavyHandedness, field: 'pressure', rule: 'as given' },
    {
      parameter: 'opportunism',
      value: scenario.opportunism,
      field: 'opportunism',
      rule: operation.opportunism === undefined ? 'not given → the model default 0.1' : 'as given',
    },
    {
      parameter: 'weights',
      value: `intentions ${weights.intentions}, capabilities ${weights.capabilities}, regime ${weights.regime}`,
      field: 'rationale',
      rule: 'a rationale held → its default weight (1, 0.5, 0.3); one not held → 0',
    },
    { parameter: 'horizon', value: scenario.horizon, field: 'horizon', rule: 'years looked ahead' },
    { parameter: 'runs', value: scenario.runs, field: 'runs', rule: 'as given' },
    { parameter: 'seed', value: scenario.seed, field: 'seed', rule: 'as given' },
  ];
  return { scenario, ...(followOn !== undefined ? { followOn } : {}), rows };
}
