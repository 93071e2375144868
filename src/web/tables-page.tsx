/** The Tables page: two fields of the record cross-tabulated, with interval bars, the test of association, and copy. */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { survivalChartOptions } from '../render/survival-chart.js';
import { tableChartOptions } from '../render/table-chart.js';
import type { EpisodeSurvival } from '../stats/episode-survival.js';
import type { EpisodeTable } from '../stats/episode-table.js';
import { PROPORTION_METHODS } from '../stats/proportion-methods.js';
import { getJson, queryString } from './api.js';
import { ErrorBox } from './error-box.js';
import { interval, percent, pValue } from './format.js';
import type { Route } from './hash-route.js';
import { useTitle } from './page-title.js';
import { PlotFigure } from './plot-figure.js';
import type { Fields, ServerProvenance } from './record-types.js';
import { ScrollBox } from './scroll-box.js';
import { type QueryReader, UrlNotes, useUrlView, useViewInUrl } from './url-state.js';

interface TableAnswer {
  readonly provenance: ServerProvenance;
  readonly where: readonly string[];
  readonly result: EpisodeTable;
  readonly markdown: string;
  readonly csv: string;
}

/** Fields whose values are codes make readable tables; ids and years would give one column per episode. */
const TABULABLE = new Set(['code', 'codes', 'boolean']);

/** The fields the selection can be narrowed by. */
const WHERE = ['kind', 'targetClass', 'covert'] as const;

/** The page's choices, kept in the URL (#/tables?row=payoff&kind=electoral&exclude=unknown-outcome). */
interface TablesView {
  readonly row: string;
  readonly by: string;
  readonly where: Readonly<Record<string, string>>;
  readonly exclude: readonly string[];
  readonly method: string;
}

const DEFAULT_VIEW: TablesView = {
  row: 'proxyOutcome',
  by: 'side',
  where: {},
  exclude: [],
  method: 'wilson',
};

const whereValues = (fields: Fields, name: string): readonly string[] => {
  const field = fields.fields.find((f) => f.name === name);
  return field?.type === 'boolean' ? ['true', 'false'] : (field?.values ?? []);
};

const tabulableOf = (fields: Fields): string[] =>
  fields.fields.filter((f) => TABULABLE.has(f.type)).map((f) => f.name);

function readTablesView(reader: QueryReader, fields: Fields): TablesView {
  const tabulable = tabulableOf(fields);
  const where: Record<string, string> = {};
  for (const name of WHERE) {
    const value = reader.optional(name, whereValues(fields, name));
    if (value !== undefined) where[name] = value;
  }
  return {
    row: reader.choice('row', tabulable, DEFAULT_VIEW.row),
    by: reader.choice('by', tabulable, DEFAULT_VIEW.by),
    where,
    exclude: reader.list(
      'exclude',
      fields.exclusions.map((x) => x.rule),
    ),
    method: reader.choice('method', PROPORTION_METHODS, DEFAULT_VIEW.method),
  };
}

/** The choices as query pairs, defaults left out. */
function tablesPairs(view: TablesView): [string, string][] {
  const pairs: [string, string][] = [];
  if (view.row !== DEFAULT_VIEW.row) pairs.push(['row', view.row]);
  if (view.by !== DEFAULT_VIEW.by) pairs.push(['by', view.by]);
  for (const name of WHERE) {
    const value = view.where[name];
    if (value !== undefined) pairs.push([name, value]);
  }
  for (const rule of view.exclude) pairs.push(['exclude', rule]);
  if (view.method !== DEFAULT_VIEW.method) pairs.push(['method', view.method]);
  return pairs;
}

