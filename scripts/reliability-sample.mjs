// Draws the seeded sample of episodes for the blind second coding: the N ids with the smallest
// sha256("SEED:id"). Reproducible from the seed alone, and independent of file order.
// Usage: node scripts/reliability-sample.mjs [--seed S] [--size N] [ids.txt]  (default: the bundled record)
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readRecordEpisodes } from './data-files.mjs';

const { values, positionals } = parseArgs({
  options: { seed: { type: 'string', default: '20261204' }, size: { type: 'string', default: '56' } },
  allowPositionals: true,
});
const ids =
  positionals.length > 0
    ? readFileSync(positionals[0], 'utf8').split('\n').filter(Boolean)
    : readRecordEpisodes().map((e) => e.id);
const rank = (id) => createHash('sha256').update(`${values.seed}:${id}`).digest('hex');
const sample = ids
  .map((id) => [rank(id), id])
  .sort(([a], [b]) => (a < b ? -1 : 1))
  .slice(0, Number(values.size));
process.stdout.write(
  `${sample
    .map(([, id]) => id)
    .sort()
    .join('\n')}\n`,
);
