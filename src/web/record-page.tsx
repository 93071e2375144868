/** The Record page: the episodes in a filterable, sortable table, one episode in full with its sources, and export. */
import { Fragment } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { getJson, queryString } from './api.js';
import { ErrorBox } from './error-box.js';
import { href, type Route } from './hash-route.js';
import { OutcomeLevels, StarLegend } from './legends.js';
import { useTitle } from './page-title.js';
import type { Episode, EpisodeList, Fields, StateInfo } from './record-types.js';
import { ScrollBox } from './scroll-box.js';
import { type QueryReader, UrlNotes, useUrlView, useViewInUrl } from './url-state.js';

/** The fields offered as filters, in the order a reader thinks of them. */
const FILTERS = [
  'kind',
  'side',
  'targetClass',
  'covert',
  'means',
  'rationale',
  'proxyType',
  'proxyOutcome',
  'payoff',
  'defected',
  'exposed',
  'grievance',
] as const;

type SortKey = 'id' | 'startYear' | 'interferer' | 'target' | 'kind' | 'side' | 'proxyOutcome' | 'payoff';

const COLUMNS: readonly (readonly [SortKey, string])[] = [
  ['id', 'episode'],
  ['startYear', 'years'],
  ['interferer', 'by'],
  ['target', 'target'],
  ['kind', 'kind'],
  ['side', 'side'],
  ['proxyOutcome', 'proxy'],
  ['payoff', 'payoff'],
];

const SORT_KEYS = COLUMNS.map(([key]) => key);

/** What the list shows: kept in the URL (#/record?kind=electoral&sort=target&order=desc). */
interface RecordView {
  readonly conditions: Readonly<Record<string, string>>;
  readonly sort: { readonly key: SortKey; readonly descending: boolean };
}

const DEFAULT_SORT = { key: 'startYear', descending: false } as const;

/** The values a filter offers, as the page's selects list them. */
function filterValues(fields: Fields, name: string): readonly string[] {
  const field = fields.fields.find((f) => f.name === name);
  return field?.type === 'boolean' ? ['true', 'false'] : (field?.values ?? []);
}

function readRecordView(reader: QueryReader, loaded: Loaded): RecordView {
  const conditions: Record<string, string> = {};
  for (const name of FILTERS) {
    const value = reader.optional(name, filterValues(loaded.fields, name));
    if (value !== undefined) conditions[name] = value;
  }
  const key = reader.choice<SortKey>('sort', SORT_KEYS, DEFAULT_SORT.key);
  const order = reader.choice('order', ['asc', 'desc'], 'asc');
  return { conditions, sort: { key, descending: order === 'desc' } };
}

/** The view as query pairs, defaults left out, filters in the order of the form. */
function recordPairs(view: RecordView): [string, string][] {
  const pairs: [string, string][] = FILTERS.flatMap((name) => {
    const value = view.conditions[name];
    return value === undefined ? [] : [[name, value] as [string, string]];
  });
  if (view.sort.key !== DEFAULT_SORT.key) pairs.push(['sort', view.sort.key]);
  if (view.sort.descending) pairs.push(['order', 'desc']);
  return pairs;
}

/** The same semantics as the server's filters: equality, or membership for a list field. */
function matches(e: Episode, conditions: Readonly<Record<string, string>>): boolean {
  return Object.entries(conditions).every(([field, value]) => {
    const actual = (e as unknown as Record<string, unknown>)[field];
    if (Array.isArray(actual)) return actual.map(String).includes(value);
    return String(actual) === value;
  });
}

const years = (e: Episode): string =>
  e.endYear === e.startYear ? String(e.startYear) : `${e.startYear}–${e.endYear ?? ''}`;

interface Loaded {
  readonly list: EpisodeList;
  readonly fields: Fields;
  readonly states: ReadonlyMap<number, StateInfo>;
}

