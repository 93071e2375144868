/** Two groups' event counts, the input of every two-sample comparison of proportions here. */

/** Group 1 is compared with group 2, the reference: ratios are group 1 over group 2, differences 1 − 2. */
export interface TwoGroupCounts {
  readonly k1: number;
  readonly n1: number;
  readonly k2: number;
  readonly n2: number;
}
