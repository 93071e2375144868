// Writes data/releases/VERSION.json.gz: the record of one release as it was coded, with its version and hash,
// so that `--record VERSION` can serve it after data/record/ has moved on. Reads data/record/ as it stands, or
// as it was at a commit (git show). Run after `npm run build`. Usage:
//   node scripts/snapshot-release.mjs [--commit REV]
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { validateEpisodes } from '../dist/domain/index.js';
import { loadStateTable, recordProvenance } from '../dist/store/index.js';
import { dataPath } from './data-files.mjs';

const { values } = parseArgs({ options: { commit: { type: 'string' } } });
const top = new URL('..', import.meta.url).pathname;
const git = (...args) => execFileSync('git', ['-C', top, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
const read = (name) =>
  values.commit === undefined
    ? readFileSync(dataPath(`record/${name}`), 'utf8')
    : git('show', `${values.commit}:data/record/${name}`);
const names =
  values.commit === undefined
    ? readdirSync(dataPath('record'))
    : git('ls-tree', '--name-only', `${values.commit}:data/record`).split('\n');
const files = names.filter((n) => n.endsWith('.json')).sort();
const episodes = files.flatMap((name) => JSON.parse(read(name)));
const version = read('VERSION').trim();
const validation = validateEpisodes(
  episodes.map((value) => ({ value })),
  loadStateTable(),
);
if (validation.issues.length > 0) throw new Error(`the record of ${version} does not validate`);
const { hash } = recordProvenance(version, validation.episodes);
const target = dataPath(`releases/${version}.json.gz`);
writeFileSync(`${target}.tmp`, gzipSync(JSON.stringify({ version, hash, episodes }), { level: 9 }));
renameSync(`${target}.tmp`, target);
console.log(`${version}: ${episodes.length} episodes, sha256 ${hash}`);
