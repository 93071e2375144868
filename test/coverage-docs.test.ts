/** docs/data.md's coverage table and its list of the exposures still unknown are the record's own. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { knownCoverage, unknownsOf } from '../src/domain/index.js';
import { loadBundledRecord } from '../src/store/index.js';

const docs = readFileSync('docs/data.md', 'utf8');
const { episodes, provenance } = loadBundledRecord();

describe('docs/data.md on levels 2 and 3', () => {
  it('gives each field its coverage as the record has it', () => {
    for (const k of knownCoverage(episodes)) {
      const share = Math.round((100 * k.known) / k.episodes);
      const row = new RegExp(
        `^\\| \`${k.field}\` \\| [^|]+ \\| ${k.known} of ${k.episodes} \\| ${share} % \\| ${Math.round(k.target * 100)} % \\| ${k.met ? 'met' : 'short'} \\|$`,
        'm',
      );
      expect(docs, k.field).toMatch(row);
    }
  });

  it('lists, for each field short of its target, every episode still unknown and no other, and names the release', () => {
    const short = knownCoverage(episodes).filter((k) => !k.met);
    expect(short.length).toBeGreaterThan(0);
    for (const k of short) {
      const start = docs.indexOf(`**The shortfall of \`${k.field}\``);
      expect(start, k.field).toBeGreaterThan(0);
      const end = docs.indexOf('\n\n**', docs.indexOf('| episode |', start));
      const listed = [...docs.slice(start, end).matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((m) => m[1]);
      expect(listed, k.field).toEqual(unknownsOf(episodes, k.field).map((u) => u.id));
    }
    expect(docs).toContain(
      `release ${provenance.version}: ${provenance.episodes} episodes, sha256 ${provenance.hash}.`,
    );
  });
});
