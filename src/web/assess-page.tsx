/** The Assess page: a proposed operation as a form, its assessment shown, and the report downloaded as HTML or JSON. */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Assessment } from '../assess/assessment.js';
import type { AssumptionSweep } from '../assess/assumption-sweep.js';
import { oddsChartOptions } from '../render/odds-chart.js';
import { ApiFailure, getJson, type Issue } from './api.js';
import { ErrorBox } from './error-box.js';
import { interval, percent } from './format.js';
import { href } from './hash-route.js';
import { useTitle } from './page-title.js';
import { PlotFigure } from './plot-figure.js';
import type { Fields } from './record-types.js';
import { ScrollBox } from './scroll-box.js';

/** A starting point: the record's best odds, an incumbent in a small state's election (examples/assess/). */
const EXAMPLE = {
  name: 'small-state-incumbent-election',
  title: 'Campaign money and know-how for the governing party of a small state in its general election',
  interferer: 'USA',
  target: 'Costa Rica',
  year: 2026,
  kind: 'electoral',
  side: 'incumbent',
  means: ['propaganda', 'financing', 'expertise'],
  covert: true,
  rationale: ['intentions'],
  proxy: { name: 'the governing party', capability: 0.6, divergence: 0.15, intermediaries: 0 },
  pressure: 0.2,
  targetSize: 'small',
  seed: 1,
  runs: 2000,
};

type Operation = typeof EXAMPLE;

