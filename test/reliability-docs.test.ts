/** docs/data.md's reliability table is what `meddle agreement` computes from the table in data/reliability/. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { meddle } from './support/cli.js';

const YEARS = ['powerYear', 'alignedThrough', 'payoffLostYear', 'defectedYear'];

interface FieldAlpha {
  field: string;
  alpha: number;
  bootstrap: { interval: { lower: number; upper: number } };
}

describe('the reliability figures in docs/data.md', () => {
  it('are reproduced by meddle agreement on data/reliability/codings-20261204.csv', async () => {
    const run = await meddle([
      'agreement',
      'data/reliability/codings-20261204.csv',
      ...YEARS.flatMap((f) => ['--level', `${f}=interval`]),
      '--json',
    ]);
    expect(run.code).toBe(0);
    const { fields } = JSON.parse(run.stdout) as { fields: FieldAlpha[] };
    const docs = readFileSync('docs/data.md', 'utf8');
    expect(fields).toHaveLength(13);
    for (const f of fields) {
      const { lower, upper } = f.bootstrap.interval;
      expect(docs).toContain(
        `| ${f.field} | ${f.alpha.toFixed(3)} | ${lower.toFixed(3)}–${upper.toFixed(3)} |`,
      );
    }
  });

  it('for the recoding of exposure and grievance are reproduced from data/reliability/recode-20261207/codings.csv', async () => {
    const run = await meddle(['agreement', 'data/reliability/recode-20261207/codings.csv', '--json']);
    expect(run.code).toBe(0);
    const { fields } = JSON.parse(run.stdout) as { fields: FieldAlpha[] };
    const docs = readFileSync('docs/data.md', 'utf8');
    expect(fields.map((f) => f.field).sort()).toEqual(['exposed', 'grievance']);
    for (const f of fields) {
      const { lower, upper } = f.bootstrap.interval;
      expect(docs).toContain(
        `| ${f.field} (recoded) | ${f.alpha.toFixed(3)} | ${lower.toFixed(3)}–${upper.toFixed(3)} |`,
      );
    }
  });
});
