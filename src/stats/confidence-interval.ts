/** The shape every interval in meddle's statistics takes, so renderers can print any of them alike. */

export interface ConfidenceInterval {
  readonly lower: number;
  readonly upper: number;
  /** The nominal coverage, 0.95 for 95 %. */
  readonly level: number;
  /** How the interval was computed, in words a methods section can quote (`wilson`, `katz-log`). */
  readonly method: string;
}
