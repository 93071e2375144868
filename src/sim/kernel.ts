/** One Monte Carlo run of the interference model, in both modes, written for speed: typed arrays, no allocation. */
import type { ModelConstants } from './model-constants.js';
import type { Scenario } from './parameters.js';
import { fillNormal, fillUniform, nextNormal, nextUniform, type Prng, seedStream } from './prng.js';

// Structural constants of model.md's reference form; docs/model.md gives the reason for each.
/** Share of control each intermediary keeps. */
const CONTROL_PER_LAYER = 0.8;
/** Share of aid each intermediary passes on. */
const AID_PER_LAYER = 0.9;
/** Spread of the sponsor's imperfect knowledge of the proxy's type. */
const DIVERGENCE_NOISE = 0.1;
const CHALLENGER_START = 0.2;
const INCUMBENT_START = 0.65;
const AID_MOBILISATION = 1.5;
const ASCENT_THRESHOLD = 0.5;
const OUSTER_THRESHOLD = 0.35;
const COMPLIANCE_SCALE = 0.05;
const COMPLIANCE_GRIEVANCE = 0.05;
const REFUSAL_GRIEVANCE = 0.1;
const MEMORY_RETENTION = 0.97;
const MEMORY_GAIN = 0.06;
const OPPORTUNISM_GRIEVANCE = 0.15;
const GRIEVANCE_DECAY = 0.8;
const DEFECTION_STREAK = 3;
/**
 * Share of the way from the ascent threshold to its consolidated power share that a ruling proxy must have gone
 * before it can break with a sponsor in full control (model 2); a sponsor acting through intermediaries can punish
 * less, so the share needed falls with the control `c`. The largest value at which every proposition holds at seven
 * seeds (docs/model.md, "Model 2").
 */
export const CONSOLIDATION_THRESHOLD = 0.6;
const LIABILITY_AID_CAP = 3;
const VOTE_SPREAD = 0.06;
const ELECTION_EFFECT = 0.03;
const EXPOSED_ELECTION_EFFECT = -0.02;
/** Years after ascent at which leverage is measured a second time. */
export const LEVERAGE_LAG = 5;

/** Everything a run needs, derived once per scenario so that the yearly loop only does arithmetic. */
export interface KernelSetup {
  readonly election: boolean;
  readonly incumbent: boolean;
  readonly horizon: number;
  readonly seed: number;
  readonly capability: number;
  readonly divergence: number;
  readonly capabilityDivergence: number;
  readonly heavyHandedness: number;
  readonly opportunism: number;
  readonly nominalAid: number;
  readonly weights: { readonly intentions: number; readonly capabilities: number; readonly regime: number };
  readonly discount: number;
  readonly volatility: number;
  /** `c = 0.8^n`. */
  readonly control: number;
  /** `A = a · 0.9^n`. */
  readonly deliveredAid: number;
  /** `R`. */
  readonly rival: number;
  /** `λ`. */
  readonly inertia: number;
  /** `V`. */
  readonly value: number;
  /** `ν · P`. */
  readonly nationalistPull: number;
  /** `0.1 + 0.9·P`. */
  readonly domesticBase: number;
  /** `3·P`: what a fully consolidated proxy in power adds to its resources, relative to one out of it. */
  readonly powerBoost: number;
  readonly exposureChance: number;
  readonly electionMean: number;
  readonly electionEffect: number;
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}

/** The derived quantities of model.md for one scenario under the given constants. */
export function prepareKernel(scenario: Scenario, constants: ModelConstants): KernelSetup {
  const P = scenario.targetPower;
  const n = scenario.layers;
  const incumbent = scenario.side === 'incumbent';
  const deliveredAid = scenario.aid * AID_PER_LAYER ** n;
  return {
    election: scenario.mode === 'election',
    incumbent,
    horizon: scenario.horizon,
    seed: scenario.seed,
    capability: scenario.capability,
    divergence: scenario.divergence,
    capabilityDivergence: scenario.capabilityDivergence,
    heavyHandedness: scenario.heavyHandedness,
    opportunism: scenario.opportunism,
    nominalAid: scenario.aid,
    weights: scenario.weights,
    discount: scenario.discount,
    volatility: scenario.volatility,
    control: CONTROL_PER_LAYER ** n,
    deliveredAid,
    rival: constants.rivalBase + constants.rivalSlope * P,
    inertia: constants.inertiaBase * (1 - constants.inertiaSlope * P),
    value: 0.2 + 0.8 * P,
    nationalistPull: scenario.nationalism * P,
    domesticBase: 0.1 + 0.9 * P,
    powerBoost: 3 * P,
    exposureChance: clamp01(0.02 + 0.2 * scenario.aid - 0.03 * n),
    electionMean: incumbent ? constants.electionMeanIncumbent : constants.electionMeanChallenger,
    electionEffect: ELECTION_EFFECT * (deliveredAid / 0.3) * (1 - 0.5 * P),
  };
}

