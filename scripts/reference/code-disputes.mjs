// Codes `dispute` in data/record/*.json from the bundled MID extract, by the codebook's rule (a dispute with
// its onset in the episode's window → yes; the window inside the MID data's years and none → no). Where the
// MID data cannot settle it (a window past 2010), a coding that rests on a source stays; otherwise unknown.
// Run after `npm run build` (it uses the rule from the built domain). Usage:
//   node scripts/reference/code-disputes.mjs [--present YEAR]
import { parseArgs } from 'node:util';
import { codingWindow, disputeFromMid, MID_LAST_YEAR, pairKey } from '../../dist/domain/index.js';
import { loadMidReference } from '../../dist/store/index.js';
import { readRecordFiles, withBasis, writeRecordFiles } from '../data-files.mjs';

const { values } = parseArgs({ options: { present: { type: 'string' } } });
const present = Number(values.present ?? new Date().getUTCFullYear());
const mid = loadMidReference();

/** The episode with its dispute coded; keys keep their order, a new basis entry goes where the codebook puts it. */
function recode(e) {
  const pair = pairKey(e.interferer, e.target);
  if (!mid.pairs.has(pair))
    throw new Error(`${e.id}: the extracts do not cover ${pair}; run rebuild.sh first`);
  const window = codingWindow(e, present);
  const span = `${window.from}–${window.through}`;
  const coding = disputeFromMid(window, mid.onsets.get(pair) ?? []);
  const [a, b] = pair.split('-');
  let dispute;
  let basis;
  if (coding?.dispute === 'yes') {
    dispute = 'yes';
    basis = {
      sources: [],
      datasets: ['gml-mid-2.2.1'],
      reason: `the MID data list ${coding.dispnums.length} dispute(s) between ${a} and ${b} begun in ${span} (MID ${coding.dispnums.join(', ')})`,
      years: coding.years,
    };
  } else if (coding?.dispute === 'no') {
    dispute = 'no';
    basis = {
      sources: [],
      datasets: ['gml-mid-2.2.1'],
      reason: `the MID data cover the whole window ${span} and list no dispute between ${a} and ${b} begun in it`,
    };
  } else if (e.basis?.dispute?.sources?.length > 0) {
    return e;
  } else {
    dispute = 'unknown';
    basis = {
      sources: [],
      datasets: ['gml-mid-2.2.1'],
      reason: `no dispute between ${a} and ${b} begun in the MID data's years of the window (to ${MID_LAST_YEAR}); the window runs to ${window.through} and no source read reports one after`,
    };
  }
  return { ...e, dispute, basis: withBasis(e.basis, 'dispute', basis) };
}

const counts = { yes: 0, no: 0, unknown: 0 };
const byFile = readRecordFiles();
for (const [file, items] of byFile) {
  const episodes = items.map(recode);
  for (const e of episodes) counts[e.dispute]++;
  byFile.set(file, episodes);
}
writeRecordFiles(byFile);
console.log(`dispute: yes ${counts.yes}, no ${counts.no}, unknown ${counts.unknown}`);
