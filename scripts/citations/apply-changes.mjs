// Applies the citation changes in data/citations/*.json to data/record/*.json: each change names an episode,
// a source by its index and its current address (or title) as a check, and either replaces the source with
// the work it is a copy of, or drops it. A drop shifts the basis indices after it; a level-2/3 value whose
// basis then rests on nothing goes back to unknown (a year to null), its basis saying why. Prints what it did.
// Usage: node scripts/citations/apply-changes.mjs [CHANGES.json …]   (default: every file in data/citations/ but
// the restore-*.json files, which scripts/citations/apply-restores.mjs reads)
import { readdirSync, readFileSync } from 'node:fs';
import { dataPath, readRecordFiles, writeRecordFiles } from '../data-files.mjs';

const files =
  process.argv.length > 2
    ? process.argv.slice(2)
    : readdirSync(dataPath('citations'))
        .filter((f) => f.endsWith('.json') && !f.startsWith('restore-'))
        // The mechanical changes were made first, the researched batches after them, in their order.
        .sort(
          (a, b) =>
            Number(a.startsWith('batch-')) - Number(b.startsWith('batch-')) ||
            a.localeCompare(b, 'en', { numeric: true }),
        )
        .map((f) => dataPath(`citations/${f}`));

const byFile = readRecordFiles();
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

/** One file's changes, made against the record as the files before it left it: replacements, then drops from the highest index down, so that earlier indices in an episode stay right. */
function applyFile(list) {
  const ordered = [
    ...list.filter((c) => c.action === 'replace'),
    ...list.filter((c) => c.action === 'drop').sort((a, b) => b.index - a.index),
  ];
  for (const c of ordered) applyChange(c);
}

function applyChange(c) {
  const e = episodes.get(c.id);
  if (e === undefined) return fail(c, 'no such episode');
  const s = e.sources[c.index];
  const matches = s !== undefined && (c.url !== undefined ? s.url === c.url : s.title === c.title);
  if (!matches) {
    // Already applied (the replacement stands in the episode), or the record has moved on: never guess.
    const done =
      c.action === 'replace' && e.sources.some((t) => JSON.stringify(t) === JSON.stringify(c.source));
    if (done) counts.skipped++;
    else fail(c, `the source there is not ${c.url ?? c.title}`);
    return;
  }
  if (c.action === 'replace') {
    e.sources[c.index] = c.source;
    counts.replaced++;
    return;
  }
  if (c.action !== 'drop') return fail(c, `unknown action ${c.action}`);
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

for (const file of files) applyFile(JSON.parse(readFileSync(file, 'utf8')).map((c) => ({ ...c, file })));
writeRecordFiles(byFile);
console.log(
  `citations: ${counts.replaced} replaced, ${counts.dropped} dropped, ${counts.unknowned} values back to unknown, ${counts.skipped} already applied`,
);
