// Applies the citation changes in data/citations/*.json to data/record/*.json: each change names an episode,
// a source by its index and its current address (or title) as a check, and either replaces the source with
// the work it is a copy of, or drops it. A drop shifts the basis indices after it; a level-2/3 value whose
// basis then rests on nothing goes back to unknown (a year to null), its basis saying why. Prints what it did.
// Usage: node scripts/citations/apply-changes.mjs [CHANGES.json …]   (default: every file in data/citations/ but
// the restore-*.json files, which scripts/citations/apply-restores.mjs reads)
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dataPath, readJsonArrays } from '../data-files.mjs';

const files =
  process.argv.length > 2
    ? process.argv.slice(2)
    : readdirSync(dataPath('citations'))
        .filter((f) => f.endsWith('.json') && !f.startsWith('restore-'))
        .sort()
        .map((f) => dataPath(`citations/${f}`));
const changes = files.flatMap((f) => JSON.parse(readFileSync(f, 'utf8')).map((c) => ({ ...c, file: f })));

const byFile = new Map();
for (const { item, file } of readJsonArrays('record')) byFile.set(file, [...(byFile.get(file) ?? []), item]);
const episodes = new Map([...byFile.values()].flat().map((e) => [e.id, e]));

const VALUE_OF = {
  payoff: 'unknown',
  defected: 'unknown',
  exposed: 'unknown',
  dispute: 'unknown',
  grievance: 'unknown',
};
const YEAR_OF = { payoff: 'payoffLostYear', defected: 'defectedYear' };
const counts = { replaced: 0, dropped: 0, unknowned: 0, skipped: 0 };
const fail = (c, why) => {
  console.error(`${c.file}: ${c.id} sources[${c.index}]: ${why}`);
  process.exitCode = 2;
};

// Drops last, highest index first, so that earlier indices in the same episode stay right.
const ordered = [
  ...changes.filter((c) => c.action === 'replace'),
  ...changes.filter((c) => c.action === 'drop').sort((a, b) => b.index - a.index),
];
for (const c of ordered) {
  const e = episodes.get(c.id);
  if (e === undefined) {
    fail(c, 'no such episode');
    continue;
  }
  const s = e.sources[c.index];
  const matches = s !== undefined && (c.url !== undefined ? s.url === c.url : s.title === c.title);
  if (!matches) {
    // Already applied (the replacement stands at the index), or the record has moved on: never guess.
    if (c.action === 'replace' && JSON.stringify(s) === JSON.stringify(c.source)) counts.skipped++;
    else fail(c, `the source there is not ${c.url ?? c.title}`);
    continue;
  }
  if (c.action === 'replace') {
    e.sources[c.index] = c.source;
    counts.replaced++;
    continue;
  }
  if (c.action !== 'drop') {
    fail(c, `unknown action ${c.action}`);
    continue;
  }
  e.sources.splice(c.index, 1);
  counts.dropped++;
  for (const [field, entry] of Object.entries(e.basis)) {
    const had = entry.sources.includes(c.index);
    entry.sources = entry.sources.filter((i) => i !== c.index).map((i) => (i > c.index ? i - 1 : i));
    if (!had || entry.sources.length > 0 || (entry.datasets ?? []).length > 0) continue;
    const reason = `its only source (${s.title}) was dropped, being a copy that does not let a reader find the work: ${c.reason}`;
    if (field in VALUE_OF && e[field] !== 'unknown') {
      e[field] = VALUE_OF[field];
      if (YEAR_OF[field] !== undefined) e[YEAR_OF[field]] = null;
      e.basis[field] = { sources: [], reason };
      counts.unknowned++;
    } else if ((field === 'powerYear' || field === 'alignedThrough') && e[field] !== null) {
      e[field] = null;
      delete e.basis[field];
      counts.unknowned++;
    }
  }
}
for (const [file, items] of byFile) {
  const path = dataPath(`record/${file}`);
  const text = `${JSON.stringify(items, null, 2)}\n`;
  if (text === readFileSync(path, 'utf8')) continue;
  writeFileSync(`${path}.tmp`, text);
  renameSync(`${path}.tmp`, path);
}
console.log(
  `citations: ${counts.replaced} replaced, ${counts.dropped} dropped, ${counts.unknowned} values back to unknown, ${counts.skipped} already applied`,
);
