import { describe, expect, it } from 'vitest';
import { tabulateEpisodes } from '../src/stats/index.js';
import { loadBundledRecord } from '../src/store/index.js';
import { useTestServer } from './support/server.js';

const server = useTestServer();

describe('GET /api/table', () => {
  it('tabulates two fields of the filtered record as the stats module does', async () => {
    const response = await server.app.inject(
      '/api/table?row=proxyOutcome&by=side&where=kind%3Delectoral&exclude=unknown-outcome',
    );
    expect(response.statusCode).toBe(200);
    const body = response.json();
    const electoral = loadBundledRecord().episodes.filter((e) => e.kind === 'electoral');
    const expected = tabulateEpisodes(electoral, 'proxyOutcome', 'side', { exclude: ['unknown-outcome'] });
    expect(body.result.table.counts).toEqual(expected.table.counts);
    expect(body.result.table.columnLevels).toEqual(expected.table.columnLevels);
    expect(body.result.association.chiSquare).not.toBeNull();
    expect(body.where).toEqual(['kind=electoral']);
    expect(body.markdown).toMatch(/^\| proxyOutcome \\ side \|/);
    expect(body.csv.split('\n')[0]).toBe('proxyOutcome,side,count,share,lower,upper');
  });

  it('answers within 100 ms on the bundled record, Fisher by Monte Carlo included', async () => {
    await server.app.inject('/api/table?row=kind&by=proxyOutcome');
    const started = performance.now();
    const response = await server.app.inject('/api/table?row=kind&by=proxyOutcome');
    const elapsed = performance.now() - started;
    expect(response.statusCode).toBe(200);
    expect(elapsed).toBeLessThan(100);
  });

  it("leaves out Fisher's Monte Carlo test beyond 2×2 on monteCarlo=false, for a quick first answer", async () => {
    const quick = (await server.app.inject('/api/table?row=kind&by=proxyOutcome&monteCarlo=false')).json();
    const full = (await server.app.inject('/api/table?row=kind&by=proxyOutcome')).json();
    expect(quick.result.association.fisher).toBeNull();
    expect(full.result.association.fisher.method).toBe('fisher-monte-carlo');
    expect(quick.result.table).toEqual(full.result.table);
    expect(quick.result.association.chiSquare).toEqual(full.result.association.chiSquare);
  });

  it('answers 400 for an unknown field, rule, method or query key, naming each', async () => {
    const field = await server.app.inject('/api/table?row=proxyOutcom&by=side');
    expect(field.statusCode).toBe(400);
    expect(field.json().issues).toEqual([
      {
        code: 'unknown-field',
        file: 'query',
        field: 'row',
        value: 'proxyOutcom',
        message: 'unknown field',
        hint: 'did you mean proxyOutcome?',
      },
    ]);
    const rule = await server.app.inject('/api/table?row=proxyOutcome&by=side&exclude=unknown');
    expect(rule.json().issues[0]).toMatchObject({ field: 'exclude', value: 'unknown' });
    const method = await server.app.inject('/api/table?row=proxyOutcome&by=side&method=wald');
    expect(method.statusCode).toBe(400);
    expect(method.json().issues[0].field).toBe('method');
    const missing = await server.app.inject('/api/table?row=proxyOutcome');
    expect(missing.statusCode).toBe(400);
    expect(missing.json().issues[0].field).toBe('by');
    const where = await server.app.inject('/api/table?row=proxyOutcome&by=side&where=knd%3Delectoral');
    expect(where.json().issues[0]).toMatchObject({ file: 'query', field: 'where', value: 'knd' });
  });

  it("accepts the list's FIELD=VALUE filters beside where=, with the same meaning and errors", async () => {
    const keyed = await server.app.inject('/api/table?row=proxyOutcome&by=side&kind=electoral&covert=true');
    expect(keyed.statusCode).toBe(200);
    const viaWhere = await server.app.inject(
      '/api/table?row=proxyOutcome&by=side&where=kind%3Delectoral&where=covert%3Dtrue',
    );
    expect(keyed.json().result).toEqual(viaWhere.json().result);
    expect(keyed.json().where).toEqual(['kind=electoral', 'covert=true']);
    const list = await server.app.inject('/api/episodes?knd=electoral');
    const table = await server.app.inject('/api/table?row=proxyOutcome&by=side&knd=electoral');
    expect(table.statusCode).toBe(400);
    expect(table.json()).toEqual(list.json());
    const badValue = await server.app.inject('/api/table?row=proxyOutcome&by=side&kind=coup');
    expect(badValue.json().issues[0]).toMatchObject({ field: 'kind', value: 'coup' });
    const noEquals = await server.app.inject('/api/table?row=proxyOutcome&by=side&where=electoral');
    expect(JSON.stringify(noEquals.json())).not.toMatch(/--where|--db/);
  });
});
