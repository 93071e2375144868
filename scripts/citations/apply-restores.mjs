// Applies data/citations/restore-*.json after the citation changes: a value that went back to unknown when
// its only source was dropped is restored on a citable work (`restore`: the value, the new source appended,
// its basis), a source is added where an episode lost its standing (`add`), and where nothing was found the
// unknown's basis says what was looked for (`none`). Usage: node scripts/citations/apply-restores.mjs
import { readdirSync, readFileSync } from 'node:fs';
import { dataPath, readRecordFiles, writeRecordFiles } from '../data-files.mjs';

const files = readdirSync(dataPath('citations'))
  .filter((f) => f.startsWith('restore-') && f.endsWith('.json'))
  .sort();
const byFile = readRecordFiles();
const episodes = new Map([...byFile.values()].flat().map((e) => [e.id, e]));
const counts = { restore: 0, add: 0, none: 0 };
for (const name of files)
  for (const c of JSON.parse(readFileSync(dataPath(`citations/${name}`), 'utf8'))) {
    const e = episodes.get(c.id);
    if (e === undefined || !(c.action in counts)) {
      console.error(
        `data/citations/${name}: ${c.id}: ${e === undefined ? 'no such episode' : `unknown action ${c.action}`}`,
      );
      process.exitCode = 2;
      continue;
    }
    counts[c.action]++;
    if (c.action === 'none') {
      const basis = e.basis[c.field];
      if (basis !== undefined && !basis.reason.includes(c.reason))
        basis.reason = `${basis.reason}; then looked for: ${c.reason}`;
      continue;
    }
    e.sources.push(c.source);
    if (c.action === 'restore') {
      e[c.field] = c.value;
      e.basis[c.field] = { sources: [e.sources.length - 1], reason: c.reason };
    }
  }
writeRecordFiles(byFile);
console.log(
  `restores: ${counts.restore} values restored, ${counts.add} sources added, ${counts.none} left unknown`,
);
