/**
 * A page's controls kept in the URL's query (#/tables?row=payoff&method=jeffreys), so that a view can be shared
 * and survives a reload. Only values that differ from the defaults are written, so a page left at its defaults
 * keeps its bare route. A value the page does not know is dropped, its control left at the default, and noted.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { href, parseHash, type Route } from './hash-route.js';

/** A control's value from the URL that the page could not use. */
export interface UrlNote {
  readonly key: string;
  readonly value: string;
  readonly reason: string;
}

/** Reads a query while recording what it could not use, and which keys it was asked about. */
export class QueryReader {
  readonly params: URLSearchParams;
  readonly notes: UrlNote[] = [];
  private readonly asked = new Set<string>();

  constructor(query: string) {
    this.params = new URLSearchParams(query);
  }

  /** One value among `allowed`; absent gives the default, unknown gives the default and a note. */
  choice<T extends string>(key: string, allowed: readonly T[], fallback: T): T {
    this.asked.add(key);
    const value = this.params.get(key);
    if (value === null) return fallback;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    this.notes.push({ key, value, reason: `not one of ${allowed.join(', ')}` });
    return fallback;
  }

  /** A value that may be absent (a filter left at "any"). */
  optional(key: string, allowed: readonly string[]): string | undefined {
    const value = this.choice(key, ['', ...allowed], '');
    return value === '' ? undefined : value;
  }

  /** Every value of a repeated key that is allowed; each other one noted. */
  list(key: string, allowed: readonly string[]): string[] {
    this.asked.add(key);
    const kept: string[] = [];
    for (const value of this.params.getAll(key)) {
      if (!allowed.includes(value))
        this.notes.push({ key, value, reason: `not one of ${allowed.join(', ')}` });
      else if (!kept.includes(value)) kept.push(value);
    }
    return kept;
  }

  /** The notes, with one for each key the page never asked about (a misspelt or foreign control). */
  finish(): UrlNote[] {
    for (const [key, value] of this.params)
      if (!this.asked.has(key)) this.notes.push({ key, value, reason: 'no such control on this page' });
    return this.notes;
  }
}

/** The route's link with the page's controls; pairs whose value is the default should be left out by the caller. */
export function viewHash(page: string, pairs: readonly (readonly [string, string])[]): string {
  const params = new URLSearchParams();
  for (const [key, value] of pairs) params.append(key, value);
  const query = params.toString();
  return `${href(page)}${query === '' ? '' : `?${query}`}`;
}

/**
 * Writes the view into the URL as the controls change. replaceState, not a new entry: typing in a field or
 * stepping through a list must not fill the history, and it fires no hashchange, so the page is not re-read.
 * Only the page's own list view writes: an episode's detail (a route with an argument) keeps its own link.
 */
export function useViewInUrl(route: Route, pairs: readonly (readonly [string, string])[] | undefined): void {
  const target = pairs === undefined || route.rest.length > 0 ? undefined : viewHash(route.page, pairs);
  useEffect(() => {
    if (target === undefined) return;
    const now = parseHash(location.hash);
    // A page being left never writes over the next one's URL, and one at its defaults leaves a bare route be.
    if (now.page !== route.page || now.rest.length > 0 || (now.query === '' && !target.includes('?'))) return;
    if (location.hash !== target) history.replaceState(history.state, '', target);
  }, [target, route.page]);
}

/** The values of the URL the page could not use, said where the reader sees them. */
export function UrlNotes({ notes }: { notes: readonly UrlNote[] }) {
  if (notes.length === 0) return null;
  return (
    <div class="url-note" role="status" data-testid="url-note">
      <strong>Some of this link’s settings were not understood and are left at their defaults:</strong>
      <ul>
        {notes.map((n) => (
          <li key={`${n.key}=${n.value}`}>
            <code>
              {n.key}={n.value}
            </code>{' '}
            — {n.reason}
          </li>
        ))}
      </ul>
    </div>
  );
}

export interface UrlView<V> {
  /** Undefined until the page has what it needs to check the URL's values (its options, loaded). */
  readonly view: V | undefined;
  readonly notes: readonly UrlNote[];
  readonly setView: (update: (old: V) => V) => void;
}

/**
 * The page's controls, read from the URL each time the route changes (a link followed, the back button) and
 * then changed by the user. `read` is checked against `source` (the options the page loaded); it should be a
 * function defined once, outside the component, so that only a new route or a new source re-reads the URL.
 */
export function useUrlView<S, V>(
  route: Route,
  source: S | undefined,
  read: (reader: QueryReader, source: S) => V,
): UrlView<V> {
  const fromUrl = useMemo(() => {
    if (source === undefined) return undefined;
    const reader = new QueryReader(route.query);
    const view = read(reader, source);
    return { view, notes: reader.finish() };
  }, [route, source, read]);
  // The user's changes, valid only for the reading they started from: a new route starts again from the URL.
  const [edited, setEdited] = useState<{ base: typeof fromUrl; view: V } | undefined>(undefined);
  const view = edited !== undefined && edited.base === fromUrl ? edited.view : fromUrl?.view;
  const setView = (update: (old: V) => V) =>
    setEdited((old) => {
      if (fromUrl === undefined) return old;
      const current = old !== undefined && old.base === fromUrl ? old.view : fromUrl.view;
      return { base: fromUrl, view: update(current) };
    });
  return { view, notes: fromUrl?.notes ?? [], setView };
}
