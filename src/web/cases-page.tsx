/** The Cases page: a traced case's timeline with its mechanism tags, the ACH matrix and the Bayesian posterior. */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Source } from '../domain/index.js';
import { arcChartOptions } from '../render/arc-chart.js';
import type { CaseTrace } from '../trace/case-trace.js';
import { getJson } from './api.js';
import { ErrorBox } from './error-box.js';
import { href, type Route } from './hash-route.js';
import { AchLegend } from './legends.js';
import { useTitle } from './page-title.js';
import { PlotFigure } from './plot-figure.js';
import { ScrollBox } from './scroll-box.js';

interface CaseSummary {
  readonly id: string;
  readonly title: string;
  readonly period: { from: number; to: number };
  readonly events: number;
  readonly hypotheses: number;
}

type Traced = CaseTrace & { provenance: { meddle: string; hash: string } };

function Timeline({ trace }: { trace: Traced }) {
  const [tag, setTag] = useState('');
  const tags = useMemo(() => [...new Set(trace.timeline.flatMap((t) => t.event.tags))].sort(), [trace]);
  const shown = trace.timeline.filter((t) => tag === '' || t.event.tags.includes(tag as never));
  return (
    <section aria-label="timeline">
      <h2>Timeline</h2>
      <label>
        mechanism{' '}
        <select name="tag" value={tag} onChange={(e) => setTag((e.target as HTMLSelectElement).value)}>
          <option value="">all</option>
          {tags.map((t) => (
            <option key={t}>{t}</option>
          ))}
        </select>
      </label>{' '}
      <output data-testid="event-count">{shown.length} events</output>
      <ol class="timeline">
        {shown.map(({ event, citations }) => (
          <li key={event.id}>
            <time>
              {event.circa ? 'c. ' : ''}
              {event.date}
              {event.endDate !== undefined ? `–${event.endDate}` : ''}
            </time>
            <span class="tags">
              {event.tags.map((t) => (
                <span key={t} class={`tag tag-${t}`}>
                  {t}
                </span>
              ))}
            </span>
            <p>{event.summary}</p>
            <p class="muted">
              {citations.map((citation, i) => {
                const url = event.sources[i]?.url;
                return (
                  <span key={citation}>
                    {i > 0 && '; '}
                    {url !== undefined ? <SourceLink url={url}>{citation}</SourceLink> : citation}
                  </span>
                );
              })}
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Sources open outside the app, without handing it the page (noopener) or telling them where the reader came from. */
function SourceLink({ url, children }: { url: string; children: string }) {
  return (
    <a href={url} rel="noopener noreferrer" target="_blank">
      {children}
    </a>
  );
}

/** The case's works, each once: the events share them (YAML anchors), so the API repeats them per event. */
function caseSources(trace: Traced): Source[] {
  const seen = new Map<string, Source>();
  for (const { event } of trace.timeline)
    for (const source of event.sources) {
      const key = JSON.stringify([source.authors, source.title, source.year, source.url ?? '']);
      if (!seen.has(key)) seen.set(key, source);
    }
  return [...seen.values()].sort((a, b) => (a.authors[0] ?? '').localeCompare(b.authors[0] ?? ''));
}

function Sources({ trace }: { trace: Traced }) {
  const sources = useMemo(() => caseSources(trace), [trace]);
  return (
    <section aria-label="sources">
      <h2>Sources</h2>
      <ol class="sources" data-testid="case-sources">
        {sources.map((s) => (
          <li key={JSON.stringify([s.authors, s.title, s.year, s.url ?? ''])}>
            {s.authors.join('; ')} ({s.year ?? 'n.d.'}).{' '}
            {s.url !== undefined ? <SourceLink url={s.url}>{s.title}</SourceLink> : <cite>{s.title}</cite>}.
            {s.container && ` ${s.container}.`}
            {s.doi !== undefined && (
              <>
                {' '}
                <SourceLink url={`https://doi.org/${s.doi}`}>{`doi:${s.doi}`}</SourceLink>
              </>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The arc the trace computes: running counts of leverage (exercised less lost and defections) and grievance. */
function Arc({ trace }: { trace: Traced }) {
  const options = useMemo(() => arcChartOptions(trace.arc, 720), [trace]);
  return (
    <section aria-label="arc">
      <h2>Leverage and grievance over time</h2>
      <p class="legend">
        Counted by spans of years: leverage is each span’s events of leverage exercised, less leverage lost
        and defections (support given is left out, as the article argues it buys leverage only while it is
        needed); grievance counts the grievances voiced. Both are summed from the start of the case.
      </p>
      <PlotFigure options={options} label="leverage and grievance arc" />
    </section>
  );
}

function Hypotheses({ trace }: { trace: Traced }) {
  const h = trace.hypotheses;
  if (h === undefined) return <p>This case has no hypotheses to weigh.</p>;
  const { matrix } = h.ach;
  const { priors, posterior, leader } = h.bayes.trace;
  return (
    <>
      <section aria-label="ACH matrix">
        <h2>Analysis of competing hypotheses</h2>
        <p>{h.question}</p>
        <p class="legend">
          Each cell rates how far a piece of evidence (rows) fits a hypothesis (columns), read off the
          analyst’s probability of seeing that evidence if the hypothesis were true:
        </p>
        <AchLegend />
        <ScrollBox label="ACH matrix table">
          <table class="ach">
            <thead>
              <tr>
                <th>evidence</th>
                {matrix.hypotheses.map((x) => (
                  <th key={x.id} title={x.title}>
                    {x.id}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {matrix.rows.map((row) => (
                <tr key={row.evidence}>
                  <th title={row.summary}>
                    {row.evidence} <span class="muted">{row.summary}</span>
                  </th>
                  {row.cells.map((cell) => (
                    <td
                      key={cell.hypothesis}
                      class={`rating rating-${cell.rating}`}
                      title={`P(E | H) = ${cell.likelihood}`}
                    >
                      {cell.rating}
                    </td>
                  ))}
                </tr>
              ))}
              <tr class="total">
                <th>weighted inconsistency (lower is better)</th>
                {matrix.scores.map((s) => (
                  <td key={s.hypothesis}>{s.inconsistency.toFixed(1)}</td>
                ))}
              </tr>
            </tbody>
          </table>
        </ScrollBox>
        <p>
          Least inconsistent: <strong data-testid="ach-leader">{matrix.ranking[0]}</strong>
        </p>
      </section>
      <section aria-label="posterior">
        <h2>Bayesian posterior</h2>
        <ScrollBox label="posterior table">
          <table class="posterior">
            <thead>
              <tr>
                <th>hypothesis</th>
                <th>prior</th>
                <th>posterior</th>
                <th>
                  <span class="visually-hidden">posterior as a bar</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {matrix.hypotheses.map((x) => (
                <tr key={x.id}>
                  <th>
                    {x.id} <span class="muted">{x.title}</span>
                  </th>
                  <td>{(priors[x.id] ?? 0).toFixed(3)}</td>
                  <td data-testid={`posterior-${x.id}`}>{(posterior[x.id] ?? 0).toFixed(3)}</td>
                  <td>
                    <meter min={0} max={1} value={posterior[x.id] ?? 0} aria-label={`posterior of ${x.id}`} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
        <p>
          Leading after all the evidence: <strong data-testid="bayes-leader">{leader}</strong>
        </p>
      </section>
    </>
  );
}

export default function CasesPage({ route }: { route: Route }) {
  const [cases, setCases] = useState<readonly CaseSummary[] | undefined>(undefined);
  const [trace, setTrace] = useState<Traced | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const name = route.rest[0] ?? cases?.[0]?.id;
  useTitle(trace !== undefined ? `${trace.case.title} — Cases` : 'Cases');

  useEffect(() => {
    getJson<{ cases: CaseSummary[] }>('/api/cases').then(({ cases: list }) => setCases(list), setError);
  }, []);
  useEffect(() => {
    if (name === undefined) return;
    setTrace(undefined);
    getJson<Traced>(`/api/cases/${encodeURIComponent(name)}`).then(setTrace, setError);
  }, [name]);

  if (error !== undefined) return <ErrorBox error={error} />;
  if (cases === undefined) return <p class="loading">Loading…</p>;
  return (
    <section aria-label="cases">
      <h1>Cases</h1>
      <p class="intro">
        A traced case follows one sponsor and its proxy event by event, each event tagged with the mechanism
        it shows and cited to its sources. The hypotheses about what drove the case are weighed twice: by
        Heuer’s analysis of competing hypotheses (the least inconsistent wins) and by Bayes’ rule (the most
        probable).
      </p>
      <nav class="cases" aria-label="cases">
        {cases.map((c) => (
          <a key={c.id} href={href('cases', c.id)} aria-current={c.id === name ? 'page' : undefined}>
            {c.title} ({c.events} events, {c.hypotheses} hypotheses)
          </a>
        ))}
      </nav>
      {trace === undefined ? (
        <p class="loading">Tracing…</p>
      ) : (
        <>
          <h2>{trace.case.title}</h2>
          <p class="muted">
            {trace.case.period.from}–{trace.case.period.to}; sha256{' '}
            <code>{trace.provenance.hash.slice(0, 12)}</code>
          </p>
          <Hypotheses trace={trace} />
          <Arc trace={trace} />
          <Timeline trace={trace} />
          <Sources trace={trace} />
        </>
      )}
    </section>
  );
}
