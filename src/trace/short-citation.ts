/** The brief form of a source a timeline prints beside an event: first author's surname, year, place. */
import type { Source } from '../domain/index.js';

/**
 * `Surname year, place` with `n.d.` for an undated work and `et al.` for more than one author.
 *
 * @example shortCitation({ authors: ['Istomin, Igor'], title: 'How not…', year: null, page: 'Conclusion' })
 * // 'Istomin n.d., Conclusion'
 */
export function shortCitation(source: Source): string {
  const first = source.authors[0] ?? '';
  const surname = first.includes(',') ? (first.split(',')[0] ?? first) : first;
  const who = source.authors.length > 1 ? `${surname} et al.` : surname;
  const place = source.page ?? source.url ?? (source.doi !== undefined ? `doi:${source.doi}` : undefined);
  return `${who} ${source.year ?? 'n.d.'}${place !== undefined ? `, ${place}` : ''}`;
}
