/** The article's failure modes, each scored 0..1 for one operation with the reason and the origin of the score. */
import { percent } from '../domain/number-format.js';
import type { Operation } from '../domain/operation-schema.js';
import type { Scenario } from '../sim/parameters.js';
import type { BaseRates } from './base-rates.js';
import { type Figure, figure } from './figure.js';
import type { SimulatedOutcomes } from './simulated-outcomes.js';

export const RISK_IDS = [
  'hard-target',
  'unreliable-proxy',
  'leverage-lost',
  'chain-of-intermediaries',
  'grievance',
  'exposure',
] as const;
export type RiskId = (typeof RISK_IDS)[number];

export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** Score thresholds of the levels (docs/assessment.md): below 0.3 low, from 0.6 high. */
export const RISK_THRESHOLDS = { medium: 0.3, high: 0.6 } as const;

/** Grievance in model units that scores 1: two deals over the proxy's head (0.15 each) left unforgotten. */
export const GRIEVANCE_SCALE = 0.3;

/** Runs won below which a conditional simulated rate is too thin to score on, and the inputs are used instead. */
export const MIN_WINS = 30;

export interface Risk {
  readonly id: RiskId;
  /** The failure mode in the article's words. */
  readonly title: string;
  readonly score: Figure;
  readonly level: RiskLevel;
  readonly reason: string;
}

export const levelOf = (score: number): RiskLevel =>
  score >= RISK_THRESHOLDS.high ? 'high' : score >= RISK_THRESHOLDS.medium ? 'medium' : 'low';

const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));

/**
 * Scores every failure mode. Scores come from the model where it has the mechanism (defection, leverage,
 * exposure), from the record where the model has none, and from the scenario's own inputs where a rule is direct.
 */
export function riskRegister(
  operation: Operation,
  scenario: Scenario,
  simulated: SimulatedOutcomes,
  rates: BaseRates,
): Risk[] {
  const P = scenario.targetPower;
  const wins = simulated.win.n ?? 0;
  const winRuns = Math.round(simulated.win.value * wins);
  const risks: Omit<Risk, 'level'>[] = [];

  risks.push({
    id: 'hard-target',
    title: 'a hard target: large, self-sufficient states are hard to subvert',
    score: figure(P, {
      source: 'scenario',
      field: 'target, year, targetSize',
      rule: 'the score is the mapped targetPower',
    }),
    reason:
      operation.targetClass === 'major-power'
        ? `a major power in ${operation.year}: the rival is strong and change slow (targetPower ${P})`
        : `a minor power of ${operation.targetSize ?? 'middle'} size (targetPower ${P})`,
  });

  const expectedDivergence = clamp01(
    scenario.divergence + scenario.capabilityDivergence * scenario.capability * (1 - scenario.divergence),
  );
  const defection = simulated.defectedGivenWin;
  const enough = winRuns >= MIN_WINS;
  risks.push({
    id: 'unreliable-proxy',
    title: 'a capable but unreliable proxy: the capable ones have agendas of their own',
    score: enough
      ? defection
      : figure(scenario.capability * expectedDivergence, {
          source: 'derived',
          formula: `capability × expected divergence (too few simulated wins, ${winRuns}, to count defections)`,
          from: [
            { source: 'scenario', field: 'proxy.capability', rule: 'as given' },
            { source: 'scenario', field: 'proxy.divergence', rule: 'δ0 + ρκ(1 − δ0), ρ = 0.5' },
          ],
        }),
    reason: `capability ${scenario.capability}, divergence ${scenario.divergence} (expected ${expectedDivergence.toFixed(2)} once capability adds its own agenda)${enough ? `: the proxy defects in ${percent(defection.value)} of simulated wins` : ''}`,
  });

  const retained = simulated.leverageRetained;
  risks.push({
    id: 'leverage-lost',
    title: 'leverage lost on success: the more the proxy succeeds, the less it depends on the sponsor',
    score:
      retained !== undefined && (retained.n ?? 0) >= MIN_WINS
        ? figure(clamp01(1 - retained.value), {
            source: 'derived',
            formula: '1 − leverage five years after the win ÷ leverage at the win',
            from: [retained.provenance],
          })
        : figure(P, {
            source: 'scenario',
            field: 'target, year, targetSize',
            rule: 'too few simulated wins to measure leverage: the targetPower, which sets the resources power brings',
          }),
    reason:
      retained !== undefined && (retained.n ?? 0) >= MIN_WINS
        ? `five years after a win the sponsor keeps ${percent(retained.value)} of its leverage`
        : `a proxy in power in a state of targetPower ${P} gains resources of its own`,
  });

  const layers = scenario.layers;
  risks.push({
    id: 'chain-of-intermediaries',
    title: 'chains of intermediaries: each layer weakens the principal’s control',
    score: figure(1 - 0.8 ** layers, {
      source: 'scenario',
      field: 'proxy.intermediaries, means',
      rule: 'control lost through the chain, 1 − 0.8^layers (docs/model.md: each layer keeps 80 %)',
    }),
    reason:
      layers === 0
        ? 'the sponsor deals with the proxy directly'
        : `${layers} intermediar${layers === 1 ? 'y' : 'ies'} keep ${percent(0.8 ** layers)} of control and ${percent(0.9 ** layers)} of the aid`,
  });

  const modelGrievance = clamp01(simulated.finalGrievance.value / GRIEVANCE_SCALE);
  const recordGrievance = rates.grievance.pooled.value;
  const grievanceFromModel = modelGrievance >= recordGrievance;
  risks.push({
    id: 'grievance',
    title: 'grievances born of expected gratitude: pressure and deals over the proxy’s head are remembered',
    score: grievanceFromModel
      ? figure(modelGrievance, {
          source: 'derived',
          formula: `simulated mean grievance among wins ÷ ${GRIEVANCE_SCALE}, capped at 1`,
          from: [simulated.finalGrievance.provenance],
        })
      : rates.grievance.pooled,
    reason: `pressure ${scenario.heavyHandedness}, opportunism ${scenario.opportunism}; ${grievanceFromModel ? `simulated grievance ${simulated.finalGrievance.value.toFixed(2)} at the horizon` : `the record shows grievance in at least ${percent(recordGrievance)} of such episodes`}`,
  });

  risks.push({
    id: 'exposure',
    title: 'exposure: the sponsor’s hand is revealed',
    score: operation.covert
      ? simulated.exposed.value >= rates.exposed.pooled.value
        ? simulated.exposed
        : rates.exposed.pooled
      : figure(0, { source: 'scenario', field: 'covert', rule: 'overt: nothing to expose' }),
    reason: operation.covert
      ? `covert, with aid ${scenario.aid} through ${layers} layer${layers === 1 ? '' : 's'}: exposed in ${percent(simulated.exposed.value)} of runs; at least ${percent(rates.exposed.pooled.value)} of such covert episodes in the record were`
      : 'overt: the role is declared, so its cost is upfront (see the ledger), not a risk',
  });

  return risks.map((risk) => ({ ...risk, level: levelOf(risk.score.value) }));
}
