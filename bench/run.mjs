// Runs every bench/*.bench.mjs in turn, against the built output in dist/ (`npm run bench` builds first).
import { readdirSync } from 'node:fs';

const dir = new URL('./', import.meta.url);
const benches = readdirSync(dir)
  .filter((name) => name.endsWith('.bench.mjs'))
  .sort();
for (const name of benches) {
  console.log(`\n# ${name}`);
  const module = await import(new URL(name, dir).href);
  if (typeof module.default === 'function') await module.default();
}
