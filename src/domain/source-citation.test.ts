import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UNCITABLE_HOSTS, uncitableHostReason } from './citation-hosts.js';
import { citationFindings } from './source-citation.js';
import type { Source } from './source-schema.js';

const source = (extra: Partial<Source>): Source => ({
  type: 'press',
  authors: ['Reuters'],
  title: 'Bakiyev says Russian anger a factor in Kyrgyz revolt',
  year: 2010,
  url: 'https://www.reuters.com/article/idUSTRE63M0F420100423',
  ...extra,
});
const rules = (sources: Source[]) => citationFindings(sources).map((f) => `${f.rule} ${f.field}`);

describe('citationFindings', () => {
  it('passes a work cited at its own address', () => {
    expect(
      rules([source({}), source({ title: 'Another report', url: 'https://history.state.gov/d1' })]),
    ).toEqual([]);
  });

  it('names a copy on a listed host, a subdomain of one included', () => {
    expect(rules([source({ url: 'https://docslib.org/doc/1/x' })])).toEqual([
      'uncitable-host sources[0].url',
    ]);
    expect(rules([source({ url: 'http://it.scribd.com/doc/1' })])).toEqual(['uncitable-host sources[0].url']);
  });

  it('names a bare IP address and a malformed host', () => {
    expect(rules([source({ url: 'http://20.210.105.67/txt/time/x.html' })])).toEqual([
      'ip-host sources[0].url',
    ]);
    expect(rules([source({ url: 'https://history.state.gov./historicaldocuments/d1' })])).toEqual([
      'malformed-host sources[0].url',
    ]);
    expect(rules([source({ url: 'https://kurds_history.en-academic.com/1' })])).toEqual([
      'malformed-host sources[0].url',
    ]);
  });

  it('names a made-up bracketed title', () => {
    expect(rules([source({ title: '[Report on the election]' })])).toEqual([
      'bracketed-title sources[0].title',
    ]);
  });

  it('names the same work, or the same address, cited twice', () => {
    const a = source({});
    expect(rules([a, { ...a }])).toEqual(['duplicate-source sources[1]']);
    expect(rules([a, source({ title: 'Other title' })])).toEqual(['duplicate-source sources[1].url']);
    // Two pages of one book are one work twice only when the page is the same too.
    const book = source({ url: undefined, title: 'Afgantsy', page: 'p. 11' });
    expect(rules([book, { ...book, page: 'p. 15' }])).toEqual([]);
  });

  it('never throws, whatever the address', () => {
    fc.assert(
      fc.property(fc.string(), fc.webUrl(), (title, url) => {
        expect(() => citationFindings([source({ title: title || 't', url })])).not.toThrow();
      }),
    );
  });
});

describe('the hosts the codebook lists', () => {
  const doc = readFileSync(new URL('../../docs/codebook.md', import.meta.url), 'utf8');

  it('are the hosts the code refuses, each with its reason', () => {
    for (const { reason, hosts } of UNCITABLE_HOSTS) {
      expect(doc).toContain(`| ${reason} |`);
      for (const host of hosts) {
        expect(doc, host).toContain(`\`${host}\``);
        expect(uncitableHostReason(host)).toBe(reason);
      }
    }
  });

  it('do not catch a host that only ends with the same letters', () => {
    expect(uncitableHostReason('notdocslib.org')).toBeUndefined();
    expect(uncitableHostReason('en.wikipedia.org')).toBeUndefined();
  });
});
