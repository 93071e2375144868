/**
 * Addresses that are not a work's own home (docs/codebook.md, "Citing the work"): copies of a work made
 * elsewhere, encyclopedia mirrors and machine summaries, content farms, and test or staging servers. A source
 * whose `url` is on one of them names the copy, not the work; the copy may stay as `readAt`.
 * A host matches itself and every subdomain of it.
 */
export interface UncitableHosts {
  readonly reason: string;
  readonly hosts: readonly string[];
}

export const UNCITABLE_HOSTS: readonly UncitableHosts[] = [
  {
    reason: 'a pirated or unlicensed copy of a book',
    hosts: [
      'bookz.ru',
      'rulit.me',
      'bookreadfree.com',
      'nanobukva.ru',
      'libcat.ru',
      'booksonline.com.ua',
      'whosread.com',
      'readonlinefree.net',
      'read-online-books.com',
      'readsbookonline.com',
      'full-english-books.net',
      'b-ok.org',
      'livelib.biz',
      'ebin.pub',
      'bibliboba.online',
      'chitka.online',
      'newlib.net',
      'booksci.cn',
      'trantor.is',
    ],
  },
  {
    reason: 'a document-sharing site re-uploading works published elsewhere',
    hosts: [
      'docslib.org',
      'vdocument.in',
      'vdoc.pub',
      'docsbay.net',
      'pdfslide.us',
      'fdocuments.us',
      'fdocuments.in',
      'fdokumen.com',
      'doczz.net',
      'cupdf.com',
      'kipdf.com',
      'studmed.ru',
      'scribd.com',
      'yumpu.com',
      'issuhub.com',
      'ishareslide.org',
      'flipbuilder.com',
      'passeidireto.com',
      'slideshare.net',
      'dhirubhai.net',
    ],
  },
  {
    reason: 'an unauthorised mirror of the Time magazine archive',
    hosts: ['softbeam.net', '6jhxt.group', 'bceovw70.asia'],
  },
  {
    reason: 'a copy, mirror or machine summary of an encyclopedia article',
    hosts: [
      'wikisum.wiki',
      'wikimili.com',
      'liquisearch.com',
      'everything.explained.today',
      'the-uncensored-wiki.com',
      'grokipedia.com',
      'wikizero.com',
      'infogalactic.com',
      'enwikipedia.net',
      'ewikibg.top',
      'xcv.wiki',
      'zxc.wiki',
      'knowledger.de',
      'knowledgr.com',
      'nina.az',
      'iiab.me',
      'atozwiki.com',
      'wikiclassic.com',
      'osmarks.net',
      'cf-ipfs.com',
      'ipfs.io',
      'wikipedia-on-ipfs.org',
      'en-academic.com',
      'academic.ru',
      'sagapedia.com',
      'stringtranslate.com',
      'riteme.site',
      'hmong.es',
      'profilpelajar.com',
      'christianpedia.com',
      'farming.kim',
      'eymaps.com',
      'sacracouer.com',
      'casplantje.nl',
      'af2c.org',
      'academiclecturetranscripts.org',
      'up.railway.app',
      'remotevs.com',
      'worldnews.wiki',
      'ericsonreport.com',
    ],
  },
  {
    reason: 'a content farm or aggregator that republishes others’ reports without its own',
    hosts: ['what-when-how.com', 'exbulletin.com', 'newsformal.com', 'todayheadline.co', 'dailywrap.net'],
  },
  {
    reason: 'a test, staging or content-delivery server, not the publisher’s public address',
    hosts: [
      'staging.jacobin.com',
      'uat.taylorfrancis.com',
      'ciaotest.cc.columbia.edu',
      'homsy-staging.cambridgecore.org',
      'core-prod.cambridgecore.org',
      'core-cms.prod.aop.cambridge.org',
      'dvincitest.com',
      'deploy.aprenderly.com',
      'newscyclecloud.com',
      'arc-cdn.net',
      'pangea-cms.com',
      'azureedge.net',
    ],
  },
];

/** Why a host cannot stand as a work's address, or undefined when it can. */
export function uncitableHostReason(host: string): string | undefined {
  const name = host.toLowerCase();
  for (const { reason, hosts } of UNCITABLE_HOSTS)
    if (hosts.some((h) => name === h || name.endsWith(`.${h}`))) return reason;
  return undefined;
}
