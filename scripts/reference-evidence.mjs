// The reference-data extract for an episode's pair of states, as coders are given it: MID disputes and ATOP
// obligations between interferer and target, the target's Archigos leaders, and UCDP conflicts of the target.
import { readDataFile } from './data-files.mjs';

/** Rows of one of the bundled extracts, cells as numbers where they are numbers. */
function extract(name) {
  const [header, ...rows] = readDataFile(`reference/${name}`).trim().split('\n');
  const columns = header.split(',').map((c) => c.replaceAll('"', ''));
  return rows.map((row) =>
    Object.fromEntries(
      row.split(',').map((cell, i) => {
        const text = cell.replaceAll('"', '');
        return [columns[i], text !== '' && !Number.isNaN(Number(text)) ? Number(text) : text];
      }),
    ),
  );
}

let extracts;
const samePair = (r, a, b) => Math.min(a, b) === r.ccode1 && Math.max(a, b) === r.ccode2;
const involves = (cell, cow) => String(cell).split(/, */).map(Number).includes(cow);

/** The evidence for episode `e`, keyed by dataset id. */
export function pairEvidence(e) {
  extracts ??= {
    mid: extract('gml-mid-2.2.1-pairs.csv'),
    atop: extract('atop-5.1-pairs.csv'),
    archigos: extract('archigos-4.1-targets.csv'),
    ucdp: extract('ucdp-acd-25.1-targets.csv'),
  };
  return {
    'gml-mid-2.2.1': extracts.mid.filter((r) => samePair(r, e.interferer, e.target)),
    'atop-5.1': extracts.atop.filter((r) => samePair(r, e.interferer, e.target)),
    'archigos-4.1': extracts.archigos.filter((r) => r.gwcode === e.target),
    // The target's conflicts from five years before the episode to fifteen after it (the window and more).
    'ucdp-acd-25.1': extracts.ucdp.filter(
      (r) =>
        (involves(r.gwno_a, e.target) || involves(r.gwno_b, e.target)) &&
        r.year >= e.startYear - 5 &&
        r.year <= (e.endYear ?? e.startYear) + 15,
    ),
  };
}
