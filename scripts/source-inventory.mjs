#!/usr/bin/env node
// Lists what the bundled record takes from each source, and counts its electoral episodes against Istomin's
// Table 2. Reads data/record/*.json directly, so it runs without a build.
//
//   node scripts/source-inventory.mjs            per-family and per-source inventory (Markdown)
//   node scripts/source-inventory.mjs --table2   electoral episodes 1946–2000 by side and proxy outcome
//   node scripts/source-inventory.mjs --peig     those episodes by target against Levin's published counts
//   node scripts/source-inventory.mjs --types    sources by type and by kind of address, and episodes by their
//                                                strongest source
import { readDataFile, readJsonArrays } from './data-files.mjs';

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
    out.push('', `### ${g.label}`, '');
    for (const [name, v] of [...g.sources].sort(([a], [b]) => a.localeCompare(b))) {
      const where = [...v.hosts].filter(Boolean).join(', ');
      out.push(`- ${name}${where ? ` [${where}]` : ''}: ${[...v.episodes].sort().join(', ')}`);
    }
  }
  return out.join('\n');
}

/** Electoral episodes by the US or the USSR/Russia whose vote falls in 1946–2000, as Levin's universe. */
const peigUniverse = (episodes) =>
  episodes.filter(
    (e) =>
      e.kind === 'electoral' && [2, 365].includes(e.interferer) && e.startYear >= 1946 && e.startYear <= 2000,
  );

/** Per target: Levin's count where a published source gives one, ours, and the episodes behind ours. */
function peig(episodes) {
  const levin = JSON.parse(readDataFile('reference/levin-counts.json'));
  const rows = peigUniverse(episodes);
  const target = (e) => e.id.split('-')[1];
  const code = { usa: 2, rus: 365 };
  const out = ["| interferer | target | Levin | ours | the record's episodes |", '|---|---|---:|---:|---|'];
  const keys = [...new Set(rows.map((e) => `${e.interferer === 2 ? 'usa' : 'rus'} ${target(e)}`))];
  for (const c of levin.counts) keys.push(`${c.interferer} ${c.target}`);
  for (const key of [...new Set(keys)].sort()) {
    const [by, t] = key.split(' ');
    const ours = rows.filter((e) => e.interferer === code[by] && target(e) === t).map((e) => e.startYear);
    const published = levin.counts.find((c) => c.interferer === by && c.target === t);
    out.push(`| ${by} | ${t} | ${published?.count ?? ''} | ${ours.length} | ${ours.sort().join(', ')} |`);
  }
  const total = (by) => rows.filter((e) => e.interferer === code[by]).length;
  out.push('', `In all: United States ${total('usa')} of Levin's 81, USSR/Russia ${total('rus')} of his 36.`);
  return out.join('\n');
}

/** How many sources of each type the record cites, and how many episodes rest on an official or scholarly one. */
function types(episodes) {
  const counts = {};
  for (const e of episodes)
    for (const s of e.sources) counts[s.type ?? 'untyped'] = (counts[s.type ?? 'untyped'] ?? 0) + 1;
  const strong = episodes.filter((e) =>
    e.sources.some((s) => s.type === 'official' || s.type === 'scholarly'),
  );
  const out = ['| type | sources |', '|---|---:|'];
  for (const [type, n] of Object.entries(counts).sort(([, a], [, b]) => b - a))
    out.push(`| ${type} | ${n} |`);
  out.push(
    '',
    `${strong.length} of ${episodes.length} episodes cite at least one official or scholarly source; the other ${episodes.length - strong.length} cite two or more independent sources of other types.`,
    '',
    '| kind of address | sources |',
    '|---|---:|',
  );
  const kinds = {};
  for (const e of episodes)
    for (const s of e.sources) kinds[addressKind(s)] = (kinds[addressKind(s)] ?? 0) + 1;
  for (const kind of ADDRESS_KINDS) out.push(`| ${kind} | ${kinds[kind] ?? 0} |`);
  return out.join('\n');
}

const ADDRESS_KINDS = [
  'official',
  'publisher or archive',
  'press',
  'reference',
  'other',
  'no address (cited by page)',
];
const OFFICIAL_HOST =
  /(\.gov|\.mil|\.gov\.[a-z]{2}|\.gob\.[a-z]{2}|\.gouv\.fr|\.leg\.br|(^|\.)un\.org|(^|\.)europa\.eu|(^|\.)nato\.int|parliament\.uk|(^|\.)ipu\.org|(^|\.)icj-cij\.org)$/;
const ARCHIVE_HOST =
  /((^|\.)doi\.org|jstor\.org|cambridge\.org|tandfonline\.com|muse\.jhu\.edu|oup\.com|springer\.com|wiley\.com|sagepub\.com|brill\.com|routledge\.com|taylorfrancis\.com|mit\.edu|\.edu|\.ac\.[a-z]{2}|archive\.org|nsarchive2?\.gwu\.edu|wilsoncenter\.org|hachettebookgroup\.com|uncpress\.org|rand\.org|csis\.org)$/;
const REFERENCE_HOST =
  /(wikipedia\.org|britannica\.com|encyclopedia\.com|treccani\.it|universalis\.fr|wikisource\.org)$/;

/** Where a source's address points: an official site, a publisher or archive, the press, a reference work. */
function addressKind(s) {
  if (s.url === undefined) return s.doi === undefined ? 'no address (cited by page)' : 'publisher or archive';
  const h = host(s.url).toLowerCase();
  if (OFFICIAL_HOST.test(h)) return 'official';
  if (REFERENCE_HOST.test(h)) return 'reference';
  if (ARCHIVE_HOST.test(h) || s.doi !== undefined) return 'publisher or archive';
  if (s.type === 'press') return 'press';
  return 'other';
}

function table2(episodes) {
  const rows = peigUniverse(episodes);
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
const mode = ['--table2', '--peig', '--types'].find((flag) => process.argv.includes(flag));
const report = { '--table2': table2, '--peig': peig, '--types': types }[mode] ?? inventory;
console.log(report(episodes));
