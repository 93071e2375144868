/** docs/library.md's worked example, run against the built package: the guide cannot drift from the code. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const guide = readFileSync(join(root, 'docs', 'library.md'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'meddle-guide-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('docs/library.md', () => {
  it('runs its example against the package and prints what the guide says it prints', () => {
    const code = /```js\n([\s\S]*?)```/.exec(guide)?.[1];
    expect(code, 'the guide has a js code block').toBeDefined();
    const file = join(dir, 'guide.mjs');
    // The example imports the package by name; here it is the built package in this checkout.
    writeFileSync(file, (code ?? '').replaceAll("from 'meddle'", `from '${join(root, 'dist', 'index.js')}'`));
    const out = execFileSync(process.execPath, [file], { cwd: root, encoding: 'utf8' }).trim().split('\n');
    expect(out).toHaveLength(7);
    const [record, incumbent, challenger, fisher, logit, simulation, assessment] = out;
    expect(record).toMatch(/^record \d{4}\.\d+\.\d+: \d+ episodes, sha256 [0-9a-f]{12}$/);
    expect(incumbent).toMatch(/^incumbent: won \d+ of \d+ \(95 % interval 0\.\d\d–0\.\d\d\)$/);
    expect(challenger).toMatch(/^challenger: won \d+ of \d+ \(95 % interval 0\.\d\d–0\.\d\d\)$/);
    expect(fisher).toMatch(/^Fisher's p = 0\.\d{4}$/);
    expect(logit).toMatch(/^logit: side:incumbent odds ratio \d+\.\d\d$/);
    // The simulation does not depend on the record: its line is the guide's, to the digit.
    expect(guide).toContain(simulation);
    expect(assessment).toMatch(/^assessment: (favourable|marginal|high risk|advise against)$/);
  }, 60_000);
});
