import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { meddle } from '../../test/support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'meddle-sim-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('meddle sim', () => {
  it('runs a preset and prints rates with intervals, NPV quantiles and provenance', async () => {
    const run = await meddle(['sim', 'run', 'soviet-ccp', '--runs', '2000', '--trajectories']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/defectedWithin10YearsOfAscent\s+\d+\.\d %/);
    expect(run.stdout).toContain('NPV quantiles');
    expect(run.stdout).toContain('Yearly mean (10–90 % band)');
    expect(run.stdout).toMatch(/model 2\.0\.0, seed 1, 2000 runs/);
  });

  it('prints the same JSON for the same seed, in one thread or on two workers', async () => {
    const one = await meddle([
      'sim',
      'run',
      'small-state-challenger',
      '--runs',
      '3000',
      '--seed',
      '4',
      '--json',
    ]);
    const two = await meddle([
      'sim',
      'run',
      'small-state-challenger',
      '--runs',
      '3000',
      '--seed',
      '4',
      '--json',
      '--workers',
      '2',
    ]);
    expect(one.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(JSON.parse(one.stdout).provenance).toMatchObject({ seed: 4, runs: 3000 });
  });

  it('reads a YAML scenario file that starts from a preset', async () => {
    const file = join(dir, 'scenario.yaml');
    writeFileSync(file, 'preset: challenger-election\naid: 0.6\nruns: 4000\n');
    const run = await meddle(['sim', 'run', file, '--json']);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.scenario).toMatchObject({ mode: 'election', side: 'challenger', aid: 0.6, runs: 4000 });
    expect(out.summary.rates.won.n).toBe(4000);
  });

  it('exits 2 naming the parameter, its value, its range and its line', async () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'targetPower: 0.3\naid: 1.7\n');
    const run = await meddle(['sim', 'run', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`error: ${file}:2: aid: out of range (got "1.7"; allowed range 0..1)\n`);
    const runs = await meddle(['sim', 'run', 'soviet-ccp', '--runs', 'many']);
    expect(runs.code).toBe(2);
    expect(runs.stderr).toContain('runs: not an integer (got "many"; allowed range integer 1..10000000)');
  });

  it('suggests the nearest preset for a misspelt one', async () => {
    const run = await meddle(['sim', 'run', 'soviet-cpp']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('did you mean soviet-ccp?');
  });

  it('lists the presets', async () => {
    const run = await meddle(['sim', 'presets']);
    expect(run.code).toBe(0);
    for (const name of [
      'soviet-ccp',
      'small-state-challenger',
      'major-power-challenger',
      'incumbent-election',
      'challenger-election',
    ])
      expect(run.stdout).toContain(name);
  });

  it('runs a sensitivity spec to the same bytes on one worker and on two, and writes its chart', async () => {
    const file = join(dir, 'sensitivity.yaml');
    writeFileSync(
      file,
      'base: { preset: soviet-ccp }\nruns: 100\nseed: 2\nsamples: 16\nresamples: 50\noutcome: rates.defected\nranges:\n  capability: [0.5, 1]\n  opportunism: [0, 0.3]\n',
    );
    const one = await meddle(['sim', 'sensitivity', file, '--workers', '1', '--json']);
    const two = await meddle(['sim', 'sensitivity', file, '--workers', '2', '--json']);
    expect(one.code, one.stderr).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    const result = JSON.parse(one.stdout) as { analysis: { method: string; indices: { name: string }[] } };
    expect(result.analysis.method).toBe('sobol');
    expect(result.analysis.indices.map((i) => i.name)).toEqual(['capability', 'opportunism']);
    const chart = join(dir, 'sensitivity.svg');
    const text = await meddle(['sim', 'sensitivity', file, '--chart', chart]);
    expect(text.stdout).toMatch(/capability +\S+ +\S+–\S+ +\S+ +\S+–\S+/);
    expect(readFileSync(chart, 'utf8')).toContain('<svg');
    const bad = await meddle(['sim', 'sensitivity', join(dir, 'missing.yaml')]);
    expect(bad.code).toBe(2);
  });

  it('finds by PRIM the box of a sweep where a condition holds, from a sweep file or its result', async () => {
    const file = join(dir, 'discover.yaml');
    writeFileSync(
      file,
      'base: { preset: soviet-ccp }\nruns: 100\nseed: 7\nseeding: common\nlatinHypercube:\n  samples: 60\n  ranges:\n    capability: [0.5, 1]\n    opportunism: [0, 0.3]\n',
    );
    const run = await meddle(['sim', 'discover', file, '--where', 'rates.alignedAtHorizon >= 0.3', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const found = JSON.parse(run.stdout) as {
      parameters: string[];
      chosen: number;
      trajectory: { density: number; coverage: number; restricted: number[] }[];
      baseDensity: number;
    };
    expect(found.parameters).toEqual(['capability', 'opportunism']);
    const box = found.trajectory[found.chosen];
    expect(box?.density).toBeGreaterThan(found.baseDensity);
    expect(box?.coverage).toBeGreaterThanOrEqual(0.5);
    const out = join(dir, 'discover-result.json');
    expect((await meddle(['sim', 'sweep', file, '--out', out])).code).toBe(0);
    const again = await meddle([
      'sim',
      'discover',
      out,
      '--where',
      'rates.alignedAtHorizon >= 0.3',
      '--json',
    ]);
    expect(JSON.parse(again.stdout).trajectory).toEqual(found.trajectory);
    const chart = join(dir, 'peeling.svg');
    const text = await meddle([
      'sim',
      'discover',
      out,
      '--where',
      'rates.alignedAtHorizon >= 0.3',
      '--chart',
      chart,
    ]);
    expect(text.stdout).toContain('chosen (*): the densest box covering at least 50.0 %');
    expect(readFileSync(chart, 'utf8')).toMatch(
      /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"[\s\S]*chosen: box/,
    );
    const typo = await meddle(['sim', 'discover', out, '--where', 'rates.alignedAtHorison >= 0.3']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('no point of the sweep has this');
    expect(typo.stderr).toContain('--where');
    const unreadable = await meddle(['sim', 'discover', out, '--where', 'npv is good']);
    expect(unreadable.code).toBe(2);
    expect(unreadable.stderr).toContain('cannot read this comparison');
  });

  it('gives each fitted constant a bootstrap interval from resamples of the targets’ counts', async () => {
    const run = await meddle(['sim', 'calibrate', '--runs', '1000', '--bootstrap', '4', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const { constants, bootstrap } = JSON.parse(run.stdout) as {
      constants: Record<string, number>;
      bootstrap: {
        resamples: number;
        constants: { name: string; fitted: number; low: number; high: number }[];
      };
    };
    expect(bootstrap.resamples).toBe(4);
    for (const c of bootstrap.constants) {
      expect(c.fitted).toBe(constants[c.name]);
      expect(c.low).toBeLessThanOrEqual(c.high);
    }
    const text = await meddle(['sim', 'calibrate', '--runs', '1000', '--bootstrap', '2']);
    expect(text.stdout).toMatch(
      /the fit repeated over 2 bootstrap resamples of the targets' counts \(incumbent-election 40 of 50/,
    );
    expect((await meddle(['sim', 'calibrate', '--bootstrap', '0'])).code).toBe(2);
  });

  it('checks the record’s level-2/3 targets at the fitted constants, without fitting them', async () => {
    const db = join(dir, 'calibrate.db');
    const run = await meddle(['--db', db, 'sim', 'calibrate', '--runs', '500', '--record-targets', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as {
      fits: { id: string }[];
      recordTargets: { id: string; measure: string; low: number; high: number; pass: boolean }[];
    };
    expect(report.fits.map((f) => f.id)).not.toContain('payoff-kept-minor-power');
    expect(report.recordTargets.map((t) => t.measure)).toEqual(
      expect.arrayContaining(['alignedAtHorizonGivenAscent', 'defectedWithin10YearsOfAscent', 'exposed']),
    );
    for (const t of report.recordTargets) expect(t.low).toBeLessThan(t.high);
  });

  it('resumes a killed sweep from the points it kept, to the bytes of a run straight through', async () => {
    const file = join(dir, 'resume.yaml');
    writeFileSync(
      file,
      'base: { runs: 300 }\nseed: 5\ngrid:\n  targetPower: [0.1, 0.4, 0.7, 0.9]\n  layers: [0, 2]\n',
    );
    const whole = join(dir, 'resume-whole.json');
    expect((await meddle(['sim', 'sweep', file, '--workers', '1', '--out', whole])).code).toBe(0);
    expect(existsSync(`${whole}.partial`)).toBe(false);
    const expected = readFileSync(whole, 'utf8');

    // A partial file as a killed run leaves it: the header, some finished points, a line cut off mid-write.
    const points = JSON.parse(expected).points as unknown[];
    const out = join(dir, 'resume.json');
    const { sweepIdentity } = await import('../store/index.js');
    const { parseSweepSpec, DEFAULT_CONSTANTS } = await import('../sim/index.js');
    const spec = parseSweepSpec({
      base: { runs: 300 },
      seed: 5,
      grid: { targetPower: [0.1, 0.4, 0.7, 0.9], layers: [0, 2] },
    });
    const kept = [points[5], points[0], points[2]].map((p) => JSON.stringify(p));
    writeFileSync(
      `${out}.partial`,
      `${JSON.stringify({ sweep: sweepIdentity(spec, DEFAULT_CONSTANTS) })}\n${kept.join('\n')}\n${kept[0]?.slice(0, 40)}`,
    );
    const refused = await meddle(['sim', 'sweep', file, '--out', out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('add --resume to continue it');
    const resumed = await meddle(['sim', 'sweep', file, '--workers', '2', '--out', out, '--resume']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toContain('3 resumed from the partial file');
    expect(readFileSync(out, 'utf8')).toBe(expected);
    expect(existsSync(`${out}.partial`)).toBe(false);

    writeFileSync(`${out}.partial`, `${JSON.stringify({ sweep: 'another' })}\n`);
    const other = await meddle(['sim', 'sweep', file, '--out', out, '--resume']);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('belong to another sweep');
    rmSync(`${out}.partial`);
    expect((await meddle(['sim', 'sweep', file, '--out', out, '--resume'])).stderr).toContain(
      'no interrupted run',
    );
  });

  it('runs a sweep file on workers and writes the result', async () => {
    const file = join(dir, 'sweep.yaml');
    const out = join(dir, 'sweep.json');
    writeFileSync(file, 'base: { runs: 500 }\nseed: 3\ngrid:\n  targetPower: [0.1, 0.8]\n  layers: [0, 2]\n');
    const run = await meddle(['sim', 'sweep', file, '--workers', '2', '--out', out]);
    expect(run.code).toBe(0);
    const result = JSON.parse(readFileSync(out, 'utf8'));
    expect(result.points.map((p: { values: unknown }) => p.values)).toEqual([
      { targetPower: 0.1, layers: 0 },
      { targetPower: 0.1, layers: 2 },
      { targetPower: 0.8, layers: 0 },
      { targetPower: 0.8, layers: 2 },
    ]);
    const bad = join(dir, 'bad-sweep.yaml');
    writeFileSync(bad, 'grid:\n  targetPowr: [0.1]\n');
    const refused = await meddle(['sim', 'sweep', bad]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('did you mean targetPower?');
  });

  it('tests the propositions and reports each effect with PASS or FAIL', async () => {
    const run = await meddle(['sim', 'propositions', '--runs', '3000']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('8. Soviet–CCP');
    expect(run.stdout).toMatch(/\d of 8 propositions pass/);
  });

  it('calibrates to a targets file and reports the fit', async () => {
    const file = join(dir, 'targets.yaml');
    writeFileSync(
      file,
      '- id: incumbents\n  measure: won\n  low: 0.85\n  high: 0.9\n  scenario: { mode: election, side: incumbent }\n',
    );
    const run = await meddle(['sim', 'calibrate', '--targets', file, '--runs', '2000', '--json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.pass).toBe(true);
    expect(report.fits[0].id).toBe('incumbents');
  });
});
