// Bundles the compiled CLI (dist/cli) into a few files, so that `meddle` starts at once: kysely and zod ship as
// hundreds of small ES modules each, and resolving them cost more than half of a `record list`. The lazy command
// groups stay separate chunks. Packages with native parts, worker files or plugins of their own (better-sqlite3,
// pg, fastify, BullMQ, piscina…) are left to Node to load, as they were.
//
// The bundle's files sit in dist/cli/, beside dist/store/, dist/sim-runner/ and the rest, so every path the code
// builds from its own address (`../../data/`, `../web/`, the simulation worker in dist/sim-runner/) still resolves.
import { renameSync, rmSync } from 'node:fs';
import { build } from 'rolldown';

const dist = new URL('../dist/', import.meta.url).pathname;
/** The pure-JavaScript packages worth inlining: many modules each, no files of their own to find at run time. */
const INLINE = new Set(['kysely', 'zod', 'yaml', 'commander']);

const packageOf = (id) => (id.startsWith('@') ? id.split('/').slice(0, 2).join('/') : id.split('/')[0]);
const isExternal = (id) =>
  id.startsWith('node:') || (!id.startsWith('.') && !id.startsWith('/') && !INLINE.has(packageOf(id)));

const out = `${dist}cli.bundle/`;
rmSync(out, { recursive: true, force: true });
await build({
  // The entry is the composition root (src/main.ts); the bundle's entry keeps the name the package's bin gives.
  input: { main: `${dist}main.js` },
  platform: 'node',
  logLevel: 'warn',
  external: isExternal,
  output: { dir: out, format: 'esm', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
});
rmSync(`${dist}cli`, { recursive: true, force: true });
renameSync(out, `${dist}cli`);
// The entry's compiled sources are in the bundle now; left beside the library they would import what is gone.
for (const name of ['main', 'compose'])
  for (const suffix of ['.js', '.js.map', '.d.ts', '.d.ts.map'])
    rmSync(`${dist}${name}${suffix}`, { force: true });
