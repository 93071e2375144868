#!/usr/bin/env node
// Lists what the bundled record takes from each source, and counts its electoral episodes against Istomin's
// Table 2. Reads data/record/*.json directly, so it runs without a build.
//
//   node scripts/source-inventory.mjs            per-family and per-source inventory (Markdown)
//   node scripts/source-inventory.mjs --table2   electoral episodes 1946–2000 by side and proxy outcome
import { readJsonArrays } from './data-files.mjs';

const loadEpisodes = () => readJsonArrays('record').map(({ item, file }) => ({ ...item, file }));

const host = (url) =>
  url
    ? url
        .replace(/^https?:\/\//, '')
        .split('/')[0]
        .replace(/\.$/, '')
    : '';

/** Families, tried in order; the first whose test matches a source claims it. */
const FAMILIES = [
  ['istomin', 'The article (Istomin)', (s) => /^Istomin/.test(s.authors[0])],
  [
    'levin',
    "Levin's works and press reports of his data",
    (s) => s.authors.some((a) => /^Levin/.test(a)) || /^Le Devoir$/.test(s.authors[0]),
  ],
  ['orourke', "O'Rourke's Covert Regime Change", (s) => s.authors.some((a) => /O'Rourke/.test(a))],
  [
    'ica',
    'US intelligence community assessments (ICAs) and the CRS',
    (s) =>
      /Director of National Intelligence|National Intelligence Council|Congressional Research Service/.test(
        `${s.authors.join(' ')} ${s.container ?? ''}`,
      ),
  ],
  [
    'us-official',
    'US official records: FRUS, the Church Committee, the CIA and other US government documents',
    (s) =>
      /Office of the Historian|Department of State|Senate Select Committee|^Central Intelligence Agency|National Archives|Library of Congress|US Embassy/.test(
        s.authors.join('; '),
      ),
  ],
  [
    'wikipedia-lists',
    'Wikipedia lists of interventions',
    (s) =>
      /^Wikipedia$/.test(s.authors[0]) &&
      /List of foreign electoral interventions|involvement in regime change/.test(s.title),
  ],
  [
    'encyclopedia',
    'Wikipedia and other encyclopedias (articles on single events)',
    (s) =>
      /^(Wikipedia|Grokipedia|Citizendium|Encyclopædia Universalis|Uppslagsverket Finland|Historical Dictionary of the Kurds|HistoryMaps|World History Project)$/.test(
        s.authors[0],
      ),
  ],
  [
    'blog',
    'Blogs, activist and aggregator sites',
    (s) =>
      /blogspot|wordpress|everything2|dailyatrocity|thisday|cfs\.mostlyvoid|worldnews\.wiki|tpaak|naaju|moreto|mers\.be|lensontwelve|nlpwessex|visionmag|issuhub|ayaksizgazete|balticword|susmitkumar|cynrglab|guyananews|krysstal|voltairenet|globalresearch|theduran|sacracouer|ericsonreport|khmer|representativepress|us-foreign-policy-perspective|chandleroz|intelligenceref|russianpublication|pledgetimes|ru24|247newsagency|executedtoday|truecrimelibrary|historyhereandnow/.test(
        `${host(s.url)} ${s.authors.join(' ')}`,
      ) || /blog/i.test(s.container ?? ''),
  ],
  [
    'scholarship',
    'Books, journal articles, theses and memoirs (named authors)',
    (s) => s.authors.some((a) => /^[A-Z][^,()]*, [A-Z][^()]*$/.test(a)),
  ],
  ['press', 'Press, news agencies, magazines and other organisations', () => true],
];

function family(source) {
  return FAMILIES.find(([, , test]) => test(source));
}

function inventory(episodes) {
  const groups = new Map(FAMILIES.map(([key, label]) => [key, { label, sources: new Map() }]));
  for (const e of episodes) {
    for (const s of e.sources) {
      const [key] = family(s);
      const name = `${s.authors.join('; ')} (${s.year ?? 'n.d.'}), *${s.title}*`;
      const entry = groups.get(key).sources.get(name) ?? {
        episodes: new Set(),
        fields: new Set(),
        hosts: new Set(),
      };
      entry.episodes.add(e.id);
      entry.hosts.add(host(s.url) || s.doi || s.page || '');
      groups.get(key).sources.set(name, entry);
    }
  }
  const out = [];
  out.push('| family | sources | episodes citing it |', '|---|---:|---:|');
  for (const [, g] of groups) {
    const eps = new Set([...g.sources.values()].flatMap((v) => [...v.episodes]));
    out.push(`| ${g.label} | ${g.sources.size} | ${eps.size} |`);
  }
  for (const [, g] of groups) {
    if (g.sources.size === 0) continue;
    out.push('', `#### ${g.label}`, '');
    for (const [name, v] of [...g.sources].sort(([a], [b]) => a.localeCompare(b))) {
      const where = [...v.hosts].filter(Boolean).join(', ');
      out.push(`- ${name}${where ? ` [${where}]` : ''}: ${[...v.episodes].sort().join(', ')}`);
    }
  }
  return out.join('\n');
}

/** Electoral episodes by the US or the USSR/Russia whose vote falls in 1946–2000, as Levin's universe. */
function table2(episodes) {
  const rows = episodes.filter(
    (e) =>
      e.kind === 'electoral' && [2, 365].includes(e.interferer) && e.startYear >= 1946 && e.startYear <= 2000,
  );
  const sides = ['incumbent', 'challenger', 'unknown'];
  const outcomes = ['won', 'partial', 'lost', 'unknown'];
  const count = (side, outcome) =>
    rows.filter(
      (e) => (side === undefined || e.side === side) && (outcome === undefined || e.proxyOutcome === outcome),
    ).length;
  const out = ['| side | won | partial | lost | unknown | all |', '|---|---:|---:|---:|---:|---:|'];
  for (const side of [...sides, undefined]) {
    out.push(
      `| ${side ?? 'all'} | ${outcomes.map((o) => count(side, o)).join(' | ')} | ${count(side, undefined)} |`,
    );
  }
  for (const side of sides) {
    for (const outcome of outcomes) {
      const ids = rows.filter((e) => e.side === side && e.proxyOutcome === outcome).map((e) => e.id);
      if (ids.length > 0) out.push('', `${side}, ${outcome} (${ids.length}): ${ids.sort().join(', ')}`);
    }
  }
  const spanning = rows
    .filter((e) => e.endYear !== e.startYear)
    .map((e) => `${e.id} (${e.startYear}–${e.endYear})`);
  const byInterferer = (code) => rows.filter((e) => e.interferer === code).length;
  out.push(
    '',
    `${rows.length} episodes: United States ${byInterferer(2)}, USSR/Russia ${byInterferer(365)}.`,
    `Spanning more than one year: ${spanning.join(', ') || 'none'}.`,
    '',
    '| target | US | USSR/Russia |',
    '|---|---:|---:|',
  );
  const targets = [...new Set(rows.map((e) => e.id.split('-')[1]))].sort();
  for (const t of targets) {
    const n = (code) => rows.filter((e) => e.interferer === code && e.id.split('-')[1] === t).length;
    out.push(`| ${t} | ${n(2)} | ${n(365)} |`);
  }
  return out.join('\n');
}

const episodes = loadEpisodes();
console.log(process.argv.includes('--table2') ? table2(episodes) : inventory(episodes));
