/** The box of parameter values a sensitivity analysis explores: a name and a range for each parameter. */
import { InputError } from '../domain/input-error.js';

export interface ParameterRange {
  readonly name: string;
  readonly lower: number;
  readonly upper: number;
}

/** The parameters, in the order a model function receives their values. */
export type ParameterSpace = readonly ParameterRange[];

/** A model as the analyses see it: parameter values in, one number out. */
export type ModelFunction = (x: readonly number[]) => number;

/** Checks that `space` names each parameter once with a range of positive width. */
export function checkParameterSpace(space: ParameterSpace, role = 'parameters'): void {
  if (space.length === 0)
    throw new InputError({ field: role, message: 'name at least one parameter with its range' });
  const seen = new Set<string>();
  space.forEach((p, i) => {
    if (seen.has(p.name))
      throw new InputError({
        field: `${role}[${i}].name`,
        value: p.name,
        message: 'a parameter is named twice',
      });
    seen.add(p.name);
    if (!(Number.isFinite(p.lower) && Number.isFinite(p.upper) && p.lower < p.upper))
      throw new InputError({
        field: `${role}[${i}]`,
        value: `${p.lower}..${p.upper}`,
        message: 'a range needs finite bounds with lower < upper',
      });
  });
}

/** The point of `space` at unit coordinates `u` (each in [0, 1]). */
export const fromUnit = (space: ParameterSpace, u: readonly number[]): number[] =>
  space.map((p, i) => p.lower + (u[i] ?? 0) * (p.upper - p.lower));