/**
 * Per-run outputs, one column per output and one row per run. Years count from 1; `-1` means "never", and an
 * incumbent proxy holds power from year 0. `NaN` marks a leverage that was never measured.
 */
export interface RunColumns {
  readonly size: number;
  readonly ascentYear: Int16Array;
  readonly defectionYear: Int16Array;
  readonly exposureYear: Int16Array;
  readonly ousted: Uint8Array;
  readonly inPowerAtHorizon: Uint8Array;
  readonly alignedAtHorizon: Uint8Array;
  readonly alignedYearsInPower: Int16Array;
  readonly refusals: Int16Array;
  /** The proxy's drawn divergence `δ`. */
  readonly divergence: Float64Array;
  readonly leverageAtAscent: Float64Array;
  readonly leverageAfterAscent: Float64Array;
  readonly finalPowerShare: Float64Array;
  readonly finalLeverage: Float64Array;
  readonly finalGrievance: Float64Array;
  /** Election mode only; `NaN` in a struggle. */
  readonly voteShare: Float64Array;
  readonly npv: Float64Array;
}

export function allocateRunColumns(size: number): RunColumns {
  return {
    size,
    ascentYear: new Int16Array(size),
    defectionYear: new Int16Array(size),
    exposureYear: new Int16Array(size),
    ousted: new Uint8Array(size),
    inPowerAtHorizon: new Uint8Array(size),
    alignedAtHorizon: new Uint8Array(size),
    alignedYearsInPower: new Int16Array(size),
    refusals: new Int16Array(size),
    divergence: new Float64Array(size),
    leverageAtAscent: new Float64Array(size),
    leverageAfterAscent: new Float64Array(size),
    finalPowerShare: new Float64Array(size),
    finalLeverage: new Float64Array(size),
    finalGrievance: new Float64Array(size),
    voteShare: new Float64Array(size),
    npv: new Float64Array(size),
  };
}

/** Yearly paths, row-major: the value of run `r` in year `t` (1-based) sits at `r · horizon + t − 1`. */
export interface Trajectories {
  readonly horizon: number;
  readonly powerShare: Float64Array;
  readonly leverage: Float64Array;
  readonly grievance: Float64Array;
  readonly aligned: Uint8Array;
}

export function allocateTrajectories(size: number, horizon: number): Trajectories {
  return {
    horizon,
    powerShare: new Float64Array(size * horizon),
    leverage: new Float64Array(size * horizon),
    grievance: new Float64Array(size * horizon),
    aligned: new Uint8Array(size * horizon),
  };
}

/**
 * Whether a proxy complies, given a uniform `u` and `x = (U − W)/0.05`: `u < 1/(1 + eˣ)`, written as
 * `u(1 + eˣ) < 1`. Beyond |x| > 23 the answer is known without the exponential, and is the same bit for bit:
 * e⁻²³ < 1.1e-10 is below the uniforms' resolution of 2⁻³² ≈ 2.3e-10, so for x < −23 every uniform complies
 * (the largest is 1 − 2⁻³²) and for x > 23 only u = 0 does. Most years are that lopsided.
 */
function complies(u: number, x: number): boolean {
  if (x < -23) return true;
  if (x > 23) return u === 0;
  return u * (1 + Math.exp(x)) < 1;
}

// One generator reused by every run: its state is reset from (seed, run) at the start of each run.
const scratch: Prng = { state: new Uint32Array(4) };
/** Uniform draws a year: compliance, aid cut, opportunism, exposure. */
const UNIFORMS_PER_YEAR = 4;
// A run's draws, made before its years are simulated; grown (rarely) to the longest horizon seen.
let uniforms = new Float64Array(UNIFORMS_PER_YEAR * 100);
let normals = new Float64Array(101);

/**
 * Simulates runs `firstRun … firstRun + count − 1` of the scenario and writes them to rows
 * `row … row + count − 1` of `out` (and of `trajectories`, when given, in struggle mode).
 * Run `i` always draws from stream `i` of the scenario's seed, so any split of runs gives the same rows.
 */
export function simulateRuns(
  setup: KernelSetup,
  firstRun: number,
  count: number,
  out: RunColumns,
  row = 0,
  trajectories?: Trajectories,
): void {
  if (setup.election) {
    for (let k = 0; k < count; k++) electionRun(setup, firstRun + k, out, row + k);
    return;
  }
  if (normals.length < setup.horizon + 1) {
    uniforms = new Float64Array(UNIFORMS_PER_YEAR * setup.horizon);
    normals = new Float64Array(setup.horizon + 1);
  }
  for (let k = 0; k < count; k++) struggleRun(setup, firstRun + k, out, row + k, trajectories);
}

