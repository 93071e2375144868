/**
 * The Simulator page: the model's parameters as sliders, presets, a run with its paths and rates, sweeps, and
 * scenario discovery over a Latin hypercube of the chosen parameters.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { peelingChartOptions } from '../render/discovery-chart.js';
import type { Discovery, Rate, RunSummary } from '../sim/index.js';
import { ApiFailure, getJson, postNdjson } from './api.js';
import { ErrorBox } from './error-box.js';
import { interval, percent } from './format.js';
import type { Route } from './hash-route.js';
import { useTitle } from './page-title.js';
import { PlotFigure } from './plot-figure.js';
import { bandChartOptions, PATHS, type SweepDatum, sweepChartOptions, sweepRates } from './sim-charts.js';
import { QueryReader, UrlNotes, useUrlView, useViewInUrl } from './url-state.js';

interface Parameter {
  readonly name: string;
  readonly key: string;
  readonly symbol: string;
  readonly min: number;
  readonly max: number | null;
  readonly integer: boolean;
  readonly default: number;
  readonly meaning: string;
}

interface Parameters {
  readonly parameters: readonly Parameter[];
  readonly presets: readonly { name: string; description: string; scenario: Record<string, unknown> }[];
  readonly limits: { runs: number; sweepPoints: number; sweepRuns: number; sweepPointRuns: number };
}

interface RunResult {
  readonly scenario: Record<string, unknown>;
  readonly provenance: { model: string; seed: number; runs: number };
  readonly summary: RunSummary;
}

type RunEvent = { type: 'progress'; done: number; total: number } | { type: 'result'; result: RunResult };

type SweepEvent =
  | { type: 'start'; points: number }
  | {
      type: 'point';
      done: number;
      total: number;
      point: { values: Record<string, number>; summary: RunSummary };
    }
  | { type: 'done' };

type DiscoverEvent =
  | { type: 'start'; points: number }
  | { type: 'progress'; done: number; total: number }
  | { type: 'result'; result: { discovery: Discovery; provenance: { model: string; seed: number } } };

/** Not sliders: the Monte Carlo size and the seed are typed, as exact values matter for reproduction. */
const TYPED = new Set(['runs', 'seed']);
/** Weights have no upper bound; the slider stops here and the box accepts more. */
const WEIGHT_SLIDER_MAX = 5;
const sliderMax = (p: Parameter): number => p.max ?? WEIGHT_SLIDER_MAX;

type Values = Record<string, number>;

function defaults(parameters: readonly Parameter[]): Values {
  return Object.fromEntries(parameters.map((p) => [p.name, p.default]));
}

/** The flat `weights.intentions` names as the nested scenario the API reads. */
function scenarioOf(values: Values, side: string, mode: string): Record<string, unknown> {
  const scenario: Record<string, unknown> = { side, mode };
  const weights: Record<string, number> = {};
  for (const [name, value] of Object.entries(values)) {
    if (name.startsWith('weights.')) weights[name.slice(8)] = value;
    else scenario[name] = value;
  }
  return { ...scenario, weights };
}

