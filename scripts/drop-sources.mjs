// Drops the sources of a batch of coded episodes whose address (or the copy it was read in) contains one of the
// given patterns, renumbers the bases' source indices, and names every field left without a source, for review.
// Usage: node scripts/drop-sources.mjs BATCH.json PATTERN…
import { readFileSync, renameSync, writeFileSync } from 'node:fs';

const [file, ...patterns] = process.argv.slice(2);
const episodes = JSON.parse(readFileSync(file, 'utf8'));
for (const e of episodes) {
  const keep = e.sources.map(
    (s) => !patterns.some((p) => (s.url ?? '').includes(p) || (s.readAt ?? '').includes(p)),
  );
  if (keep.every(Boolean)) continue;
  const map = new Map();
  let j = 0;
  keep.forEach((k, i) => {
    if (k) map.set(i, j++);
  });
  const dropped = e.sources.filter((_, i) => !keep[i]).map((s) => s.title);
  e.sources = e.sources.filter((_, i) => keep[i]);
  for (const [field, b] of Object.entries(e.basis)) {
    if (!Array.isArray(b.sources)) continue;
    const before = b.sources.length;
    b.sources = b.sources.filter((i) => map.has(i)).map((i) => map.get(i));
    if (before > 0 && b.sources.length === 0)
      console.log(`${e.id}: ${field} (${e[field]}) has no source left: ${b.reason.slice(0, 200)}`);
  }
  console.log(`${e.id}: dropped ${dropped.join(' | ')}`);
}
writeFileSync(`${file}.tmp`, `${JSON.stringify(episodes, null, 2)}\n`);
renameSync(`${file}.tmp`, file);
