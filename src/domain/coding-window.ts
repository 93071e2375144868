/**
 * The codebook's window and the dispute rule that rests on it: the years in which levels 2 and 3 are judged,
 * and how a militarized interstate dispute in the MID data settles `dispute` for those years.
 */
import type { CodedEpisode } from './episode-schema.js';

/** Years after the later of taking power and the episode's last year that the window still covers. */
export const WINDOW_YEARS = 10;

/** The last year the Gibler–Miller–Little MID data (2.2.1) cover. */
export const MID_LAST_YEAR = 2010;

export interface YearSpan {
  readonly from: number;
  readonly through: number;
}

type Timed = Pick<CodedEpisode, 'startYear' | 'endYear' | 'powerYear'>;

/**
 * From `startYear` through ten years after the later of `powerYear` (or `startYear`) and `endYear` (or the
 * present, for an episode that goes on).
 */
export function codingWindow(e: Timed, present: number): YearSpan {
  const last = Math.max(e.powerYear ?? e.startYear, e.endYear ?? present);
  return { from: e.startYear, through: last + WINDOW_YEARS };
}

/** One dispute of the MID data between a pair of states: its number and the year it began. */
export interface DisputeOnset {
  readonly dispnum: number;
  readonly onset: number;
}

/** What the MID data alone say about `dispute` in a window; `undefined` when they cannot settle it. */
export interface MidDisputeCoding {
  readonly dispute: 'yes' | 'no';
  /** The onset years of the disputes counted (empty for `no`). */
  readonly years: readonly number[];
  readonly dispnums: readonly number[];
}

/**
 * `yes` when a dispute of the pair began inside the window; `no` when the whole window lies within the MID
 * data's years and none began in it; otherwise nothing (the years after 2010 need a source).
 */
export function disputeFromMid(
  window: YearSpan,
  onsets: readonly DisputeOnset[],
): MidDisputeCoding | undefined {
  const inside = onsets
    .filter((d) => d.onset >= window.from && d.onset <= window.through)
    .sort((a, b) => a.onset - b.onset || a.dispnum - b.dispnum);
  if (inside.length > 0)
    return {
      dispute: 'yes',
      years: [...new Set(inside.map((d) => d.onset))],
      dispnums: [...new Set(inside.map((d) => d.dispnum))],
    };
  if (window.through <= MID_LAST_YEAR) return { dispute: 'no', years: [], dispnums: [] };
  return undefined;
}

/** The key of an unordered pair of states, lower code first, as the reference extracts store pairs. */
export const pairKey = (a: number, b: number): string => (a < b ? `${a}-${b}` : `${b}-${a}`);
