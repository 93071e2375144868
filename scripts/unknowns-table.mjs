// Prints, as a Markdown table for docs/data.md, the episodes where a level-2/3 field is still unknown, each with
// its years and what its basis says was looked for (from `meddle record stats --unknown FIELD --json`). Run
// after `npm run build`. Usage:
//   node scripts/unknowns-table.mjs exposed
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [field] = process.argv.slice(2);
if (field === undefined) {
  console.error('usage: node scripts/unknowns-table.mjs FIELD');
  process.exit(2);
}
const cli = new URL('../dist/cli/main.js', import.meta.url).pathname;
// A fresh database, seeded from the bundled record, so that a stale ./meddle.db is never what is listed.
const dir = mkdtempSync(join(tmpdir(), 'meddle-unknowns-'));
const out = execFileSync(
  'node',
  [cli, '--db', join(dir, 'record.db'), 'record', 'stats', '--unknown', field, '--json'],
  {
    encoding: 'utf8',
  },
);
rmSync(dir, { recursive: true, force: true });
const { unknowns } = JSON.parse(out);
const years = (u) =>
  u.endYear === null || u.endYear === u.startYear ? `${u.startYear}` : `${u.startYear}–${u.endYear}`;
console.log('| episode | years | what was looked for, and why it does not settle |');
console.log('|---|---|---|');
for (const u of unknowns) console.log(`| \`${u.id}\` | ${years(u)} | ${u.reason.replaceAll('|', '/')} |`);
