// Codes `dispute` for every episode from the bundled MID extract, by the codebook's window rule: from
// startYear through ten years after the later of powerYear and endYear (the present year for an ongoing one). powerYear is read from data/coding/first where it is coded there.
// Writes data/coding/dispute.json: one { id, window, dispute, basis } per episode.
// Usage: node scripts/reference/code-disputes.mjs [--present YEAR]
import { renameSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { dataPath, readDataFile, readJsonArrays, readRecordEpisodes } from '../data-files.mjs';

const { values } = parseArgs({ options: { present: { type: 'string' } } });
const present = Number(values.present ?? new Date().getUTCFullYear());
const MID_LAST_YEAR = 2010;
const first = new Map(readJsonArrays('coding/first').map(({ item }) => [item.id, item]));
const [header, ...rows] = readDataFile('reference/gml-mid-2.2.1-pairs.csv')
  .trim()
  .split('\n')
  .map((line) => line.split(',').map((cell) => cell.replaceAll('"', '')));
const col = (name) => header.indexOf(name);
const disputeYears = rows.map((r) => ({
  dispnum: Number(r[col('dispnum')]),
  pair: `${r[col('ccode1')]}-${r[col('ccode2')]}`,
  year: Number(r[col('year')]),
}));

/** A dispute coding that rests on the MID data alone. */
const fromMid = (id, window, dispute, reason, years) => ({
  id,
  window,
  dispute,
  basis: { sources: [], datasets: ['gml-mid-2.2.1'], ...(years ? { years } : {}), reason },
});

const out = readRecordEpisodes().map((e) => {
  const [a, b] = [e.interferer, e.target].sort((x, y) => x - y);
  const coded = first.get(e.id);
  const last = Math.max(coded?.powerYear ?? e.startYear, e.endYear ?? present);
  const window = [e.startYear, last + 10];
  const found = disputeYears.filter(
    (d) => d.pair === `${a}-${b}` && d.year >= window[0] && d.year <= window[1],
  );
  const span = `${window[0]}–${window[1]}`;
  if (found.length > 0) {
    const years = [...new Set(found.map((d) => d.year))].sort((x, y) => x - y);
    const numbers = [...new Set(found.map((d) => d.dispnum))];
    const reason = `the MID data list ${numbers.length} dispute(s) between ${a} and ${b} under way in ${span} (MID ${numbers.join(', ')})`;
    return fromMid(e.id, window, 'yes', reason, years);
  }
  if (window[1] <= MID_LAST_YEAR)
    return fromMid(
      e.id,
      window,
      'no',
      `the MID data cover the whole window ${span} and list no dispute between ${a} and ${b}`,
    );
  if (coded?.dispute !== undefined && coded.basis?.dispute !== undefined)
    return { id: e.id, window, dispute: coded.dispute, basis: coded.basis.dispute, from: 'first coding' };
  const reason = `no dispute in the MID data's years of the window (to ${MID_LAST_YEAR}); the window runs to ${window[1]} and no source read reports one after`;
  return fromMid(e.id, window, 'unknown', reason);
});
const target = dataPath('coding/dispute.json');
writeFileSync(`${target}.tmp`, `${JSON.stringify(out, null, 1)}\n`);
renameSync(`${target}.tmp`, target);
const count = (v) => out.filter((o) => o.dispute === v).length;
console.log(`dispute: yes ${count('yes')}, no ${count('no')}, unknown ${count('unknown')} of ${out.length}`);
