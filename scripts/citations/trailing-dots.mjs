// Writes data/citations/NAME.json (default trailing-dots.json): every source whose address writes its host with
// a trailing dot (history.state.gov./…), cited at the same address without it.
// Usage: node scripts/citations/trailing-dots.mjs [NAME]
import { renameSync, writeFileSync } from 'node:fs';
import { dataPath, readRecordEpisodes } from '../data-files.mjs';

const DOTTED = /^(https?:\/\/)([^/:?#]+\.[^/:?#.]+)\.([/:?#].*)?$/;
const changes = [];
for (const e of readRecordEpisodes())
  e.sources.forEach((s, index) => {
    const m = DOTTED.exec(s.url ?? '');
    if (m === null) return;
    const url = `${m[1]}${m[2]}${m[3] ?? ''}`;
    changes.push({
      id: e.id,
      index,
      url: s.url,
      action: 'replace',
      source: { ...s, url },
      reason: 'the host was written with a trailing dot; the address is the same site without it',
    });
  });
const path = dataPath(`citations/${process.argv[2] ?? 'trailing-dots'}.json`);
writeFileSync(`${path}.tmp`, `${JSON.stringify(changes, null, 1)}\n`);
renameSync(`${path}.tmp`, path);
console.log(`trailing dots: ${changes.length} sources`);
