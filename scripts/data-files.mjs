// Reads the JSON data files under data/ without a build, for the scripts that work on the raw record.
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

const DATA_DIR = new URL('../data/', import.meta.url);

/** The items of every JSON array file in data/FOLDER/, files in name order, each tagged with its file name. */
export function readJsonArrays(folder) {
  const dir = new URL(`${folder}/`, DATA_DIR);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .flatMap((name) =>
      JSON.parse(readFileSync(new URL(name, dir), 'utf8')).map((item) => ({ item, file: name })),
    );
}

/** The bundled record's episodes, as written in data/record/*.json. */
export const readRecordEpisodes = () => readJsonArrays('record').map(({ item }) => item);

/** The text of a file under data/. */
export const readDataFile = (path) => readFileSync(new URL(path, DATA_DIR), 'utf8');

/** Where a file under data/ lives on disk. */
export const dataPath = (path) => new URL(path, DATA_DIR).pathname;

/** The record's episodes by the file they sit in (name order), for scripts that rewrite the record. */
export function readRecordFiles() {
  const byFile = new Map();
  for (const { item, file } of readJsonArrays('record'))
    byFile.set(file, [...(byFile.get(file) ?? []), item]);
  return byFile;
}

/** Writes back each record file whose episodes changed, beside it and renamed in, so none is left half-written. */
export function writeRecordFiles(byFile) {
  for (const [file, items] of byFile) {
    const path = dataPath(`record/${file}`);
    const text = `${JSON.stringify(items, null, 2)}\n`;
    if (text === readFileSync(path, 'utf8')) continue;
    writeFileSync(`${path}.tmp`, text);
    renameSync(`${path}.tmp`, path);
  }
}

/** The order of a basis's keys in the record: the codebook's BASIS_FIELDS, here for scripts that run unbuilt. */
const BASIS_ORDER = ['powerYear', 'alignedThrough', 'payoff', 'defected', 'exposed', 'dispute', 'grievance'];

/** A basis with `field` set to `entry`, its keys in the record's order. */
export function withBasis(basis, field, entry) {
  const merged = { ...basis, [field]: entry };
  return Object.fromEntries(BASIS_ORDER.filter((k) => k in merged).map((k) => [k, merged[k]]));
}
