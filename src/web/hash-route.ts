/**
 * The page, its argument and its view from the URL's hash (#/record/usa-ita-1948-election,
 * #/record?kind=electoral), so that every view has a link. The query after the route holds a page's controls.
 */
import { useEffect, useState } from 'preact/hooks';

export interface Route {
  readonly page: string;
  readonly rest: readonly string[];
  /** The query after the route, without its "?": the page's controls (url-state.ts). */
  readonly query: string;
}

export function parseHash(hash: string): Route {
  const path = hash.replace(/^#\/?/, '');
  const mark = path.indexOf('?');
  const [page = '', ...rest] = (mark < 0 ? path : path.slice(0, mark)).split('/').map(decodeURIComponent);
  return { page: page === '' ? 'record' : page, rest, query: mark < 0 ? '' : path.slice(mark + 1) };
}

export function useHashRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const update = () => setRoute(parseHash(location.hash));
    addEventListener('hashchange', update);
    return () => removeEventListener('hashchange', update);
  }, []);
  return route;
}

export const href = (page: string, ...rest: string[]): string =>
  `#/${[page, ...rest].map(encodeURIComponent).join('/')}`;