function Select(props: {
  label: string;
  name: string;
  value: string;
  options: readonly string[];
  onChange: (value: string) => void;
  any?: boolean;
}) {
  return (
    <label>
      {props.label}
      <select
        name={props.name}
        value={props.value}
        onChange={(e) => props.onChange((e.target as HTMLSelectElement).value)}
      >
        {props.any === true && <option value="">any</option>}
        {props.options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </label>
  );
}

function AssociationSummary({ result, complete }: { result: EpisodeTable; complete: boolean }) {
  const { chiSquare, fisher, notes } = result.association;
  return (
    <section aria-label="association" class="association">
      <h3>Test of association</h3>
      <ul>
        {chiSquare !== null && (
          <li data-testid="chi-square">
            χ² = {chiSquare.statistic.toFixed(2)}, df {chiSquare.df}, p {pValue(chiSquare.p)}
          </li>
        )}
        {fisher !== null ? (
          <li data-testid="fisher">
            Fisher’s {fisher.method === 'fisher-exact' ? 'exact' : 'Monte Carlo'} test, p {pValue(fisher.p)}
          </li>
        ) : (
          !complete && <li class="muted">Fisher’s test: computing…</li>
        )}
        {chiSquare?.warnings.map((w) => (
          <li key={w} class="muted">
            {w}
          </li>
        ))}
        {notes.map((n) => (
          <li key={n} class="muted">
            {n}
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * How long the proxies in power stayed with their sponsor, one curve per value of the columns' field (one curve
 * when that field holds several values per episode), for the same selection as the table.
 */
function TimeToDefection({
  by,
  where,
  single,
}: {
  by: string;
  where: Record<string, string>;
  single: boolean;
}) {
  const [answer, setAnswer] = useState<{ result: EpisodeSurvival } | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const url = `/api/survival${queryString([
    ...(single ? [['by', by] as const] : []),
    ...Object.entries(where).map(([f, v]) => ['where', `${f}=${v}`] as const),
  ])}`;
  useEffect(() => {
    const controller = new AbortController();
    getJson<{ result: EpisodeSurvival }>(url, controller.signal).then(
      (a) => {
        setAnswer(a);
        setError(undefined);
      },
      (e: unknown) => {
        if (!controller.signal.aborted) setError(e);
      },
    );
    return () => controller.abort();
  }, [url]);
  const chart = useMemo(
    () => (answer !== undefined ? survivalChartOptions(answer.result, 720) : undefined),
    [answer],
  );
  return (
    <section aria-label="time to defection" class="association">
      <h3>Time to defection</h3>
      <ErrorBox error={error} />
      {answer !== undefined && chart !== undefined && (
        <>
          <PlotFigure options={chart} label="time to defection" />
          <ul>
            {answer.result.groups.map((g) => (
              <li key={g.label} data-testid="survival-group">
                {g.label}: {g.curve.n} proxies in power, {g.curve.events} defected; still aligned after 10
                years {percent(g.at.find((a) => a.years === 10)?.survival ?? Number.NaN)}
              </li>
            ))}
            {answer.result.logRank !== undefined && (
              <li>
                log-rank χ² = {answer.result.logRank.statistic.toFixed(2)}, df {answer.result.logRank.df}, p{' '}
                {pValue(answer.result.logRank.p)}
              </li>
            )}
            {answer.result.excluded.map((x) => (
              <li key={x.reason} class="muted">
                {x.episodes.length} left out: {x.reason}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/**
 * Each column's value spans two columns of its own, labelled: the count, and the share of the column with its
 * interval. Run together in one cell ("12 34 % (20–50 %)"), the count was easy to read as part of the share.
 */
function TableGrid({ result }: { result: EpisodeTable }) {
  const { table } = result;
  return (
    <ScrollBox label="cross-tabulation table">
      <table class="crosstab" aria-label="cross-tabulation">
        <thead>
          <tr>
            <th rowSpan={2} scope="col">
              {result.row} \ {result.column}
            </th>
            {table.columnLevels.map((c) => (
              <th key={c} colSpan={2} scope="colgroup" class="level">
                {c}
              </th>
            ))}
            <th rowSpan={2} scope="col">
              total
            </th>
          </tr>
          <tr class="measures">
            {table.columnLevels.map((c) => [
              <th key={`${c}-n`} scope="col" class="count">
                n
              </th>,
              <th key={`${c}-share`} scope="col" class="share">
                share (interval)
              </th>,
            ])}
          </tr>
        </thead>
        <tbody>
          {table.rowLevels.map((r, i) => (
            <tr key={r}>
              <th scope="row">{r}</th>
              {table.columnLevels.map((c, j) => {
                const share = table.columnShares[i]?.[j];
                return [
                  <td key={`${c}-n`} class="count">
                    {table.counts[i]?.[j] ?? 0}
                  </td>,
                  <td key={`${c}-share`} class="share">
                    {share !== null && share !== undefined ? (
                      <>
                        {percent(share.estimate)}{' '}
                        <small>({interval(share.interval.lower, share.interval.upper)})</small>
                      </>
                    ) : (
                      '—'
                    )}
                  </td>,
                ];
              })}
              <td>{table.rowTotals[i]}</td>
            </tr>
          ))}
          <tr class="total">
            <th scope="row">total</th>
            {table.columnTotals.map((t, j) => [
              <td key={`${table.columnLevels[j]}-n`} class="count">
                {t}
              </td>,
              <td key={`${table.columnLevels[j]}-share`} class="share">
                {t > 0 ? '100 %' : '—'}
              </td>,
            ])}
            <td>{table.total}</td>
          </tr>
        </tbody>
      </table>
    </ScrollBox>
  );
}

export default function TablesPage({ route }: { route: Route }) {
  const [fields, setFields] = useState<Fields | undefined>(undefined);
  const { view, notes, setView } = useUrlView(route, fields, readTablesView);
  const { row, by, where, exclude, method } = view ?? DEFAULT_VIEW;
  const change =
    <K extends keyof TablesView>(key: K) =>
    (value: TablesView[K]) =>
      setView((old) => ({ ...old, [key]: value }));
  const setRow = change('row');
  const setBy = change('by');
  const setMethod = change('method');
  const setWhere = (update: (old: TablesView['where']) => TablesView['where']) =>
    setView((old) => ({ ...old, where: update(old.where) }));
  const setExclude = (update: (old: TablesView['exclude']) => TablesView['exclude']) =>
    setView((old) => ({ ...old, exclude: update(old.exclude) }));
  useViewInUrl(route, view === undefined ? undefined : tablesPairs(view));
  const ready = view !== undefined;
  const [answer, setAnswer] = useState<
    { url: string; table: TableAnswer; ms: number; complete: boolean } | undefined
  >(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [copied, setCopied] = useState('');
  useTitle('Tables');

  useEffect(() => {
    getJson<Fields>('/api/fields').then(setFields, setError);
  }, []);

  const url = useMemo(
    () =>
      `/api/table${queryString([
        ['row', row],
        ['by', by],
        ...Object.entries(where).map(([f, v]) => ['where', `${f}=${v}`] as const),
        ...exclude.map((rule) => ['exclude', rule] as const),
        ['method', method],
      ])}`,
    [row, by, where, exclude, method],
  );

  // Two requests: the table at once without Fisher's Monte Carlo test, then with it, which takes longer beyond 2×2.
  // None before the URL's choices are read, so that a shared link does not first fetch the default table.
  useEffect(() => {
    if (!ready) return;
    const controller = new AbortController();
    const started = performance.now();
    const fail = (e: unknown) => {
      if (!controller.signal.aborted) setError(e);
    };
    getJson<TableAnswer>(`${url}&monteCarlo=false`, controller.signal).then((table) => {
      setAnswer((old) =>
        old?.url === url ? old : { url, table, ms: performance.now() - started, complete: false },
      );
      setError(undefined);
      getJson<TableAnswer>(url, controller.signal).then(
        (full) =>
          setAnswer((old) => ({
            url,
            table: full,
            ms: old?.url === url ? old.ms : performance.now() - started,
            complete: true,
          })),
        fail,
      );
    }, fail);
    return () => controller.abort();
  }, [url, ready]);

  const chart = useMemo(
    () => (answer !== undefined ? tableChartOptions(answer.table.result, 720) : undefined),
    [answer],
  );

  if (fields === undefined)
    return error !== undefined ? <ErrorBox error={error} /> : <p class="loading">Loading…</p>;
  const tabulable = tabulableOf(fields);
  const copy = async (what: 'Markdown' | 'CSV') => {
    if (answer === undefined) return;
    const text = what === 'Markdown' ? answer.table.markdown : answer.table.csv;
    try {
      await navigator.clipboard.writeText(text);
      setCopied(`${what} copied`);
    } catch {
      setCopied(`${what} could not be copied: select it below`);
    }
  };

  return (
    <section aria-label="tables">
      <h1>Tables</h1>
      <p class="intro">
        Two fields of the record counted against each other: under each column, n is the number of episodes
        and the share is their part of the column, with its interval. Below the table, the chart draws those
        shares, the tests say whether the two fields are associated, and the curves follow how long the
        proxies in power stayed with their sponsor.
      </p>
      <UrlNotes notes={notes} />
      <form class="filters" aria-label="table" onSubmit={(e) => e.preventDefault()}>
        <Select label="rows" name="row" value={row} options={tabulable} onChange={setRow} />
        <Select label="columns" name="by" value={by} options={tabulable} onChange={setBy} />
        <Select
          label="interval"
          name="method"
          value={method}
          options={PROPORTION_METHODS}
          onChange={setMethod}
        />
        {WHERE.map((name) => {
          const values = whereValues(fields, name);
          return (
            <Select
              key={name}
              label={`where ${name}`}
              name={`where-${name}`}
              value={where[name] ?? ''}
              options={values}
              any
              onChange={(value) =>
                setWhere((old) => {
                  const next = { ...old };
                  if (value === '') delete next[name];
                  else next[name] = value;
                  return next;
                })
              }
            />
          );
        })}
        <fieldset>
          <legend>leave out</legend>
          {fields.exclusions.map(({ rule, description }) => (
            <label key={rule} title={description} class="check">
              <input
                type="checkbox"
                name={`exclude-${rule}`}
                checked={exclude.includes(rule)}
                onChange={(e) =>
                  setExclude((old) =>
                    (e.target as HTMLInputElement).checked ? [...old, rule] : old.filter((r) => r !== rule),
                  )
                }
              />
              {rule}
            </label>
          ))}
        </fieldset>
      </form>
      <ErrorBox error={error} />
      {answer !== undefined && (
        <>
          <p class="toolbar">
            <output data-testid="table-episodes">{answer.table.result.episodes} episodes tabulated</output>
            <span class="muted" data-testid="elapsed">
              answered in {Math.round(answer.ms)} ms
            </span>
            <button type="button" onClick={() => void copy('Markdown')}>
              Copy Markdown
            </button>
            <button type="button" onClick={() => void copy('CSV')}>
              Copy CSV
            </button>
            <output aria-live="polite" data-testid="copied">
              {copied}
            </output>
          </p>
          <TableGrid result={answer.table.result} />
          {chart !== undefined && (
            <PlotFigure
              options={chart}
              label={`${answer.table.result.row} by ${answer.table.result.column}`}
            />
          )}
          <AssociationSummary result={answer.table.result} complete={answer.complete} />
          <TimeToDefection
            by={by}
            where={where}
            single={fields.fields.find((f) => f.name === by)?.type !== 'codes'}
          />
          <details>
            <summary>Markdown</summary>
            <pre data-testid="markdown">{answer.table.markdown}</pre>
          </details>
        </>
      )}
    </section>
  );
}