function electionRun(setup: KernelSetup, run: number, out: RunColumns, row: number): void {
  const rng = scratch;
  seedStream(rng, setup.seed, run);
  const base = setup.electionMean + VOTE_SPREAD * nextNormal(rng);
  const exposed = nextUniform(rng) < setup.exposureChance;
  const vote = base + (exposed ? EXPOSED_ELECTION_EFFECT : setup.electionEffect);
  const won = vote > 0.5;
  const w = setup.weights;
  out.ascentYear[row] = setup.incumbent ? 0 : won ? 1 : -1;
  out.defectionYear[row] = -1;
  out.exposureYear[row] = exposed ? 1 : -1;
  out.ousted[row] = setup.incumbent && !won ? 1 : 0;
  out.inPowerAtHorizon[row] = won ? 1 : 0;
  out.alignedAtHorizon[row] = 1;
  out.alignedYearsInPower[row] = won ? 1 : 0;
  out.refusals[row] = 0;
  out.divergence[row] = Number.NaN;
  out.leverageAtAscent[row] = Number.NaN;
  out.leverageAfterAscent[row] = Number.NaN;
  out.finalPowerShare[row] = vote;
  out.finalLeverage[row] = Number.NaN;
  out.finalGrievance[row] = 0;
  out.voteShare[row] = vote;
  out.npv[row] =
    setup.value * (w.intentions + w.regime) * (won ? 1 : 0) -
    setup.nominalAid -
    (exposed ? 0.5 * setup.value : 0);
}

