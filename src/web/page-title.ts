/** Each view names itself in the tab and the history: a reader with several tabs, or a screen reader, can tell them apart. */
import { useEffect } from 'preact/hooks';

export const pageTitle = (name: string): string => `${name} — meddle`;

export function useTitle(name: string): void {
  useEffect(() => {
    document.title = pageTitle(name);
  }, [name]);
}
