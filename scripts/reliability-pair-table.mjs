// Writes the long table of an independent recoding for `meddle agreement`: one row per episode, coder and
// field, from the coders' files in a batch folder (coder-X-*.json, a coder's parts read together).
// Usage: node scripts/reliability-pair-table.mjs FOLDER FIELD… > FOLDER/codings.csv
//   e.g. node scripts/reliability-pair-table.mjs data/reliability/recode-20261207 exposed grievance
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [folder, ...fields] = process.argv.slice(2);
if (folder === undefined || fields.length === 0) {
  console.error('usage: node scripts/reliability-pair-table.mjs FOLDER FIELD…');
  process.exit(2);
}
const coded = new Map();
for (const name of readdirSync(folder).sort()) {
  const m = /^coder-([A-Za-z]+)-[\w-]+\.json$/.exec(name);
  if (m === null) continue;
  const coder = m[1];
  for (const item of JSON.parse(readFileSync(join(folder, name), 'utf8'))) {
    const key = `${item.id}\u0000${coder}`;
    if (coded.has(key)) {
      console.error(`${join(folder, name)}: ${item.id} is coded twice by coder ${coder}`);
      process.exit(2);
    }
    coded.set(key, { id: item.id, coder, item });
  }
}
const rows = ['unit,coder,field,value'];
const ordered = [...coded.values()].sort((a, b) =>
  a.id === b.id ? (a.coder < b.coder ? -1 : 1) : a.id < b.id ? -1 : 1,
);
for (const { id, coder, item } of ordered)
  for (const field of fields) rows.push(`${id},${coder},${field},${item[field] ?? ''}`);
process.stdout.write(`${rows.join('\n')}\n`);