function RatesTable({ summary }: { summary: RunSummary }) {
  const rates = Object.entries(summary.rates) as [string, Rate][];
  return (
    <table class="rates" aria-label="outcome rates">
      <thead>
        <tr>
          <th>outcome</th>
          <th>rate</th>
          <th>95 % interval</th>
          <th>of runs</th>
        </tr>
      </thead>
      <tbody>
        {rates.map(([name, r]) => (
          <tr key={name}>
            <th>{name}</th>
            <td>{percent(r.rate, { digits: 1 })}</td>
            <td>{interval(r.low, r.high)}</td>
            <td>{r.n}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Progress({ done, total }: { done: number; total: number }) {
  return (
    <p>
      <progress value={done} max={total} aria-label="progress" /> {done} / {total}
    </p>
  );
}

/** The preset is kept in the URL (#/simulator?preset=soviet-ccp); "" is the model's defaults. */
function readSimulatorView(reader: QueryReader, spec: Parameters): { preset: string } {
  return { preset: reader.choice('preset', ['', ...spec.presets.map((p) => p.name)], '') };
}

export default function SimulatorPage({ route }: { route: Route }) {
  const [spec, setSpec] = useState<Parameters | undefined>(undefined);
  const [values, setValues] = useState<Values>({});
  const [side, setSide] = useState('challenger');
  const [mode, setMode] = useState('struggle');
  const { view, notes, setView } = useUrlView(route, spec, readSimulatorView);
  const preset = view?.preset ?? '';
  useViewInUrl(route, view === undefined ? undefined : preset === '' ? [] : [['preset', preset]]);
  const [progress, setProgress] = useState<{ done: number; total: number } | undefined>(undefined);
  const [result, setResult] = useState<RunResult | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [swept, setSwept] = useState<string[]>(['targetPower']);
  const [steps, setSteps] = useState(5);
  const [sweepRuns, setSweepRuns] = useState(500);
  const [sweepData, setSweepData] = useState<Record<string, SweepDatum[]>>({});
  const [sweepProgress, setSweepProgress] = useState<{ done: number; total: number } | undefined>(undefined);
  const [condition, setCondition] = useState('means.npv > 0');
  const [samples, setSamples] = useState(60);
  const [discovery, setDiscovery] = useState<Discovery | undefined>(undefined);
  const [discoverProgress, setDiscoverProgress] = useState<{ done: number; total: number } | undefined>(
    undefined,
  );
  useTitle('Simulator');

  useEffect(() => {
    getJson<Parameters>('/api/sim/parameters').then((p) => {
      setSpec(p);
      setValues({ ...defaults(p.parameters), runs: 2000 });
    }, setError);
  }, []);

  /** Sets the parameters, side and mode a preset names ("" or an unknown name: the model's defaults). */
  const setPresetValues = (from: Parameters, name: string, runs: number, seed: number) => {
    const chosen = from.presets.find((p) => p.name === name);
    const base = { ...defaults(from.parameters), runs, seed };
    if (chosen === undefined) return setValues(base);
    const { side: s, mode: m, weights, ...rest } = chosen.scenario as Record<string, unknown>;
    const flat: Values = { ...base };
    for (const [k, v] of Object.entries(rest)) if (typeof v === 'number') flat[k] = v;
    for (const [k, v] of Object.entries((weights ?? {}) as Record<string, number>)) flat[`weights.${k}`] = v;
    setValues(flat);
    if (typeof s === 'string') setSide(s);
    if (typeof m === 'string') setMode(m);
  };

  // A preset the URL names is applied once the presets are known, and again when a link names another: a
  // route is a new object only on a hashchange, never on the page's own replaceState.
  useEffect(() => {
    if (spec === undefined) return;
    const { preset: named } = readSimulatorView(new QueryReader(route.query), spec);
    if (named !== '') setPresetValues(spec, named, 2000, 1);
  }, [spec, route]);

  const applyPreset = (name: string) => {
    setView(() => ({ preset: name }));
    if (spec === undefined) return;
    setPresetValues(spec, name, values.runs ?? 2000, values.seed ?? 1);
  };

  const run = async () => {
    setError(undefined);
    setProgress({ done: 0, total: values.runs ?? 0 });
    try {
      await postNdjson<RunEvent>(
        '/api/sim/run',
        { scenario: scenarioOf(values, side, mode), trajectories: true },
        (event) => {
          if (event.type === 'progress') setProgress({ done: event.done, total: event.total });
          else setResult(event.result);
        },
      );
    } catch (e) {
      setError(e);
    } finally {
      setProgress(undefined);
    }
  };

  const sweep = async () => {
    if (spec === undefined) return;
    setError(undefined);
    setSweepData({});
    const total = swept.length * steps;
    let done = 0;
    setSweepProgress({ done, total });
    try {
      for (const name of swept) {
        const parameter = spec.parameters.find((p) => p.name === name);
        if (parameter === undefined) continue;
        const base = scenarioOf(values, side, mode);
        delete base.runs;
        delete base.seed;
        const grid = parameter.integer
          ? {
              [name]: Array.from(
                { length: Math.min(steps, sliderMax(parameter) - parameter.min + 1) },
                (_, i) => parameter.min + i,
              ),
            }
          : {
              [name]: {
                from: parameter.min + (parameter.name === 'discount' ? 0.05 : 0),
                to: sliderMax(parameter),
                steps,
              },
            };
        const points: SweepDatum[] = [];
        await postNdjson<SweepEvent>(
          '/api/sim/sweep',
          { base, runs: sweepRuns, seed: values.seed ?? 1, grid },
          (event) => {
            if (event.type !== 'point') return;
            done++;
            setSweepProgress({ done, total });
            const value = event.point.values[name] ?? 0;
            for (const [outcome, r] of Object.entries(sweepRates(event.point.summary)))
              if (r.rate !== null) points.push({ value, outcome, rate: r.rate, low: r.low, high: r.high });
          },
        );
        setSweepData((old) => ({ ...old, [name]: points }));
      }
    } catch (e) {
      setError(e instanceof ApiFailure || e instanceof Error ? e : new Error(String(e)));
    } finally {
      setSweepProgress(undefined);
    }
  };

  const discover = async () => {
    if (spec === undefined) return;
    setError(undefined);
    setDiscovery(undefined);
    const base = scenarioOf(values, side, mode);
    delete base.runs;
    delete base.seed;
    const ranges = Object.fromEntries(
      swept.flatMap((name) => {
        const p = spec.parameters.find((q) => q.name === name);
        return p === undefined ? [] : [[name, [p.min, sliderMax(p)]]];
      }),
    );
    setDiscoverProgress({ done: 0, total: samples });
    try {
      await postNdjson<DiscoverEvent>(
        '/api/sim/discover',
        {
          sweep: { base, runs: sweepRuns, seed: values.seed ?? 1, latinHypercube: { samples, ranges } },
          where: condition,
        },
        (event) => {
          if (event.type === 'progress') setDiscoverProgress({ done: event.done, total: event.total });
          else if (event.type === 'result') setDiscovery(event.result.discovery);
        },
      );
    } catch (e) {
      setError(e instanceof ApiFailure || e instanceof Error ? e : new Error(String(e)));
    } finally {
      setDiscoverProgress(undefined);
    }
  };

  const bands = useMemo(() => {
    const trajectories = result?.summary.trajectories;
    if (trajectories === undefined) return [];
    return PATHS.map(([key, label]) => ({ key, label, options: bandChartOptions(trajectories[key], label) }));
  }, [result]);

  const sweepCharts = useMemo(
    () => Object.entries(sweepData).map(([name, data]) => ({ name, options: sweepChartOptions(data, name) })),
    [sweepData],
  );

  if (spec === undefined)
    return error !== undefined ? <ErrorBox error={error} /> : <p class="loading">Loading…</p>;
  const sliders = spec.parameters.filter((p) => !TYPED.has(p.name));

  return (
    <section aria-label="simulator">
      <h1>Simulator</h1>
      <p class="intro">
        The principal–agent model of the article: a sponsor backs a proxy, which may rise to power, defect or
        breed grievance. Set the parameters (or pick a preset) and Run to simulate many runs: the charts give
        each path’s mean with its 10–90 % band by year, the table each outcome’s share of runs. Sweep and
        Discover below ask how the outcomes change with the parameters.
      </p>
      <UrlNotes notes={notes} />
      <form class="parameters" aria-label="scenario" onSubmit={(e) => e.preventDefault()}>
        <label>
          preset
          <select
            name="preset"
            value={preset}
            onChange={(e) => applyPreset((e.target as HTMLSelectElement).value)}
          >
            <option value="">defaults</option>
            {spec.presets.map((p) => (
              <option key={p.name} value={p.name} title={p.description}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          side
          <select name="side" value={side} onChange={(e) => setSide((e.target as HTMLSelectElement).value)}>
            <option>challenger</option>
            <option>incumbent</option>
          </select>
        </label>
        <label>
          mode
          <select name="mode" value={mode} onChange={(e) => setMode((e.target as HTMLSelectElement).value)}>
            <option>struggle</option>
            <option>election</option>
          </select>
        </label>
        {sliders.map((p) => (
          // The meaning is shown, not only in a tooltip, and read out as the slider's description.
          <div key={p.name} class="slider">
            <label for={`param-${p.name}`}>
              {p.name} <i>{p.symbol}</i>
            </label>
            <input
              type="range"
              id={`param-${p.name}`}
              name={p.name}
              min={p.min}
              max={sliderMax(p)}
              step={p.integer ? 1 : 0.01}
              value={values[p.name] ?? p.default}
              aria-describedby={`meaning-${p.name}`}
              onInput={(e) =>
                setValues((old) => ({ ...old, [p.name]: Number((e.target as HTMLInputElement).value) }))
              }
            />
            <output for={`param-${p.name}`}>
              {(values[p.name] ?? p.default).toFixed(p.integer ? 0 : 2)}
            </output>
            <small class="meaning" id={`meaning-${p.name}`}>
              {p.meaning}
            </small>
          </div>
        ))}
        <label>
          runs
          <input
            type="number"
            name="runs"
            min={1}
            max={spec.limits.runs}
            value={values.runs}
            onInput={(e) =>
              setValues((old) => ({ ...old, runs: Number((e.target as HTMLInputElement).value) }))
            }
          />
        </label>
        <label>
          seed
          <input
            type="number"
            name="seed"
            min={0}
            value={values.seed}
            onInput={(e) =>
              setValues((old) => ({ ...old, seed: Number((e.target as HTMLInputElement).value) }))
            }
          />
        </label>
        <button type="button" class="primary" onClick={() => void run()} disabled={progress !== undefined}>
          Run
        </button>
      </form>
      <ErrorBox error={error} />
      {progress !== undefined && <Progress {...progress} />}
      {result !== undefined && (
        <section aria-label="result">
          <h2>
            {result.summary.runs} runs, {result.summary.mode}
          </h2>
          <p class="muted" data-testid="sim-provenance">
            model {result.provenance.model}, seed {result.provenance.seed}
          </p>
          <div class="charts">
            {bands.map((b) => (
              <PlotFigure key={b.key} options={b.options} label={b.label} />
            ))}
          </div>
          <RatesTable summary={result.summary} />
        </section>
      )}
      <section aria-label="sweep">
        <h2>Sweep</h2>
        <p class="muted">
          Each chosen parameter is varied alone over its range, the others held at the values above.
        </p>
        <form class="filters" onSubmit={(e) => e.preventDefault()}>
          <fieldset>
            <legend>parameters</legend>
            {sliders.map((p) => (
              <label key={p.name} class="check">
                <input
                  type="checkbox"
                  name={`sweep-${p.name}`}
                  checked={swept.includes(p.name)}
                  onChange={(e) =>
                    setSwept((old) =>
                      (e.target as HTMLInputElement).checked
                        ? [...old, p.name]
                        : old.filter((n) => n !== p.name),
                    )
                  }
                />
                {p.name}
              </label>
            ))}
          </fieldset>
          <label>
            steps
            <input
              type="number"
              name="steps"
              min={2}
              max={20}
              value={steps}
              onInput={(e) => setSteps(Number((e.target as HTMLInputElement).value))}
            />
          </label>
          <label>
            runs a point
            <input
              type="number"
              name="sweep-runs"
              min={1}
              max={spec.limits.sweepPointRuns}
              value={sweepRuns}
              onInput={(e) => setSweepRuns(Number((e.target as HTMLInputElement).value))}
            />
          </label>
          <button
            type="button"
            onClick={() => void sweep()}
            disabled={sweepProgress !== undefined || swept.length === 0}
          >
            Sweep
          </button>
        </form>
        {sweepProgress !== undefined && <Progress {...sweepProgress} />}
        <div class="charts">
          {sweepCharts.map((c) => (
            <PlotFigure key={c.name} options={c.options} label={`sweep of ${c.name}`} />
          ))}
        </div>
      </section>
      <section aria-label="discovery">
        <h2>Scenario discovery</h2>
        <p class="muted">
          Where does a condition hold? The parameters chosen above are drawn together over their ranges (a
          Latin hypercube), each point simulated with the runs a point above; PRIM then peels the space, a few
          points at a time, towards the box where the condition holds most often. Each dot of the chart is one
          box: its density is the share of its points that meet the condition, its coverage the share of all
          such points it holds. The chosen box is the densest that still covers half of them.
        </p>
        <form class="filters" onSubmit={(e) => e.preventDefault()}>
          <label>
            condition
            <input
              type="text"
              name="condition"
              size={40}
              value={condition}
              onInput={(e) => setCondition((e.target as HTMLInputElement).value)}
            />
          </label>
          <label>
            points
            <input
              type="number"
              name="samples"
              min={10}
              max={spec.limits.sweepPoints}
              value={samples}
              onInput={(e) => setSamples(Number((e.target as HTMLInputElement).value))}
            />
          </label>
          <button
            type="button"
            onClick={() => void discover()}
            disabled={discoverProgress !== undefined || swept.length === 0}
          >
            Discover
          </button>
        </form>
        <p class="muted">
          A condition compares <code>rates.NAME</code> (a share of runs), <code>means.NAME</code> (a mean over
          runs) or <code>values.NAME</code> (a drawn parameter) with a number, joined by <code>and</code> and{' '}
          <code>or</code>: for instance <code>means.npv &gt; 0 and rates.alignedAtHorizon &gt;= 0.5</code>.
        </p>
        {discoverProgress !== undefined && <Progress {...discoverProgress} />}
        {discovery !== undefined && <DiscoveryView discovery={discovery} />}
      </section>
    </section>
  );
}

function DiscoveryView({ discovery }: { discovery: Discovery }) {
  const box = discovery.trajectory[discovery.chosen];
  return (
    <div data-testid="discovery">
      <p>
        {discovery.meeting} of {discovery.points} points meet <code>{discovery.condition}</code> (
        {percent(discovery.baseDensity)}).
        {box !== undefined &&
          ` In the chosen box ${percent(box.density)} do, and it holds ${percent(box.coverage)} of all that do, on ${percent(box.mass)} of the points.`}
      </p>
      <PlotFigure options={peelingChartOptions(discovery)} label="peeling trajectory" />
      {box !== undefined && (
        <table class="rates" aria-label="chosen box">
          <thead>
            <tr>
              <th>parameter</th>
              <th>from</th>
              <th>to</th>
            </tr>
          </thead>
          <tbody>
            {discovery.parameters.map((name, j) => (
              <tr key={name}>
                <th>{name}</th>
                <td>{box.bounds[j]?.[0].toPrecision(3)}</td>
                <td>{box.bounds[j]?.[1].toPrecision(3)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