async function postAssess(operation: Operation, format: 'json' | 'html'): Promise<Response> {
  const response = await fetch(`/api/assess?format=${format}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(operation),
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { message?: string; issues?: Issue[] };
    throw new ApiFailure(response.status, body.message ?? response.statusText, body.issues ?? []);
  }
  return response;
}

/** Saves text as a file through a temporary link: the download is the user's own, no page leaves the app. */
function save(text: string, type: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function Choices(props: {
  legend: string;
  name: string;
  values: readonly string[];
  chosen: readonly string[];
  onChange: (chosen: string[]) => void;
}) {
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      {props.values.map((v) => (
        <label key={v} class="check">
          <input
            type="checkbox"
            name={`${props.name}-${v}`}
            checked={props.chosen.includes(v)}
            onChange={(e) =>
              props.onChange(
                (e.target as HTMLInputElement).checked
                  ? [...props.chosen, v]
                  : props.chosen.filter((x) => x !== v),
              )
            }
          />
          {v}
        </label>
      ))}
    </fieldset>
  );
}

/**
 * Each assumption swept with the others held: the verdict at every point of its range, the points where it
 * differs from the assessment's marked (a <mark> and a word, so that colour is not the only sign).
 */
function KeyAssumptions({
  assumptions,
  verdict,
}: {
  assumptions: readonly AssumptionSweep[];
  verdict: string;
}) {
  return (
    <ScrollBox label="key assumptions">
      <table class="assumptions" aria-label="key assumptions">
        <thead>
          <tr>
            <th>assumption</th>
            <th>as given</th>
            <th>the verdict across its range</th>
            <th>what flips it</th>
          </tr>
        </thead>
        <tbody>
          {assumptions.map((s) => (
            <tr key={s.field} data-flips={s.flips.length}>
              <th>{s.field}</th>
              <td>{s.currentValue}</td>
              <td>
                <ul class="sweep">
                  {s.points.map((p) =>
                    p.verdict !== verdict ? (
                      <li key={p.value}>
                        <mark class="flip" data-testid="flip">
                          {p.value}: {p.verdict} (flips)
                        </mark>
                      </li>
                    ) : (
                      <li key={p.value} class={p.current ? 'current' : undefined}>
                        {p.value}: {p.verdict}
                        {p.current ? ' (as given)' : ''}
                      </li>
                    ),
                  )}
                </ul>
              </td>
              <td>
                {s.flips.length === 0
                  ? 'nothing in the range'
                  : `${s.flips.map((f) => `${f.value} → ${f.verdict}`).join(', ')}${s.distanceToFlip !== null ? ` (nearest ${Number(s.distanceToFlip.toFixed(3))} away)` : ''}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}

function Report({ assessment }: { assessment: Assessment }) {
  const { verdict, odds, comparables, ledger, risks } = assessment;
  const chart = useMemo(() => oddsChartOptions(assessment, 640), [assessment]);
  return (
    <section aria-label="assessment">
      <h2>
        Verdict: <span data-testid="verdict">{verdict.verdict}</span>
      </h2>
      <ul>
        {verdict.reasons.map((r) => (
          <li key={r.text}>
            {r.direction === 'against' ? '✗' : '✓'} {r.text}
          </li>
        ))}
      </ul>
      <h3>Odds</h3>
      <table class="rates" aria-label="odds">
        <tbody>
          {(
            [
              ['the proxy wins', odds.win],
              ['the win pays off, given a win', odds.payoffGivenWin],
              ['the operation pays off', odds.payoff],
            ] as const
          ).map(([label, f]) => (
            <tr key={label}>
              <th>{label}</th>
              <td>{percent(f.value)}</td>
              <td>{interval(f.low, f.high)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="muted">
        Below, each question’s rate from the record (pooled over similar episodes), from the model (simulated
        runs) and combined, with 95 % intervals; the dashed lines are the thresholds the verdict applies.
      </p>
      <PlotFigure options={chart} label="odds: record, model and combined" />
      <h3>Key assumptions</h3>
      <p class="muted">
        Each uncertain input swept over a plausible range with the others held (
        {assessment.provenance.sweepRuns} runs a point); a marked point is one where the verdict would no
        longer be “{verdict.verdict}”.
      </p>
      <KeyAssumptions assumptions={assessment.assumptions} verdict={verdict.verdict} />
      <h3>Closest historical cases</h3>
      <ScrollBox label="closest historical cases">
        <table aria-label="comparables">
          <thead>
            <tr>
              <th>episode</th>
              <th>year</th>
              <th>similarity</th>
              <th>proxy</th>
              <th>payoff</th>
            </tr>
          </thead>
          <tbody>
            {comparables.list.map((c) => (
              <tr key={c.id}>
                <td>
                  <a href={href('record', c.id)}>{c.title}</a>
                </td>
                <td>{c.startYear}</td>
                <td>{percent(c.similarity.value)}</td>
                <td>{c.proxyOutcome}</td>
                <td>{c.payoff}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
      <h3>Risks</h3>
      <ul aria-label="risks">
        {risks.map((r) => (
          <li key={r.id}>
            <strong>{r.level}</strong> — {r.title}: {r.reason}
          </li>
        ))}
      </ul>
      <h3>Costs</h3>
      <ul aria-label="ledger">
        {ledger.map((entry) => (
          <li key={entry.id}>
            <strong>{entry.label}</strong> ({entry.kind}):{' '}
            {entry.estimates.map((e) => `${e.label} ${e.figure.value.toFixed(2)}`).join('; ')}
          </li>
        ))}
      </ul>
      <p class="muted">
        meddle {assessment.provenance.meddle}, model {assessment.provenance.model}, seed{' '}
        {assessment.provenance.seed}, {assessment.provenance.runs} runs, record{' '}
        {assessment.provenance.record.version}
      </p>
    </section>
  );
}

export default function AssessPage() {
  const [fields, setFields] = useState<Fields | undefined>(undefined);
  const [operation, setOperation] = useState<Operation>(EXAMPLE);
  const [assessment, setAssessment] = useState<{ value: Assessment; text: string } | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  useTitle('Assess');

  useEffect(() => {
    getJson<Fields>('/api/fields').then(setFields, setError);
  }, []);

  const set = <K extends keyof Operation>(key: K, value: Operation[K]) =>
    setOperation((old) => ({ ...old, [key]: value }));
  const setProxy = (key: keyof Operation['proxy'], value: string | number) =>
    setOperation((old) => ({ ...old, proxy: { ...old.proxy, [key]: value } }));
  const values = (name: string) => fields?.fields.find((f) => f.name === name)?.values ?? [];
  const text = (e: Event) => (e.target as HTMLInputElement).value;

  const assess = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const response = await postAssess(operation, 'json');
      const body = await response.text();
      setAssessment({ value: JSON.parse(body) as Assessment, text: body });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const downloadHtml = async () => {
    try {
      save(
        await (await postAssess(operation, 'html')).text(),
        'text/html',
        `meddle-assessment-${operation.name}.html`,
      );
    } catch (e) {
      setError(e);
    }
  };

  if (fields === undefined)
    return error !== undefined ? <ErrorBox error={error} /> : <p class="loading">Loading…</p>;
  return (
    <section aria-label="assess">
      <h1>Assess</h1>
      <p class="intro">
        Describe a proposed operation and press Assess: it is weighed against the record’s closest historical
        cases and simulated with the model. The verdict comes with its reasons, the odds with their intervals,
        the comparable cases, the risks and the costs; the report can be downloaded as HTML or JSON.
      </p>
      <form class="filters" aria-label="operation" onSubmit={(e) => e.preventDefault()}>
        <label>
          title
          <input name="title" size={50} value={operation.title} onInput={(e) => set('title', text(e))} />
        </label>
        <label>
          name
          <input name="name" value={operation.name} onInput={(e) => set('name', text(e))} />
        </label>
        <label>
          interferer
          <input name="interferer" value={operation.interferer} onInput={(e) => set('interferer', text(e))} />
        </label>
        <label>
          target
          <input name="target" value={operation.target} onInput={(e) => set('target', text(e))} />
        </label>
        <label>
          year
          <input
            type="number"
            name="year"
            value={operation.year}
            onInput={(e) => set('year', Number(text(e)))}
          />
        </label>
        <label>
          kind
          <select name="kind" value={operation.kind} onChange={(e) => set('kind', text(e))}>
            {values('kind').map((v) => (
              <option key={v}>{v}</option>
            ))}
          </select>
        </label>
        <label>
          side
          <select name="side" value={operation.side} onChange={(e) => set('side', text(e))}>
            <option>incumbent</option>
            <option>challenger</option>
          </select>
        </label>
        <label>
          target size
          <select name="targetSize" value={operation.targetSize} onChange={(e) => set('targetSize', text(e))}>
            <option>small</option>
            <option>middle</option>
            <option>large</option>
          </select>
        </label>
        <label class="check">
          <input
            type="checkbox"
            name="covert"
            checked={operation.covert}
            onChange={(e) => set('covert', (e.target as HTMLInputElement).checked)}
          />
          covert
        </label>
        <Choices
          legend="means"
          name="means"
          values={values('means')}
          chosen={operation.means}
          onChange={(v) => set('means', v)}
        />
        <Choices
          legend="rationale"
          name="rationale"
          values={values('rationale')}
          chosen={operation.rationale}
          onChange={(v) => set('rationale', v)}
        />
        <label>
          proxy
          <input name="proxy-name" value={operation.proxy.name} onInput={(e) => setProxy('name', text(e))} />
        </label>
        {(['capability', 'divergence'] as const).map((key) => (
          <label key={key}>
            proxy {key}
            <input
              type="number"
              name={`proxy-${key}`}
              min={0}
              max={1}
              step={0.05}
              value={operation.proxy[key]}
              onInput={(e) => setProxy(key, Number(text(e)))}
            />
          </label>
        ))}
        <label>
          pressure
          <input
            type="number"
            name="pressure"
            min={0}
            max={1}
            step={0.05}
            value={operation.pressure}
            onInput={(e) => set('pressure', Number(text(e)))}
          />
        </label>
        <label>
          runs
          <input
            type="number"
            name="runs"
            value={operation.runs}
            onInput={(e) => set('runs', Number(text(e)))}
          />
        </label>
        <button type="button" class="primary" disabled={busy} onClick={() => void assess()}>
          {busy ? 'Assessing…' : 'Assess'}
        </button>
      </form>
      <ErrorBox error={error} />
      {assessment !== undefined && (
        <>
          <p class="toolbar">
            <button type="button" onClick={() => void downloadHtml()}>
              Download HTML
            </button>
            <button
              type="button"
              onClick={() =>
                save(assessment.text, 'application/json', `meddle-assessment-${operation.name}.json`)
              }
            >
              Download JSON
            </button>
          </p>
          <Report assessment={assessment.value} />
        </>
      )}
    </section>
  );
}
