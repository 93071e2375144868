// Writes the resolved values of an independent recoding into data/record/*.json: for each resolution item
// (id, field, resolved, basis with source indices or "new:K", newSources), the field takes the resolved value
// and its basis, and the sources the basis adds are appended to the episode's sources (a source already there,
// by address or by title and author, is not added twice). Items whose value the record already holds with the
// same basis change nothing. Usage:
//   node scripts/reliability-apply-resolution.mjs data/reliability/recode-20261207/resolution.json
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dataPath, readJsonArrays } from './data-files.mjs';

const file = process.argv[2];
if (file === undefined) {
  console.error('usage: node scripts/reliability-apply-resolution.mjs RESOLUTION.json');
  process.exit(2);
}
const items = JSON.parse(readFileSync(file, 'utf8'));
const byFile = new Map();
for (const { item, file: name } of readJsonArrays('record'))
  byFile.set(name, [...(byFile.get(name) ?? []), item]);
const episodes = new Map([...byFile.values()].flat().map((e) => [e.id, e]));
const sameWork = (a, b) =>
  (a.url !== undefined && a.url === b.url) ||
  (a.title === b.title && JSON.stringify(a.authors) === JSON.stringify(b.authors));
const BASIS_ORDER = ['powerYear', 'alignedThrough', 'payoff', 'defected', 'exposed', 'dispute', 'grievance'];

let changed = 0;
for (const item of items) {
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
  if (e[item.field] === item.resolved && JSON.stringify(e.basis[item.field]) === JSON.stringify(basis))
    continue;
  e[item.field] = item.resolved;
  const merged = { ...e.basis, [item.field]: basis };
  e.basis = Object.fromEntries(BASIS_ORDER.filter((k) => k in merged).map((k) => [k, merged[k]]));
  changed++;
}
for (const [name, list] of byFile) {
  const path = dataPath(`record/${name}`);
  const text = `${JSON.stringify(list, null, 2)}\n`;
  if (text === readFileSync(path, 'utf8')) continue;
  writeFileSync(`${path}.tmp`, text);
  renameSync(`${path}.tmp`, path);
}
console.log(`${file}: ${changed} of ${items.length} codings written`);
