/** Sources as BibTeX entries or as plain reference lines. */
import type { Source } from '../domain/index.js';

/** A BibTeX key from the first author's surname, the year and the title's first word: `levin2016partisan`. */
function bibKey(source: Source): string {
  const surname = (source.authors[0] ?? 'anon').split(',')[0] ?? 'anon';
  const word = source.title.split(/\s+/).find((w) => w.replace(/[^A-Za-z]/g, '').length > 3) ?? 'untitled';
  const slug = (text: string) =>
    text
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9]/g, '')
      .toLowerCase();
  return `${slug(surname)}${source.year ?? 'nd'}${slug(word)}`;
}

/** Braces protect capitals and special characters; BibTeX's own specials are escaped. */
const bibText = (text: string): string => text.replace(/([{}\\&%$#_])/g, '\\$1');

export function toBibtex(sources: readonly Source[]): string {
  const used = new Map<string, number>();
  return sources
    .map((s) => {
      const base = bibKey(s);
      const n = used.get(base) ?? 0;
      used.set(base, n + 1);
      const key = n === 0 ? base : `${base}${String.fromCharCode(97 + ((n - 1) % 26))}`;
      const fields: [string, string | undefined][] = [
        // An organisation is braced so that BibTeX does not split it into given and family names.
        ['author', s.authors.map((a) => (a.includes(',') ? bibText(a) : `{${bibText(a)}}`)).join(' and ')],
        ['title', `{${bibText(s.title)}}`],
        ['year', s.year === null ? undefined : String(s.year)],
        [s.doi !== undefined || s.page !== undefined ? 'journal' : 'howpublished', s.container],
        ['pages', s.page],
        ['doi', s.doi],
        ['url', s.url],
        ['urldate', s.accessed],
        ['note', s.year === null ? 'n.d.' : undefined],
      ];
      const body = fields
        .filter((f): f is [string, string] => f[1] !== undefined)
        .map(
          ([name, value]) =>
            `  ${name} = {${name === 'author' || name === 'title' || name === 'url' || name === 'doi' ? value : bibText(value)}}`,
        )
        .join(',\n');
      const type =
        s.doi !== undefined || (s.container !== undefined && s.page !== undefined) ? 'article' : 'misc';
      return `@${type}{${key},\n${body}\n}`;
    })
    .join('\n\n');
}

/** `Authors (year). Title. Container, page. URL (accessed …).` */
export function toReference(s: Source): string {
  const parts = [
    `${s.authors.join('; ')} (${s.year ?? 'n.d.'}). ${s.title}.`,
    s.container !== undefined
      ? `${s.container}${s.page !== undefined ? `, ${s.page}` : ''}.`
      : s.page !== undefined
        ? `${s.page}.`
        : undefined,
    s.doi !== undefined ? `https://doi.org/${s.doi}` : undefined,
    s.url !== undefined
      ? `${s.url}${s.accessed !== undefined ? ` (accessed ${s.accessed})` : ''}`
      : undefined,
  ];
  return parts.filter((p) => p !== undefined).join(' ');
}

/** Each distinct source once, in first-seen order. */
export function distinctSources(sources: readonly Source[]): Source[] {
  const seen = new Set<string>();
  return sources.filter((s) => {
    const key = JSON.stringify([s.authors, s.title, s.year, s.url ?? '', s.doi ?? '', s.page ?? '']);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
