// Writes the work lists for a research pass over the level-2/3 fields still `unknown`: batches of at most SIZE
// episodes, each with the fields to code, the episode as the record holds it (values, bases, notes, sources) and
// the reference-data extract for its pair. Episodes with more unknown fields come first, so that the hardest
// are spread over the batches' heads rather than left to the last. Usage:
//   node scripts/coding-worklist.mjs --out data/coding/revision-YYYYMMDD [--fields exposed,grievance,payoff]
//                                     [--size 15]
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readRecordEpisodes } from './data-files.mjs';
import { pairEvidence } from './reference-evidence.mjs';

const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    fields: { type: 'string', default: 'exposed,grievance,payoff' },
    size: { type: 'string', default: '15' },
  },
});
const size = Number(values.size);
if (values.out === undefined || !Number.isInteger(size) || size < 1) {
  console.error('coding-worklist: give --out DIR and a --size of at least 1');
  process.exit(2);
}

/** Whether the codebook asks `field` of episode `e` (exposure of covert episodes, payoff of proxies that won). */
const asked = {
  exposed: (e) => e.covert,
  payoff: (e) => e.proxyOutcome === 'won' || e.proxyOutcome === 'partly-won',
  defected: (e) => e.proxyOutcome === 'won' || e.proxyOutcome === 'partly-won',
  grievance: () => true,
  dispute: () => true,
};
const fields = values.fields.split(',');
for (const f of fields)
  if (!(f in asked)) {
    console.error(
      `coding-worklist: --fields: ${f} is not a level-2/3 field (${Object.keys(asked).join(', ')})`,
    );
    process.exit(2);
  }

const items = readRecordEpisodes()
  .map((episode) => ({
    id: episode.id,
    fields: fields.filter((f) => asked[f](episode) && episode[f] === 'unknown'),
    episode,
  }))
  .filter((item) => item.fields.length > 0)
  .sort((a, b) => b.fields.length - a.fields.length || a.id.localeCompare(b.id));

// Deal the sorted items round the batches, so each gets its share of the many-field episodes.
const count = Math.ceil(items.length / size);
const batches = Array.from({ length: count }, () => []);
items.forEach((item, i) => {
  batches[i % count].push({ ...item, evidence: pairEvidence(item.episode) });
});

const dir = join(values.out, 'work');
mkdirSync(dir, { recursive: true });
batches.forEach((batch, i) => {
  const path = join(dir, `batch-${i + 1}.json`);
  writeFileSync(`${path}.tmp`, `${JSON.stringify(batch, null, 1)}\n`);
  renameSync(`${path}.tmp`, path);
});
console.log(`${items.length} episodes in ${count} batches under ${dir}`);
