/** A number in an assessment together with where it came from: episodes, simulated runs, the scenario, or a formula. */

/** Episodes of the record: which ones, and how the number was drawn from them. */
export interface RecordOrigin {
  readonly source: 'record';
  /** The ids of the episodes the number counts. */
  readonly episodes: readonly string[];
  readonly method: string;
}

/** Simulated runs: which simulation of the report, the model, the seed and the runs drawn. */
export interface SimulationOrigin {
  readonly source: 'simulation';
  /** The id of the simulation in the report's `simulations` list. */
  readonly simulation: string;
  readonly model: string;
  readonly seed: number;
  /** Runs `0 … runs − 1` of the seed's streams. */
  readonly runs: number;
  readonly method: string;
}

/** A field of the scenario file, taken as given or mapped by a documented rule. */
export interface ScenarioOrigin {
  readonly source: 'scenario';
  readonly field: string;
  readonly rule: string;
}

/** A formula over other numbers, whose own origins are listed. */
export interface DerivedOrigin {
  readonly source: 'derived';
  readonly formula: string;
  readonly from: readonly Origin[];
}

export type Origin = RecordOrigin | SimulationOrigin | ScenarioOrigin | DerivedOrigin;

/** An estimate with its interval (when it has one), its sample size (when counted) and its origin. */
export interface Figure {
  readonly value: number;
  readonly low?: number;
  readonly high?: number;
  /** Trials behind a counted rate: episodes, or simulated runs. */
  readonly n?: number;
  readonly provenance: Origin;
}

/** A figure from its parts, leaving out the ones not given (exactOptionalPropertyTypes forbids `undefined`). */
export function figure(
  value: number,
  provenance: Origin,
  extra: { readonly low?: number; readonly high?: number; readonly n?: number } = {},
): Figure {
  return {
    value,
    ...(extra.low !== undefined ? { low: extra.low } : {}),
    ...(extra.high !== undefined ? { high: extra.high } : {}),
    ...(extra.n !== undefined ? { n: extra.n } : {}),
    provenance,
  };
}