function useRecord(): { loaded?: Loaded; error?: unknown } {
  const [state, setState] = useState<{ loaded?: Loaded; error?: unknown }>({});
  useEffect(() => {
    Promise.all([
      getJson<EpisodeList>('/api/episodes'),
      getJson<Fields>('/api/fields'),
      getJson<{ states: StateInfo[] }>('/api/states'),
    ]).then(
      ([list, fields, { states }]) =>
        setState({ loaded: { list, fields, states: new Map(states.map((s) => [s.cow, s])) } }),
      (error: unknown) => setState({ error }),
    );
  }, []);
  return state;
}

function EpisodeDetail({ episode, states }: { episode: Episode; states: ReadonlyMap<number, StateInfo> }) {
  const name = (cow: number) => `${states.get(cow)?.name ?? cow} (${cow})`;
  const rows: [string, string][] = [
    ['interferer', [episode.interferer, ...episode.partners].map(name).join(', ')],
    ['target', `${name(episode.target)}, ${episode.targetClass}`],
    ['years', years(episode)],
    ['kind', `${episode.kind}, backing the ${episode.side}, ${episode.covert ? 'covert' : 'overt'}`],
    ['means', episode.means.join(', ') || '—'],
    ['rationale', episode.rationale.join(', ')],
    ['proxy', `${episode.proxyName} (${episode.proxyType})`],
    ['1 proxy', episode.proxyOutcome],
    [
      '2 payoff',
      episode.payoff + (episode.payoffLostYear !== null ? ` (lost ${episode.payoffLostYear})` : ''),
    ],
    [
      '3 hidden costs',
      `defected ${episode.defected}${episode.defectedYear !== null ? ` (${episode.defectedYear})` : ''}, exposed ${episode.exposed}, dispute ${episode.dispute}, grievance ${episode.grievance}`,
    ],
  ];
  return (
    <article class="detail" aria-label="episode">
      <p>
        <a href={href('record')}>← all episodes</a>
      </p>
      <h1>{episode.title}</h1>
      <p class="muted">
        <code>{episode.id}</code>
      </p>
      <p class="intro">
        One episode of the record as coded: who interfered, in whose favour and how, then its outcome on the
        article’s three levels. Every coding rests on the sources listed at the end.
      </p>
      <dl>
        {rows.map(([k, v]) => (
          <Fragment key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </Fragment>
        ))}
      </dl>
      <h2>What the three levels mean</h2>
      <OutcomeLevels />
      {episode.notes !== '' && (
        <>
          <h3>Notes</h3>
          <p>{episode.notes}</p>
        </>
      )}
      <h3>Sources</h3>
      <ol class="sources">
        {episode.sources.map((s, i) => (
          <li key={i}>
            {s.authors.join('; ')} ({s.year ?? 'n.d.'}). <cite>{s.title}</cite>.
            {s.container && ` ${s.container}.`}
            {s.page && ` ${s.page}.`}{' '}
            {s.url && (
              <a href={s.url} rel="noopener noreferrer" target="_blank">
                {s.url}
              </a>
            )}
            {s.doi && ` doi:${s.doi}`}
          </li>
        ))}
      </ol>
    </article>
  );
}

