/** The article's cost ledger: the upfront costs of an operation beside the hidden ones, each with estimate and origin. */
import type { Operation } from '../domain/operation-schema.js';
import type { Scenario } from '../sim/parameters.js';
import type { BaseRates } from './base-rates.js';
import { type Figure, figure } from './figure.js';
import type { SimulatedOutcomes } from './simulated-outcomes.js';

export interface LedgerEntry {
  readonly id: string;
  readonly kind: 'upfront' | 'hidden';
  readonly label: string;
  /** One estimate from each origin that has one: the model, the record, the scenario. */
  readonly estimates: readonly { readonly label: string; readonly figure: Figure }[];
  readonly note: string;
}

/**
 * The ledger. Upfront: aid, exposure, escalation. Hidden: defection, grievance, lost leverage, and the liability
 * of a strengthened former proxy. The record's level-3 rates are lower bounds (sources record costs, seldom
 * their absence).
 */
export function costLedger(
  operation: Operation,
  scenario: Scenario,
  simulated: SimulatedOutcomes,
  rates: BaseRates,
): LedgerEntry[] {
  const value = 0.2 + 0.8 * scenario.targetPower;
  const aidOrigin = {
    source: 'scenario' as const,
    field: operation.aid === undefined ? 'means' : 'aid',
    rule: 'the mapped aid (see the parameter mapping)',
  };
  const entries: LedgerEntry[] = [
    {
      id: 'aid',
      kind: 'upfront',
      label: 'Aid',
      estimates: [
        { label: 'yearly, share of the nominal budget', figure: figure(scenario.aid, aidOrigin) },
        {
          label: `at most, over ${scenario.horizon} years`,
          figure: figure(scenario.aid * scenario.horizon, {
            source: 'derived',
            formula: 'aid × horizon (paid only while the proxy stays aligned)',
            from: [aidOrigin],
          }),
        },
      ],
      note: 'low next to a war, as the article notes: the costs in lives fall on the proxy and the target',
    },
    {
      id: 'exposure',
      kind: 'upfront',
      label: 'Exposure',
      estimates: [
        { label: 'chance, model', figure: simulated.exposed },
        ...(operation.covert ? [{ label: 'chance, record (at least)', figure: rates.exposed.pooled }] : []),
        {
          label: 'one-time cost if exposed, model units',
          figure: figure(0.5 * value, {
            source: 'derived',
            formula: '0.5 · V, V = 0.2 + 0.8 · targetPower (docs/model.md step 7)',
            from: [{ source: 'scenario', field: 'target, year, targetSize', rule: 'the mapped targetPower' }],
          }),
        },
      ],
      note: operation.covert
        ? 'leaks seldom bring force in reply, but they discredit the proxy (an exposed election intervention turns its +3 points to −2)'
        : 'overt: the cost is paid at once in standing, and the proxy may be painted as foreign',
    },
    {
      id: 'escalation',
      kind: 'upfront',
      label: 'Escalation',
      estimates: [
        { label: 'militarized dispute within ten years, record (at least)', figure: rates.dispute.pooled },
      ],
      note: 'the model has no escalation term; failed covert operations raised the chance of disputes (O’Rourke)',
    },
    {
      id: 'defection',
      kind: 'hidden',
      label: 'Defection',
      estimates: [
        { label: 'chance given a win, model', figure: simulated.defectedGivenWin },
        { label: 'chance given a win, record (at least)', figure: rates.defected.pooled },
      ],
      note: 'a proxy that consolidates power needs the sponsor less and its domestic audience more',
    },
    {
      id: 'grievance',
      kind: 'hidden',
      label: 'Grievance',
      estimates: [
        { label: 'mean grievance at the horizon among wins, model units', figure: simulated.finalGrievance },
        { label: 'recorded grievance, record (at least)', figure: rates.grievance.pooled },
      ],
      note: 'the sponsor expects gratitude, the proxy remembers pressure: both feel wronged',
    },
    {
      id: 'leverage-lost',
      kind: 'hidden',
      label: 'Leverage lost on success',
      estimates:
        simulated.leverageRetained !== undefined
          ? [{ label: 'leverage kept five years after a win, model', figure: simulated.leverageRetained }]
          : [],
      note: 'the more the proxy succeeds, the less it depends on the sponsor',
    },
    {
      id: 'liability',
      kind: 'hidden',
      label: 'A strengthened former proxy',
      estimates: [
        {
          label: 'former proxy in power and hostile at the horizon, given a win, model',
          figure: simulated.formerProxyInPower,
        },
        { label: 'discounted payoff, mean, model units', figure: simulated.npv },
      ],
      note: 'the model charges V · wI · (1 + 0.5 · min(aid given, 3)) a year once the proxy breaks away: past aid arms a rival',
    },
  ];
  return entries;
}
