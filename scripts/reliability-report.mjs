// Prints, as Markdown for docs/data.md, every disagreement a reliability check settled and how, field by field.
// Reads the first check's resolution (first and second coder) or a recoding's (coders C and D, and the value
// the record held), whichever the file is.
// Usage: node scripts/reliability-report.mjs [RESOLUTION.json]
//   (default: data/reliability/resolution-20261204.json)
import { readFileSync } from 'node:fs';

const file = process.argv[2] ?? 'data/reliability/resolution-20261204.json';
const resolutions = JSON.parse(readFileSync(file, 'utf8'));
const readings = ['first', 'second', 'C', 'D', 'record'].filter((k) => k in (resolutions[0] ?? {}));
const shown = (v) => (v === null || v === undefined ? '(none)' : `\`${v}\``);
const cell = (text) => String(text).replaceAll('|', '/');
const byField = new Map();
for (const r of resolutions) byField.set(r.field, [...(byField.get(r.field) ?? []), r]);
const label = (k) =>
  k === 'record' ? 'the record held' : k === 'first' || k === 'second' ? `the ${k} coder` : `coder ${k}`;
const tally = readings
  .map((k) => `${resolutions.filter((r) => r[k] === r.resolved).length} as ${label(k)}`)
  .join(', ');
const out = [`${resolutions.length} items settled; the resolved value is the same ${tally}.`];
for (const [field, rows] of [...byField].sort(([, a], [, b]) => b.length - a.length)) {
  out.push(
    '',
    `**${field}** (${rows.length})`,
    '',
    `| episode | ${readings.join(' | ')} | resolved | why |`,
    `|---|${readings.map(() => '---|').join('')}---|---|`,
  );
  for (const r of rows)
    out.push(
      `| ${r.id} | ${readings.map((k) => shown(r[k])).join(' | ')} | ${shown(r.resolved)} | ${cell(r.how ?? r.basis?.reason ?? '')} |`,
    );
}
console.log(out.join('\n'));
