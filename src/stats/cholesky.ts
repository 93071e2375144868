/** Cholesky factorisation of a small symmetric positive-definite matrix, for solving and inverting it. */

/**
 * The lower-triangular L with L·Lᵀ = A, or undefined when A is not (numerically) positive definite, which
 * for a regression's information matrix means collinear predictors.
 *
 * @see https://en.wikipedia.org/wiki/Cholesky_decomposition#The_Cholesky%E2%80%93Banachiewicz_and_Cholesky%E2%80%93Crout_algorithms
 * @example
 * choleskyFactor([[4, 2], [2, 3]]); // [[2, 0], [1, 1.4142135623730951]]
 */
export function choleskyFactor(matrix: readonly (readonly number[])[]): number[][] | undefined {
  const size = matrix.length;
  const lower = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  for (let i = 0; i < size; i++) {
    const row = lower[i] as number[];
    for (let j = 0; j <= i; j++) {
      const other = lower[j] as number[];
      let sum = matrix[i]?.[j] ?? 0;
      for (let k = 0; k < j; k++) sum -= (row[k] ?? 0) * (other[k] ?? 0);
      if (i === j) {
        // Relative threshold: a pivot this small against the diagonal means a (near-)singular matrix.
        if (!(sum > 1e-12 * Math.abs(matrix[i]?.[i] ?? 0)) || sum <= 0) return undefined;
        row[j] = Math.sqrt(sum);
      } else row[j] = sum / (other[j] ?? 1);
    }
  }
  return lower;
}

/**
 * x with L·Lᵀ·x = b, by forward then back substitution.
 *
 * @example
 * choleskySolve(choleskyFactor([[4, 2], [2, 3]])!, [2, 1]); // [0.5, 0]
 */
export function choleskySolve(lower: readonly (readonly number[])[], b: readonly number[]): number[] {
  const size = lower.length;
  const y = new Array<number>(size).fill(0);
  for (let i = 0; i < size; i++) {
    let sum = b[i] ?? 0;
    for (let k = 0; k < i; k++) sum -= (lower[i]?.[k] ?? 0) * (y[k] ?? 0);
    y[i] = sum / (lower[i]?.[i] ?? 1);
  }
  const x = new Array<number>(size).fill(0);
  for (let i = size - 1; i >= 0; i--) {
    let sum = y[i] ?? 0;
    for (let k = i + 1; k < size; k++) sum -= (lower[k]?.[i] ?? 0) * (x[k] ?? 0);
    x[i] = sum / (lower[i]?.[i] ?? 1);
  }
  return x;
}

/**
 * A⁻¹ from A's Cholesky factor, column by column.
 *
 * @example
 * choleskyInverse(choleskyFactor([[4, 2], [2, 3]])!); // [[0.375, -0.25], [-0.25, 0.5]]
 */
export function choleskyInverse(lower: readonly (readonly number[])[]): number[][] {
  const size = lower.length;
  const columns = Array.from({ length: size }, (_, j) =>
    choleskySolve(
      lower,
      Array.from({ length: size }, (_, i) => (i === j ? 1 : 0)),
    ),
  );
  return Array.from({ length: size }, (_, i) => columns.map((column) => column[i] ?? 0));
}

/**
 * xᵀ A⁻¹ x from A's Cholesky factor, with one solve: the statistic of a score, Wald or log-rank test.
 *
 * @example
 * inverseQuadraticForm(choleskyFactor([[4, 2], [2, 3]])!, [2, 1]); // 1
 */
export function inverseQuadraticForm(lower: readonly (readonly number[])[], x: readonly number[]): number {
  const solved = choleskySolve(lower, x);
  return x.reduce((sum, v, i) => sum + v * (solved[i] as number), 0);
}
