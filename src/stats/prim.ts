/**
 * Scenario discovery by PRIM, the patient rule induction method (Friedman and Fisher 1999): from points in a
 * parameter space, each marked as meeting a condition or not, peel a box a little at a time so that the share of
 * points inside it that meet the condition (its density) rises, and report the whole peeling trajectory, each
 * box with its coverage (the share of all the points meeting the condition that it holds) and its mass.
 */
import { InputError } from '../domain/input-error.js';

/** A box: for each parameter, the bounds the points inside it lie within (inclusive). */
export type PrimBounds = readonly (readonly [number, number])[];

export interface PrimBox {
  readonly bounds: PrimBounds;
  /** Points inside the box. */
  readonly n: number;
  /** Share of all points inside the box. */
  readonly mass: number;
  /** Share of the points inside that meet the condition. */
  readonly density: number;
  /** Share of the points meeting the condition that lie inside. */
  readonly coverage: number;
  /** The parameters whose bounds are narrower than the data's: what the box says. */
  readonly restricted: readonly number[];
}

export interface PrimOptions {
  /** Share of the box's points each peel removes (default 0.05). */
  readonly alpha?: number;
  /** Peeling stops before the box holds less than this share of all points (default 0.05). */
  readonly minMass?: number;
  /** The chosen box is the densest of those covering at least this share (default 0.5). */
  readonly minCoverage?: number;
}

export interface PrimResult {
  readonly trajectory: readonly PrimBox[];
  /** Index into the trajectory of the box chosen by `minCoverage`. */
  readonly chosen: number;
  /** Share of all points that meet the condition: the density of the whole space. */
  readonly baseDensity: number;
  readonly alpha: number;
  readonly minMass: number;
  readonly minCoverage: number;
}

function boxOf(
  x: readonly (readonly number[])[],
  y: readonly boolean[],
  inside: readonly number[],
  bounds: PrimBounds,
  full: PrimBounds,
  hits: number,
): PrimBox {
  const inHits = inside.reduce((s, i) => s + (y[i] ? 1 : 0), 0);
  return {
    bounds,
    n: inside.length,
    mass: inside.length / x.length,
    density: inside.length === 0 ? 0 : inHits / inside.length,
    coverage: hits === 0 ? 0 : inHits / hits,
    restricted: bounds.flatMap((b, j) =>
      b[0] > (full[j] as [number, number])[0] || b[1] < (full[j] as [number, number])[1] ? [j] : [],
    ),
  };
}

/**
 * The peeling trajectory of `x` (one row of parameter values a point) against `y` (whether each point meets
 * the condition). Each step tries, for every parameter, cutting the lowest or the highest `alpha` of the box's
 * points on it, and keeps the cut that leaves the highest density (ties: the larger box, then the first
 * parameter). Deterministic: the same points give the same boxes.
 *
 * @example
 * prim(points.map((p) => [p.values.capability, p.values.heavyHandedness]), points.map((p) => p.summary.means.npv.mean > 0))
 */
export function prim(
  x: readonly (readonly number[])[],
  y: readonly boolean[],
  options: PrimOptions = {},
): PrimResult {
  const alpha = options.alpha ?? 0.05;
  const minMass = options.minMass ?? 0.05;
  const minCoverage = options.minCoverage ?? 0.5;
  if (x.length !== y.length || x.length === 0)
    throw new InputError({
      field: 'points',
      message: 'give as many outcomes as points, and at least one point',
    });
  if (!(alpha > 0 && alpha < 0.5))
    throw new InputError({
      field: 'alpha',
      value: String(alpha),
      message: 'alpha lies strictly between 0 and 0.5',
    });
  if (!(minMass > 0 && minMass < 1))
    throw new InputError({
      field: 'minMass',
      value: String(minMass),
      message: 'minMass lies strictly between 0 and 1',
    });
  if (!(minCoverage >= 0 && minCoverage <= 1))
    throw new InputError({
      field: 'minCoverage',
      value: String(minCoverage),
      message: 'minCoverage lies between 0 and 1',
    });
  const k = x[0]?.length ?? 0;
  if (k === 0 || x.some((row) => row.length !== k || row.some((v) => !Number.isFinite(v))))
    throw new InputError({
      field: 'points',
      message: 'every point needs the same number of finite parameter values',
    });

  const hits = y.filter(Boolean).length;
  const full: PrimBounds = Array.from({ length: k }, (_, j) => {
    const column = x.map((row) => row[j] as number);
    return [Math.min(...column), Math.max(...column)] as const;
  });
  let inside = x.map((_, i) => i);
  let bounds = full;
  const trajectory: PrimBox[] = [boxOf(x, y, inside, bounds, full, hits)];
  for (;;) {
    let best: { inside: number[]; bounds: PrimBounds; density: number } | undefined;
    for (let j = 0; j < k; j++) {
      const values = inside.map((i) => x[i]?.[j] as number).sort((a, b) => a - b);
      const cut = Math.max(1, Math.floor(alpha * values.length));
      // Lower peel: drop the points below the cut value; upper peel: those above. Ties at the cut stay in, but
      // where a tie at the edge is larger than the cut (a grid), the whole edge value goes, or peeling stalls.
      const first = values[0] as number;
      const last = values[values.length - 1] as number;
      let low = values[cut] as number;
      if (low === first) low = values.find((v) => v > first) ?? first;
      let high = values[values.length - 1 - cut] as number;
      if (high === last) high = values.findLast((v) => v < last) ?? last;
      for (const side of ['lower', 'upper'] as const) {
        const keep =
          side === 'lower'
            ? inside.filter((i) => (x[i]?.[j] as number) >= low)
            : inside.filter((i) => (x[i]?.[j] as number) <= high);
        if (keep.length === inside.length || keep.length / x.length < minMass) continue;
        const density = keep.reduce((s, i) => s + (y[i] ? 1 : 0), 0) / keep.length;
        if (
          best === undefined ||
          density > best.density + 1e-12 ||
          (Math.abs(density - best.density) <= 1e-12 && keep.length > best.inside.length)
        ) {
          const next = bounds.map((b, c) =>
            c !== j ? b : side === 'lower' ? ([low, b[1]] as const) : ([b[0], high] as const),
          );
          best = { inside: keep, bounds: next, density };
        }
      }
    }
    if (best === undefined) break;
    inside = best.inside;
    bounds = best.bounds;
    trajectory.push(boxOf(x, y, inside, bounds, full, hits));
  }
  let chosen = 0;
  trajectory.forEach((box, i) => {
    const current = trajectory[chosen] as PrimBox;
    if (box.coverage >= minCoverage && box.density > current.density) chosen = i;
  });
  return { trajectory, chosen, baseDensity: hits / x.length, alpha, minMass, minCoverage };
}