export function RecordPage({ route }: { route: Route }) {
  const { loaded, error } = useRecord();
  const { view, notes, setView } = useUrlView(route, loaded, readRecordView);
  const conditions = view?.conditions ?? {};
  const sort = view?.sort ?? DEFAULT_SORT;
  const setConditions = (update: (old: Readonly<Record<string, string>>) => Record<string, string>) =>
    setView((old) => ({ ...old, conditions: update(old.conditions) }));
  const setSort = (update: (old: RecordView['sort']) => RecordView['sort']) =>
    setView((old) => ({ ...old, sort: update(old.sort) }));
  useViewInUrl(route, view === undefined ? undefined : recordPairs(view));

  const shown = useMemo(() => {
    if (loaded === undefined || view === undefined) return [];
    const kept = loaded.list.episodes.filter((e) => matches(e, view.conditions));
    const { key, descending } = view.sort;
    const abbr = (cow: number) => loaded.states.get(cow)?.abbr ?? String(cow);
    const value = (e: Episode): string | number =>
      key === 'interferer' || key === 'target' ? abbr(e[key]) : (e[key] as string | number);
    return kept.sort((a, b) => {
      const x = value(a);
      const y = value(b);
      const order = x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : 1;
      return descending ? -order : order;
    });
  }, [loaded, view]);

  const [id] = route.rest;
  const episode = id === undefined ? undefined : loaded?.list.episodes.find((e) => e.id === id);
  useTitle(id === undefined ? 'Record' : (episode?.title ?? id));

  if (error !== undefined) return <ErrorBox error={error} />;
  if (loaded === undefined) return <p class="loading">Loading the record…</p>;

  if (id !== undefined) {
    return episode !== undefined ? (
      <EpisodeDetail episode={episode} states={loaded.states} />
    ) : (
      <>
        <h1>No such episode</h1>
        <p role="alert">
          No episode “{id}”. <a href={href('record')}>All episodes</a>
        </p>
      </>
    );
  }

  const pairs = Object.entries(conditions);
  const csvHref = `/api/episodes${queryString([...pairs, ['format', 'csv']])}`;
  const jsonHref = `/api/episodes${queryString(pairs)}`;
  const abbr = (cow: number) => loaded.states.get(cow)?.abbr ?? String(cow);
  const { provenance } = loaded.list;

  return (
    <section aria-label="record">
      <h1>The record</h1>
      <p class="intro">
        Every episode of foreign interference the record holds, each coded from its sources. Narrow the list
        with the filters, sort by a column’s header, and open an episode for its full coding and sources; the
        export gives the same selection as CSV or JSON.
      </p>
      <p class="muted">
        {provenance.record.episodes} sourced episodes, release {provenance.record.version}, sha256{' '}
        <code>{provenance.record.hash.slice(0, 12)}</code>
      </p>
      <UrlNotes notes={notes} />
      <form class="filters" aria-label="filters" onSubmit={(e) => e.preventDefault()}>
        {FILTERS.map((name) => {
          const values = filterValues(loaded.fields, name);
          return (
            <label key={name}>
              {name}
              <select
                name={name}
                value={conditions[name] ?? ''}
                onChange={(event) => {
                  const value = (event.target as HTMLSelectElement).value;
                  setConditions((old) => {
                    const next = { ...old };
                    if (value === '') delete next[name];
                    else next[name] = value;
                    return next;
                  });
                }}
              >
                <option value="">any</option>
                {values.map((v) => (
                  <option key={v} value={v}>
                    {v}
                  </option>
                ))}
              </select>
            </label>
          );
        })}
        <button type="button" onClick={() => setConditions(() => ({}))} disabled={pairs.length === 0}>
          Clear
        </button>
      </form>
      <p class="toolbar">
        <output aria-live="polite" data-testid="count">
          {shown.length} of {loaded.list.count} episodes
        </output>
        <a class="button" href={csvHref} download="meddle-episodes.csv">
          Export CSV
        </a>
        <a class="button" href={jsonHref} download="meddle-episodes.json">
          Export JSON
        </a>
      </p>
      <StarLegend />
      <OutcomeLevels />
      <ScrollBox label="episodes">
        <table class="episodes">
          <thead>
            <tr>
              {COLUMNS.map(([key, label]) => (
                <th
                  key={key}
                  aria-sort={sort.key === key ? (sort.descending ? 'descending' : 'ascending') : 'none'}
                >
                  <button
                    type="button"
                    class="sort"
                    onClick={() =>
                      setSort((old) => ({ key, descending: old.key === key ? !old.descending : false }))
                    }
                  >
                    {label}
                    {sort.key === key ? (sort.descending ? ' ▾' : ' ▴') : ''}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((e) => (
              <tr key={e.id}>
                <td>
                  <a href={href('record', e.id)}>{e.title}</a>
                </td>
                <td>{years(e)}</td>
                <td>{[e.interferer, ...e.partners].map(abbr).join('+')}</td>
                <td>
                  {abbr(e.target)}
                  {e.targetClass === 'major-power' ? ' ★' : ''}
                </td>
                <td>{e.kind}</td>
                <td>{e.side}</td>
                <td>{e.proxyOutcome}</td>
                <td>{e.payoff}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
    </section>
  );
}
