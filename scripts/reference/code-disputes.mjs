// Codes `dispute` for every episode from the bundled MID extract, by the codebook's window rule: from startYear through ten years after the later of powerYear and endYear
// (the present year for an ongoing episode). powerYear is read from data/coding/first where it is coded there.
// Writes data/coding/dispute.json: one { id, window, dispute, basis } per episode.
// Usage: node scripts/reference/code-disputes.mjs [--present YEAR]
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { present: { type: 'string' } } });
const present = Number(values.present ?? new Date().getUTCFullYear());
const MID_LAST_YEAR = 2010;
const data = new URL('../../data/', import.meta.url);
const readJsonDir = (sub) =>
  readdirSync(new URL(sub, data))
    .filter((n) => n.endsWith('.json'))
    .sort()
    .flatMap((n) => JSON.parse(readFileSync(new URL(`${sub}${n}`, data), 'utf8')));

const first = new Map(readJsonDir('coding/first/').map((c) => [c.id, c]));
const [header, ...rows] = readFileSync(new URL('reference/gml-mid-2.2.1-pairs.csv', data), 'utf8')
  .trim()
  .split('\n')
  .map((line) => line.split(',').map((cell) => cell.replaceAll('"', '')));
const col = (name) => header.indexOf(name);
const disputeYears = rows.map((r) => ({
  dispnum: Number(r[col('dispnum')]),
  pair: `${r[col('ccode1')]}-${r[col('ccode2')]}`,
  year: Number(r[col('year')]),
}));

const out = readJsonDir('record/').map((e) => {
  const [a, b] = [e.interferer, e.target].sort((x, y) => x - y);
  const coded = first.get(e.id);
  const last = Math.max(coded?.powerYear ?? e.startYear, e.endYear ?? present);
  const window = [e.startYear, last + 10];
  const found = disputeYears.filter(
    (d) => d.pair === `${a}-${b}` && d.year >= window[0] && d.year <= window[1],
  );
  const years = [...new Set(found.map((d) => d.year))].sort((x, y) => x - y);
  const numbers = [...new Set(found.map((d) => d.dispnum))];
  const span = `${window[0]}–${window[1]}`;
  if (found.length > 0)
    return {
      id: e.id,
      window,
      dispute: 'yes',
      basis: {
        sources: [],
        datasets: ['gml-mid-2.2.1'],
        years,
        reason: `the MID data list ${numbers.length} dispute(s) between ${a} and ${b} under way in ${span} (MID ${numbers.join(', ')})`,
      },
    };
  if (window[1] <= MID_LAST_YEAR)
    return {
      id: e.id,
      window,
      dispute: 'no',
      basis: {
        sources: [],
        datasets: ['gml-mid-2.2.1'],
        reason: `the MID data cover the whole window ${span} and list no dispute between ${a} and ${b}`,
      },
    };
  if (coded?.dispute !== undefined && coded.basis?.dispute !== undefined)
    return { id: e.id, window, dispute: coded.dispute, basis: coded.basis.dispute, from: 'first coding' };
  return {
    id: e.id,
    window,
    dispute: 'unknown',
    basis: {
      sources: [],
      datasets: ['gml-mid-2.2.1'],
      reason: `no dispute in the MID data's years of the window (to ${MID_LAST_YEAR}); the window runs to ${window[1]} and no source read reports one after`,
    },
  };
});
const target = new URL('coding/dispute.json', data);
writeFileSync(`${target.pathname}.tmp`, `${JSON.stringify(out, null, 1)}\n`);
renameSync(`${target.pathname}.tmp`, target);
const count = (v) => out.filter((o) => o.dispute === v).length;
console.log(`dispute: yes ${count('yes')}, no ${count('no')}, unknown ${count('unknown')} of ${out.length}`);
