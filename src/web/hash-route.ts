/** The page and its argument from the URL's hash (#/record/usa-ita-1948-election), so that every view has a link. */
import { useEffect, useState } from 'preact/hooks';

export interface Route {
  readonly page: string;
  readonly rest: readonly string[];
}

export function parseHash(hash: string): Route {
  const [page = '', ...rest] = hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  return { page: page === '' ? 'record' : page, rest };
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
