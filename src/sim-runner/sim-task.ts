/** The messages between the pool and its workers: one sweep point, or one block of a scenario's runs. */
import type { ModelConstants, RunBlock, Scenario, SweepPoint, SweepPointResult } from '../sim/index.js';

export type SimTask =
  | { readonly kind: 'point'; readonly point: SweepPoint; readonly constants: ModelConstants }
  | {
      readonly kind: 'block';
      readonly scenario: Scenario;
      readonly firstRun: number;
      readonly count: number;
      readonly trajectories: boolean;
      readonly constants: ModelConstants;
    };

export type SimTaskResult = SweepPointResult | RunBlock;
