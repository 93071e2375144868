// Builds what an independent coder of the reliability sample is given, from the record as it stands: for each
// episode its identity (id, interferer, partners, target, years), the proxy as named and its sources list, and
// the reference-data extract for its pair of states (MID disputes, ATOP obligations, the target's Archigos
// leaders and UCDP conflicts), and never the coded values, bases or notes. Part K of N splits the sample in its
// file order, so that the inputs of any batch can be rebuilt. Usage:
//   node scripts/reliability-inputs.mjs [--sample data/reliability/sample-20261204.txt] [--part K --parts N]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readDataFile, readRecordEpisodes } from './data-files.mjs';

const { values } = parseArgs({
  options: {
    sample: { type: 'string', default: 'data/reliability/sample-20261204.txt' },
    part: { type: 'string', default: '1' },
    parts: { type: 'string', default: '1' },
  },
});
const part = Number(values.part);
const parts = Number(values.parts);
if (!Number.isInteger(parts) || parts < 1 || !Number.isInteger(part) || part < 1 || part > parts) {
  console.error(`reliability-inputs: --part ${values.part} --parts ${values.parts}: give 1 ≤ K ≤ N`);
  process.exit(2);
}

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

const states = new Map(JSON.parse(readDataFile('states.json')).states.map((s) => [s.cow, s.name]));
const state = (cow) => ({ cow, name: states.get(cow) ?? String(cow) });
const mid = extract('gml-mid-2.2.1-pairs.csv');
const atop = extract('atop-5.1-pairs.csv');
const archigos = extract('archigos-4.1-targets.csv');
const ucdp = extract('ucdp-acd-25.1-targets.csv');
const samePair = (r, a, b) => Math.min(a, b) === r.ccode1 && Math.max(a, b) === r.ccode2;
const involves = (cell, cow) => String(cell).split(/, */).map(Number).includes(cow);

const ids = readFileSync(values.sample, 'utf8').split(/\s+/).filter(Boolean);
const size = Math.ceil(ids.length / parts);
const wanted = ids.slice((part - 1) * size, part * size);
const record = new Map(readRecordEpisodes().map((e) => [e.id, e]));
const inputs = wanted.map((id) => {
  const e = record.get(id);
  if (e === undefined) {
    console.error(`reliability-inputs: ${values.sample}: ${id} is not in the record`);
    process.exit(2);
  }
  return {
    id,
    interferer: state(e.interferer),
    partners: e.partners.map(state),
    target: state(e.target),
    startYear: e.startYear,
    endYear: e.endYear,
    proxyName: e.proxyName,
    sources: e.sources,
    evidence: {
      'gml-mid-2.2.1': mid.filter((r) => samePair(r, e.interferer, e.target)),
      'atop-5.1': atop.filter((r) => samePair(r, e.interferer, e.target)),
      'archigos-4.1': archigos.filter((r) => r.gwcode === e.target),
      // The target's conflicts from five years before the episode to fifteen after it (the window and more).
      'ucdp-acd-25.1': ucdp.filter(
        (r) =>
          (involves(r.gwno_a, e.target) || involves(r.gwno_b, e.target)) &&
          r.year >= e.startYear - 5 &&
          r.year <= (e.endYear ?? e.startYear) + 15,
      ),
    },
  };
});
console.log(JSON.stringify(inputs, null, 1));
