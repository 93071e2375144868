// Writes the resolved values of an independent recoding, or of a revision batch, into data/record/*.json: for
// each item (id, field, `resolved` or `value`, basis with source indices or "new:K", newSources, and `year`
// for a payoff lost or a defection), the field takes the value and its basis, and the sources the basis adds are
// appended to the episode's sources (a source already there, by address or by title and author, is not added
// twice). Items whose value the record already holds with the same basis change nothing; where several files
// code the same episode and field, the last one given wins. Usage:
//   node scripts/reliability-apply-resolution.mjs data/reliability/recode-20261207/resolution.json
//   node scripts/reliability-apply-resolution.mjs data/coding/revision-20261207/batch-*.json
import { readFileSync } from 'node:fs';
import { readRecordFiles, withBasis, writeRecordFiles } from './data-files.mjs';

const inputs = process.argv.slice(2);
if (inputs.length === 0) {
  console.error('usage: node scripts/reliability-apply-resolution.mjs RESOLUTION.json…');
  process.exit(2);
}
// A later file's item for the same episode and field replaces an earlier one (a review overrides a batch).
const latest = new Map();
for (const f of inputs)
  for (const item of JSON.parse(readFileSync(f, 'utf8')))
    latest.set(`${item.id} ${item.field}`, { ...item, file: f });
const items = [...latest.values()];
const YEAR_OF = { payoff: ['lost', 'payoffLostYear'], defected: ['yes', 'defectedYear'] };
const byFile = readRecordFiles();
const episodes = new Map([...byFile.values()].flat().map((e) => [e.id, e]));
const sameWork = (a, b) =>
  (a.url !== undefined && a.url === b.url) ||
  (a.title === b.title && JSON.stringify(a.authors) === JSON.stringify(b.authors));

let changed = 0;
for (const item of items) {
  const { file } = item;
  const value = item.resolved ?? item.value;
  const e = episodes.get(item.id);
  if (e === undefined) {
    console.error(`${file}: ${item.id}: no such episode`);
    process.exit(2);
  }
  const added = (item.newSources ?? []).map((s) => {
    const at = e.sources.findIndex((t) => sameWork(t, s));
    if (at >= 0) return at;
    e.sources.push(s);
    return e.sources.length - 1;
  });
  const sources = item.basis.sources.map((ref) => {
    if (typeof ref === 'number') return ref;
    const k = Number(String(ref).replace(/^new:/, ''));
    if (!Number.isInteger(k) || added[k] === undefined) {
      console.error(`${file}: ${item.id} ${item.field}: basis source ${ref} is not among newSources`);
      process.exit(2);
    }
    return added[k];
  });
  const basis = {
    sources,
    ...(item.basis.datasets ? { datasets: item.basis.datasets } : {}),
    reason: item.basis.reason,
  };
  const [dated, yearField] = YEAR_OF[item.field] ?? [];
  const year = value === dated ? (item.year ?? null) : null;
  const same =
    e[item.field] === value &&
    JSON.stringify(e.basis[item.field]) === JSON.stringify(basis) &&
    (yearField === undefined || e[yearField] === year);
  if (same) continue;
  e[item.field] = value;
  if (yearField !== undefined) e[yearField] = year;
  e.basis = withBasis(e.basis, item.field, basis);
  changed++;
}
writeRecordFiles(byFile);
console.log(`${inputs.join(', ')}: ${changed} of ${items.length} codings written`);
