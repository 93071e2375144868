// Prints, as Markdown for docs/data.md, every disagreement between the two codings of the reliability sample
// and how it was resolved, field by field, from data/reliability/resolution-*.json.
// Usage: node scripts/reliability-report.mjs [SAMPLE]   (SAMPLE defaults to 20261204)
import { readDataFile } from './data-files.mjs';

const sample = process.argv[2] ?? '20261204';
const resolutions = JSON.parse(readDataFile(`reliability/resolution-${sample}.json`));
const shown = (v) => (v === null ? '(none)' : `\`${v}\``);
const byField = new Map();
for (const r of resolutions) byField.set(r.field, [...(byField.get(r.field) ?? []), r]);
const keptFirst = resolutions.filter((r) => r.how.startsWith('first kept')).length;
const out = [
  `${resolutions.length} disagreements: ${keptFirst} resolved to the first reading, ${resolutions.length - keptFirst} to the second.`,
];
for (const [field, rows] of [...byField].sort(([, a], [, b]) => b.length - a.length)) {
  out.push(
    '',
    `**${field}** (${rows.length})`,
    '',
    '| episode | first | second | resolved | why |',
    '|---|---|---|---|---|',
  );
  for (const r of rows)
    out.push(
      `| ${r.id} | ${shown(r.first)} | ${shown(r.second)} | ${shown(r.resolved)} | ${r.how.replaceAll('|', '/')} |`,
    );
}
console.log(out.join('\n'));
