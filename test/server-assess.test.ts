/** Assessment over HTTP, in-process: a scenario as YAML or JSON, the report in three forms, and bad scenarios. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../src/server/index.js';
import { useTestServer } from './support/server.js';

const yaml = readFileSync(
  new URL('../examples/assess/small-state-incumbent-election.yaml', import.meta.url),
  'utf8',
);

const server = useTestServer();

const post = (payload: string, type = 'application/yaml', query = '') =>
  server.app.inject({
    method: 'POST',
    url: `/api/assess${query}`,
    payload,
    headers: { 'content-type': type },
  });

describe('POST /api/assess', () => {
  it('assesses a YAML scenario: verdict with reasons, comparables with sources, provenance', async () => {
    const response = await post(yaml);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.verdict.verdict).toEqual(expect.any(String));
    expect(body.verdict.reasons.length).toBeGreaterThan(0);
    expect(body.comparables.list.length).toBeGreaterThan(0);
    expect(body.comparables.list[0].sources.length).toBeGreaterThan(0);
    expect(body.provenance).toMatchObject({ meddle: '0.0.0-test', scenario: { file: 'request body' } });
  });

  it('takes the same scenario as JSON and gives the same assessment', async () => {
    const fromYaml = (await post(yaml)).json();
    const { parse } = await import('yaml');
    const fromJson = (await post(JSON.stringify(parse(yaml)), 'application/json')).json();
    expect(fromJson.verdict).toEqual(fromYaml.verdict);
    expect(fromJson.odds).toEqual(fromYaml.odds);
  });

  it('renders the report as an HTML or Markdown attachment', async () => {
    const html = await post(yaml, 'application/yaml', '?format=html');
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(html.headers['content-disposition']).toMatch(
      /^attachment; filename="meddle-assessment-[a-z0-9-]+\.html"$/,
    );
    expect(html.body).toMatch(/^<!doctype html>/i);
    const md = await post(yaml, 'application/yaml', '?format=md');
    expect(md.headers['content-type']).toBe('text/markdown; charset=utf-8');
  });

  it('answers 400 naming the line and field of a bad scenario, an unknown country, and too many runs', async () => {
    const bad = await post(yaml.replace(/^pressure: .*$/m, 'pressure: 1.5'));
    expect(bad.statusCode).toBe(400);
    const issue = bad.json().issues[0];
    expect(issue).toMatchObject({ file: 'body', field: 'pressure', value: '1.5' });
    expect(issue.line).toBe(yaml.split('\n').findIndex((l) => l.startsWith('pressure:')) + 1);
    const country = await post(yaml.replace(/^target: .*$/m, 'target: Atlantis'));
    expect(country.statusCode).toBe(400);
    expect(country.json().issues[0]).toMatchObject({
      field: 'target',
      value: 'Atlantis',
      message: 'unknown country',
    });
    const runs = await post(yaml.replace(/^runs: .*$/m, '').concat(`\nruns: ${LIMITS.runs + 1}\n`));
    expect(runs.statusCode).toBe(400);
    expect(runs.json().issues[0]).toMatchObject({ field: 'runs', hint: `at most ${LIMITS.runs}` });
  });

  it('answers 400 for a body that is not a scenario, and 415 for another type', async () => {
    const list = await post('[1, 2]');
    expect(list.statusCode).toBe(400);
    const broken = await post('{"name": ', 'application/json');
    expect(broken.statusCode).toBe(400);
    const csv = await post('a,b', 'text/csv');
    expect(csv.statusCode).toBe(415);
    const format = await post(yaml, 'application/yaml', '?format=pdf');
    expect(format.statusCode).toBe(400);
    expect(format.json().issues[0].field).toBe('format');
  });
});