function struggleRun(
  setup: KernelSetup,
  run: number,
  out: RunColumns,
  row: number,
  trajectories: Trajectories | undefined,
): void {
  const rng = scratch;
  seedStream(rng, setup.seed, run);
  const T = setup.horizon;
  // Every draw of the run is made up front, uniforms first: their count is fixed, so year t of any two scenarios
  // with the same seed sees the same uniforms (common random numbers), whatever the ziggurat consumed.
  const u = uniforms;
  const z = normals;
  fillUniform(rng, u, UNIFORMS_PER_YEAR * T);
  fillNormal(rng, z, T + 1);
  const kappa = setup.capability;
  const h = setup.heavyHandedness;
  const o = setup.opportunism;
  const sigma = setup.volatility;
  const lambda = setup.inertia;
  const R = setup.rival;
  const V = setup.value;
  const c = setup.control;
  const A = setup.deliveredAid;
  const a = setup.nominalAid;
  const beta = setup.discount;
  const nuP = setup.nationalistPull;
  const domesticBase = setup.domesticBase;
  const powerBoost = setup.powerBoost;
  const exposureChance = setup.exposureChance;
  const exposureCost = 0.5 * V;
  const consolidation = 0.5 + 0.5 * kappa;
  // The span a ruling proxy's share covers from the ascent threshold to its consolidated share; a proxy with no
  // capability of its own is consolidated as soon as it rules.
  const consolidationSpan = consolidation - ASCENT_THRESHOLD;
  const securityToBreak = CONSOLIDATION_THRESHOLD * c;
  const pull = 1 + h;
  const intentionsValue = V * setup.weights.intentions;
  const regimeValue = V * setup.weights.regime;
  const discordValue = 4 * V * setup.weights.capabilities;
  const complianceGrievance = COMPLIANCE_GRIEVANCE * h;
  const refusalGrievance = REFUSAL_GRIEVANCE * h;
  const memoryGain = MEMORY_GAIN * h;
  const invScale = 1 / COMPLIANCE_SCALE;

  const d0 = setup.divergence;
  const delta = clamp01(
    d0 + setup.capabilityDivergence * kappa * (1 - d0) + DIVERGENCE_NOISE * (z[T] as number),
  );

  let s = setup.incumbent ? INCUMBENT_START : CHALLENGER_START;
  let g = 0;
  let memory = 0;
  let inPower = setup.incumbent;
  let aligned = true;
  let streak = 0;
  let refusals = 0;
  let cumAid = 0;
  let exposed = false;
  let cut = false;
  let ousted = false;
  let ascentYear = setup.incumbent ? 0 : -1;
  let defectionYear = -1;
  let exposureYear = -1;
  let alignedYearsInPower = 0;
  let leverage = 0;
  let leverageAtAscent = Number.NaN;
  let leverageAfterAscent = Number.NaN;
  let leverageYear = setup.incumbent ? 1 : -1;
  let npv = 0;
  let weight = 1;
  const base = row * T;

  for (let t = 1; t <= T; t++) {
    const draw = UNIFORMS_PER_YEAR * (t - 1);
    // 1. Power struggle.
    const wasAligned = aligned;
    const standing = aligned ? A : 0;
    const flow = cut ? 0.5 * standing : standing;
    cut = false;
    let target: number;
    if (inPower) {
      target = consolidation;
    } else {
      const m = kappa + AID_MOBILISATION * flow;
      target = m / (m + R);
    }
    s += lambda * (target - s) + sigma * (z[t - 1] as number);
    s = Math.min(1, Math.max(0, s));
    if (!inPower) {
      if (s >= ASCENT_THRESHOLD) {
        inPower = true;
        if (ascentYear < 0) {
          ascentYear = t;
          leverageYear = t;
        }
      }
    } else if (s < OUSTER_THRESHOLD) {
      inPower = false;
      ousted = true;
    }

    // 2. Consolidation, dependence and leverage.
    const consolidated = !inPower
      ? 0
      : consolidationSpan > 0
        ? Math.min(1, Math.max(0, (s - ASCENT_THRESHOLD) / consolidationSpan))
        : 1;
    const domestic = inPower ? s * domesticBase * (1 + powerBoost * consolidated) : s * domesticBase;
    const total = standing + domestic;
    leverage = total > 0 ? (c * standing) / total : 0;
    if (leverageYear > 0) {
      if (t === leverageYear) leverageAtAscent = leverage;
      else if (t === leverageYear + LEVERAGE_LAG) leverageAfterAscent = leverage;
    }

    // 3. Demand and compliance.
    const uComply = u[draw] as number;
    const uCut = u[draw + 1] as number;
    let complied = false;
    if (aligned) {
      const demand = leverage * pull;
      const autonomy = inPower
        ? delta * (0.5 + nuP * s * consolidated) + g + memory * consolidated
        : 0.5 * delta + g;
      if (complies(uComply, (autonomy - demand) * invScale)) {
        complied = true;
        streak = 0;
        g += complianceGrievance * leverage;
        memory = MEMORY_RETENTION * memory + memoryGain * leverage;
      } else {
        streak++;
        refusals++;
        if (uCut < h) {
          cut = true;
          g += refusalGrievance;
        }
        memory *= MEMORY_RETENTION;
      }
    }

    // 4. Opportunism.
    if ((u[draw + 2] as number) < o && aligned) g += OPPORTUNISM_GRIEVANCE;

    // 5. Decay.
    g *= GRIEVANCE_DECAY;

    // 6. Defection, for good, by a ruler secure enough to stand without its sponsor.
    if (inPower && aligned && streak >= DEFECTION_STREAK && consolidated >= securityToBreak) {
      aligned = false;
      defectionYear = t;
    }
    if (inPower && aligned) alignedYearsInPower++;

    // 7. Exposure.
    let yearCost = 0;
    if ((u[draw + 3] as number) < exposureChance && !exposed) {
      exposed = true;
      exposureYear = t;
      yearCost = exposureCost;
    }

    // 8. The sponsor's payoff.
    cumAid += flow;
    let payoff = inPower ? 0 : discordValue * s * (1 - s);
    if (aligned) {
      if (inPower) payoff += (complied ? intentionsValue : 0.5 * intentionsValue) + regimeValue;
    } else {
      payoff -= intentionsValue * (1 + 0.5 * Math.min(cumAid, LIABILITY_AID_CAP));
    }
    if (wasAligned) payoff -= a;
    npv += weight * (payoff - yearCost);
    weight *= beta;

    if (trajectories !== undefined) {
      const at = base + t - 1;
      trajectories.powerShare[at] = s;
      trajectories.leverage[at] = leverage;
      trajectories.grievance[at] = g;
      trajectories.aligned[at] = aligned ? 1 : 0;
    }
  }

  out.ascentYear[row] = ascentYear;
  out.defectionYear[row] = defectionYear;
  out.exposureYear[row] = exposureYear;
  out.ousted[row] = ousted ? 1 : 0;
  out.inPowerAtHorizon[row] = inPower ? 1 : 0;
  out.alignedAtHorizon[row] = aligned ? 1 : 0;
  out.alignedYearsInPower[row] = alignedYearsInPower;
  out.refusals[row] = refusals;
  out.divergence[row] = delta;
  out.leverageAtAscent[row] = leverageAtAscent;
  out.leverageAfterAscent[row] = leverageAfterAscent;
  out.finalPowerShare[row] = s;
  out.finalLeverage[row] = leverage;
  out.finalGrievance[row] = g;
  out.voteShare[row] = Number.NaN;
  out.npv[row] = npv;
}
