// Lists the states and the interferer–target pairs that the bundled record uses, as CSV for extract.R.
// Usage: node scripts/reference/pairs.mjs > pairs.csv
import { readRecordEpisodes } from '../data-files.mjs';

const pairs = new Set(readRecordEpisodes().map((e) => `${e.interferer},${e.target}`));
process.stdout.write(`interferer,target\n${[...pairs].sort().join('\n')}\n`);
