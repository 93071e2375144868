// Builds what an independent coder of the reliability sample is given, from the record as it stands: for each
// episode its identity (id, interferer, partners, target, years), the proxy as named and its sources list, and
// the reference-data extract for its pair of states (MID disputes, ATOP obligations, the target's Archigos
// leaders and UCDP conflicts), and never the coded values, bases or notes. Part K of N splits the sample in its
// file order, so that the inputs of any batch can be rebuilt. Usage:
//   node scripts/reliability-inputs.mjs [--sample data/reliability/sample-20261204.txt] [--part K --parts N]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readDataFile, readRecordEpisodes } from './data-files.mjs';
import { pairEvidence } from './reference-evidence.mjs';

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

const states = new Map(JSON.parse(readDataFile('states.json')).states.map((s) => [s.cow, s.name]));
const state = (cow) => ({ cow, name: states.get(cow) ?? String(cow) });

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
    evidence: pairEvidence(e),
  };
});
console.log(JSON.stringify(inputs, null, 1));
