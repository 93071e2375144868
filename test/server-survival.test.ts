import { describe, expect, it } from 'vitest';
import { episodeSurvival } from '../src/stats/index.js';
import { loadBundledRecord } from '../src/store/index.js';
import { useTestServer } from './support/server.js';

const server = useTestServer();

describe('GET /api/survival', () => {
  it('gives the curves of the filtered record as the stats module does', async () => {
    const response = await server.app.inject('/api/survival?by=interferer&event=payoff-lost');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    const expected = episodeSurvival(loadBundledRecord().episodes, {
      event: 'payoff-lost',
      by: 'interferer',
    });
    expect(body.result.groups.map((g: { label: string }) => g.label)).toEqual(
      expected.groups.map((g) => g.label),
    );
    expect(body.result.groups.map((g: { curve: { events: number } }) => g.curve.events)).toEqual(
      expected.groups.map((g) => g.curve.events),
    );
    expect(body.result.logRank.statistic).toBeCloseTo(expected.logRank?.statistic ?? Number.NaN, 12);
    expect(body.provenance.record.version).toBe(loadBundledRecord().provenance.version);
  });

  it('answers 400 naming the query field for a field with several values per episode', async () => {
    const response = await server.app.inject('/api/survival?by=means');
    expect(response.statusCode).toBe(400);
    expect(JSON.stringify(response.json())).toContain('several values');
  });

  it('answers 400 for an event it does not know', async () => {
    const response = await server.app.inject('/api/survival?event=coup');
    expect(response.statusCode).toBe(400);
    expect(response.json().issues[0].field).toBe('event');
  });

  it("accepts the list's FIELD=VALUE filters beside where=, and names API parameters in its errors", async () => {
    const keyed = await server.app.inject('/api/survival?by=targetClass&kind=electoral');
    expect(keyed.statusCode).toBe(200);
    const viaWhere = await server.app.inject('/api/survival?by=targetClass&where=kind%3Delectoral');
    expect(keyed.json().result).toEqual(viaWhere.json().result);
    expect(keyed.json().where).toEqual(['kind=electoral']);
    const list = await server.app.inject('/api/episodes?knd=electoral');
    const survival = await server.app.inject('/api/survival?knd=electoral');
    expect(survival.json()).toEqual(list.json());
    const several = (await server.app.inject('/api/survival?by=means')).json();
    expect(several.issues[0]).toMatchObject({ file: 'query', field: 'by', value: 'means' });
    const none = (await server.app.inject('/api/survival?proxyOutcome=lost')).json();
    expect(none.issues[0]).toMatchObject({ file: 'query', field: 'where' });
    expect(JSON.stringify([several, none])).not.toMatch(/--where|--by|--db/);
  });
});
