/** The article's first two questions answered by record and model together: the odds that the proxy wins and that the win pays off. */
import type { BaseRates } from './base-rates.js';
import { type DerivedOrigin, type Figure, figure } from './figure.js';
import type { SimulatedOutcomes } from './simulated-outcomes.js';

/**
 * Record episodes in a stratum at which the record and the model weigh the same. The record's weight is
 * n / (n + RECORD_PARITY): an empty stratum leaves the model alone, twenty episodes give the record two thirds.
 */
export const RECORD_PARITY = 10;

export interface OutcomeOdds {
  /** The proxy wins (the election, power, or keeps power). */
  readonly win: Figure;
  /** Given a win, the interferer gains an alignment that lasts to the horizon. */
  readonly payoffGivenWin: Figure;
  /** Both: the operation pays off. */
  readonly payoff: Figure;
  /** The record's weight in `win` and `payoffGivenWin`. */
  readonly recordWeight: { readonly win: number; readonly payoffGivenWin: number };
  readonly provenance: DerivedOrigin;
}

/** Weight of the record in a blend, from the trials in the operation's stratum. */
export const recordWeight = (trials: number): number => trials / (trials + RECORD_PARITY);

/** A weighted mean of the record's and the model's estimate; its interval blends theirs the same way. */
export function blend(record: Figure, model: Figure, weight: number, what: string): Figure {
  const mix = (r: number | undefined, m: number | undefined): number | undefined =>
    r === undefined || m === undefined ? undefined : weight * r + (1 - weight) * m;
  const low = mix(record.low, model.low);
  const high = mix(record.high, model.high);
  return figure(
    weight * record.value + (1 - weight) * model.value,
    {
      source: 'derived',
      formula: `${what} = w·record + (1 − w)·model, w = n/(n + ${RECORD_PARITY}) = ${weight.toFixed(3)}; interval blended alike`,
      from: [record.provenance, model.provenance],
    },
    { ...(low !== undefined ? { low } : {}), ...(high !== undefined ? { high } : {}) },
  );
}

/**
 * The odds, blending each base rate with the simulated rate. The payoff is the product of the two; its interval
 * multiplies the bounds, which is conservative (wider than the product's own interval).
 */
export function outcomeOdds(rates: BaseRates, simulated: SimulatedOutcomes): OutcomeOdds {
  const wWin = recordWeight(rates.proxyWin.raw.trials);
  const wPay = recordWeight(rates.payoffGivenWin.raw.trials);
  const win = blend(rates.proxyWin.pooled, simulated.win, wWin, 'P(win)');
  const payoffGivenWin = blend(
    rates.payoffGivenWin.pooled,
    simulated.payoffGivenWin,
    wPay,
    'P(pays off | win)',
  );
  const payoff = figure(
    win.value * payoffGivenWin.value,
    {
      source: 'derived',
      formula: 'P(pays off) = P(win) × P(pays off | win); interval: product of the bounds (conservative)',
      from: [win.provenance, payoffGivenWin.provenance],
    },
    {
      ...(win.low !== undefined && payoffGivenWin.low !== undefined
        ? { low: win.low * payoffGivenWin.low }
        : {}),
      ...(win.high !== undefined && payoffGivenWin.high !== undefined
        ? { high: win.high * payoffGivenWin.high }
        : {}),
    },
  );
  return {
    win,
    payoffGivenWin,
    payoff,
    recordWeight: { win: wWin, payoffGivenWin: wPay },
    provenance: {
      source: 'derived',
      formula: `record weight n/(n + ${RECORD_PARITY}) from the trials in the operation's stratum`,
      from: [rates.proxyWin.provenance, rates.payoffGivenWin.provenance],
    },
  };
}
