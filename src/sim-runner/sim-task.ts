/**
 * The messages between the pool and its workers: one sweep point, one block of a scenario's runs, a whole scenario
 * simulated and summarised in the worker (reporting its progress on a port), or an assessment.
 */
import type { MessagePort } from 'node:worker_threads';
import type { Assessment, AssessmentSources } from '../assess/index.js';
import type { Episode, Operation } from '../domain/index.js';
import type {
  ModelConstants,
  RunBlock,
  Scenario,
  ScenarioResult,
  SweepPoint,
  SweepPointResult,
} from '../sim/index.js';

export type SimTask =
  | { readonly kind: 'point'; readonly point: SweepPoint; readonly constants: ModelConstants }
  | {
      readonly kind: 'block';
      readonly scenario: Scenario;
      readonly firstRun: number;
      readonly count: number;
      readonly trajectories: boolean;
      readonly constants: ModelConstants;
    }
  | {
      readonly kind: 'scenario';
      readonly scenario: Scenario;
      readonly trajectories: boolean;
      readonly constants: ModelConstants;
      /** Runs a block: the worker reports the runs done on `progress` after each. */
      readonly blockRuns: number;
      readonly progress?: MessagePort;
    }
  | {
      readonly kind: 'assess';
      readonly operation: Operation;
      readonly episodes: readonly Episode[];
      readonly sources: AssessmentSources;
    };

export type SimTaskResult = SweepPointResult | RunBlock | ScenarioResult | Assessment;
