/**
 * Whether each source names the work itself, at the work's own address (docs/codebook.md, "Citing the work"):
 * no copy's host in `url`, no bare IP address or malformed host, no title made up in brackets, and no work
 * cited twice as if it were two.
 */
import { uncitableHostReason } from './citation-hosts.js';
import type { Source } from './source-schema.js';

export type CitationRule =
  | 'uncitable-host'
  | 'ip-host'
  | 'malformed-host'
  | 'bracketed-title'
  | 'duplicate-source';

export interface CitationFinding {
  readonly rule: CitationRule;
  readonly field: string;
  readonly message: string;
  readonly hint: string;
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
/** Letters, digits and inner hyphens, dot-separated, ending in a letter-only top-level label. */
const HOSTNAME = /^(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))*\.[a-z]{2,63}$/i;

/** The host as written in the address, before any normalisation hides a trailing dot or an underscore. */
function writtenHost(url: string): string | undefined {
  return /^https?:\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^:/?#]*)/i.exec(url)?.[1];
}

/** Same authors and title, and the same page if either gives one: the same work cited again. */
const workKey = (s: Source) =>
  JSON.stringify([s.authors.map((a) => a.toLowerCase()), s.title.toLowerCase(), s.page ?? '']);

export function citationFindings(sources: readonly Source[]): CitationFinding[] {
  const found: CitationFinding[] = [];
  const seenUrls = new Map<string, number>();
  const seenWorks = new Map<string, number>();
  sources.forEach((s, i) => {
    const at = `sources[${i}]`;
    if (s.title.startsWith('['))
      found.push({
        rule: 'bracketed-title',
        field: `${at}.title`,
        message: `"${s.title}" is a description in brackets, not the work's title`,
        hint: "give the title as the work prints it (a headline, a document's heading)",
      });
    const earlierWork = seenWorks.get(workKey(s));
    if (earlierWork !== undefined)
      found.push({
        rule: 'duplicate-source',
        field: at,
        message: `the same work as sources[${earlierWork}]`,
        hint: 'cite a work once; one work by one author is not two independent sources',
      });
    else seenWorks.set(workKey(s), i);
    if (s.url === undefined) return;
    const earlierUrl = seenUrls.get(s.url);
    if (earlierUrl !== undefined && earlierWork === undefined)
      found.push({
        rule: 'duplicate-source',
        field: `${at}.url`,
        message: `the same address as sources[${earlierUrl}]`,
        hint: 'cite a work once; one page read twice is not two sources',
      });
    else if (earlierUrl === undefined) seenUrls.set(s.url, i);
    const host = writtenHost(s.url) ?? '';
    if (IPV4.test(host) || host.startsWith('['))
      found.push({
        rule: 'ip-host',
        field: `${at}.url`,
        message: `${host} is a bare IP address, not the work's home`,
        hint: "cite the work at its publisher's, archive's or official address (a copy read elsewhere may go in readAt)",
      });
    else if (!HOSTNAME.test(host))
      found.push({
        rule: 'malformed-host',
        field: `${at}.url`,
        message: `"${host}" is not a well-formed host name (a trailing dot, an underscore, no top-level domain)`,
        hint: 'give the address as the site publishes it',
      });
    else {
      const reason = uncitableHostReason(host);
      if (reason !== undefined)
        found.push({
          rule: 'uncitable-host',
          field: `${at}.url`,
          message: `${host} is ${reason}`,
          hint: 'cite the work at its own home (publisher, archive, official site, DOI); keep the copy as readAt if it is where the work was read',
        });
    }
  });
  return found;
}
