/** Reads the reference extracts bundled under data/reference/ (see its DATASETS.md) for the record's checks. */
import { readFileSync } from 'node:fs';
import { type DisputeOnset, type MidReference, pairKey } from '../domain/index.js';
import { DATA_DIR } from './bundled-data.js';

const REFERENCE_DIR = `${DATA_DIR}reference/`;

/** The rows of one of our own CSV extracts (written by R: a quoted header, plain numeric cells). */
function readExtract(name: string): Record<string, string>[] {
  const [header = '', ...rows] = readFileSync(`${REFERENCE_DIR}${name}`, 'utf8').trim().split('\n');
  const columns = header.split(',').map((c) => c.replaceAll('"', ''));
  return rows.map((row) => {
    const cells = row.split(',');
    return Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? '']));
  });
}

let mid: MidReference | undefined;

/** The pairs the extracts were built for, and the onset of each of their disputes in the MID data. */
export function loadMidReference(): MidReference {
  if (mid !== undefined) return mid;
  const pairs = new Set(readExtract('pairs.csv').map((r) => pairKey(Number(r.interferer), Number(r.target))));
  const onsets = new Map<string, DisputeOnset[]>();
  for (const r of readExtract('gml-mid-2.2.1-pairs.csv')) {
    if (r.midonset !== '1') continue;
    const key = pairKey(Number(r.ccode1), Number(r.ccode2));
    onsets.set(key, [...(onsets.get(key) ?? []), { dispnum: Number(r.dispnum), onset: Number(r.year) }]);
  }
  mid = { pairs, onsets };
  return mid;
}
