// Writes the long table of the blind reliability check for `meddle agreement`: one row per episode, coder
// and field, the first coder's values as they stand in the bundled record and the second coder's from
// data/reliability/second/*.json (only the sampled episodes). A null year is written as an empty (missing) code.
// The table in data/reliability/ was written before the disagreements were resolved (resolution-*.json
// lists each one with both readings), so it keeps the first coding as it stood; rerun it only for a new sample.
// Usage: node scripts/reliability-table.mjs > data/reliability/codings-20261204.csv
import { readJsonArrays, readRecordEpisodes } from './data-files.mjs';

export const FIELDS = [
  'kind',
  'side',
  'covert',
  'proxyOutcome',
  'powerYear',
  'alignedThrough',
  'payoff',
  'payoffLostYear',
  'defected',
  'defectedYear',
  'exposed',
  'dispute',
  'grievance',
];

const second = readJsonArrays('reliability/second')
  .map(({ item }) => item)
  .filter((item) => typeof item.id === 'string' && 'payoff' in item);
const record = new Map(readRecordEpisodes().map((e) => [e.id, e]));
const cell = (v) => (v === null || v === undefined ? '' : String(v));
const rows = ['unit,coder,field,value'];
for (const coded of second) {
  const first = record.get(coded.id);
  if (first === undefined) continue; // an episode since removed from the record
  for (const field of FIELDS) {
    rows.push(`${coded.id},first,${field},${cell(first[field])}`);
    rows.push(`${coded.id},second,${field},${cell(coded[field])}`);
  }
}
process.stdout.write(`${rows.join('\n')}\n`);
