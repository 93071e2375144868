// Lists the states and the interferer–target pairs that the bundled record uses, as CSV for extract.R.
// Usage: node scripts/reference/pairs.mjs > pairs.csv
import { readdirSync, readFileSync } from 'node:fs';

const dir = new URL('../../data/record/', import.meta.url);
const pairs = new Set();
for (const name of readdirSync(dir)
  .filter((n) => n.endsWith('.json'))
  .sort()) {
  for (const e of JSON.parse(readFileSync(new URL(name, dir), 'utf8')))
    pairs.add(`${e.interferer},${e.target}`);
}
process.stdout.write(`interferer,target\n${[...pairs].sort().join('\n')}\n`);
