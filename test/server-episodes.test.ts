/** The record over HTTP, in-process: listing with filters, one episode, writes behind the token, all-or-nothing imports. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildServer } from '../src/server/index.js';
import {
  formatEpisodesCsv,
  loadBundledRecord,
  openStore,
  parseRecordText,
  type RecordStore,
} from '../src/store/index.js';

const TOKEN = 'test-token-0123456789';
const bundled = loadBundledRecord();
const sample = bundled.episodes.find((e) => e.id === 'usa-ita-1948-election') ?? bundled.episodes[0]!;

/** A new episode, as a user would send it: coded fields only, a fresh id. */
function newEpisode(id: string): Record<string, unknown> {
  const { targetClass: _derived, ...coded } = sample;
  return { ...coded, id };
}

let dir: string | undefined;
let store: RecordStore | undefined;
let app: FastifyInstance | undefined;

async function serve(token?: string): Promise<FastifyInstance> {
  dir = mkdtempSync(join(tmpdir(), 'meddle-server-'));
  store = await openStore(join(dir, 'record.db'));
  app = await buildServer({ store, version: '0.0.0-test', token });
  return app;
}

afterEach(async () => {
  await app?.close();
  await store?.close();
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  app = undefined;
  store = undefined;
  dir = undefined;
});

const auth = { authorization: `Bearer ${TOKEN}` };

describe('GET /api/episodes', () => {
  it('lists the whole record with its provenance', async () => {
    const server = await serve();
    const response = await server.inject('/api/episodes');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.count).toBe(bundled.episodes.length);
    expect(body.episodes).toHaveLength(bundled.episodes.length);
    expect(body.provenance).toEqual({
      meddle: '0.0.0-test',
      record: bundled.provenance,
      model: expect.any(String),
      writable: false,
    });
  });
});

describe('GET /api/episodes with filters', () => {
  it('keeps the episodes that meet every FIELD=VALUE condition, given as keys or as where=', async () => {
    const server = await serve();
    const expected = bundled.episodes.filter((e) => e.kind === 'electoral' && e.side === 'challenger');
    for (const url of [
      '/api/episodes?kind=electoral&side=challenger',
      '/api/episodes?where=kind%3Delectoral&where=side%3Dchallenger',
    ]) {
      const body = (await server.inject(url)).json();
      expect(body.count).toBe(expected.length);
      expect(body.episodes.map((e: { id: string }) => e.id).sort()).toEqual(expected.map((e) => e.id).sort());
      expect(body.where).toEqual(['kind=electoral', 'side=challenger']);
    }
  });

  it('resolves a state by abbreviation, as the CLI does', async () => {
    const server = await serve();
    const body = (await server.inject('/api/episodes?interferer=USA')).json();
    expect(body.count).toBe(bundled.episodes.filter((e) => e.interferer === 2).length);
  });

  it('answers 400 naming an unknown field and the nearest known one', async () => {
    const server = await serve();
    const response = await server.inject('/api/episodes?knd=electoral');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      error: 'bad-request',
      message: 'query: where: unknown field (got "knd"; did you mean kind?)',
      issues: [
        {
          code: 'unknown-field',
          role: 'where',
          file: 'query',
          field: 'where',
          value: 'knd',
          message: 'unknown field',
          hint: 'did you mean kind?',
        },
      ],
    });
  });

  it('answers 400 for a value the field does not take, and for a bad format', async () => {
    const server = await serve();
    const bad = await server.inject('/api/episodes?kind=coup');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues[0]).toMatchObject({
      field: 'kind',
      value: 'coup',
      message: 'not a value of this field',
    });
    const format = await server.inject('/api/episodes?format=xml');
    expect(format.statusCode).toBe(400);
    expect(format.json().issues[0]).toMatchObject({ field: 'format', value: 'xml' });
  });

  it('exports the current view as CSV', async () => {
    const server = await serve();
    const response = await server.inject('/api/episodes?kind=electoral&format=csv');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="meddle-episodes.csv"');
    expect(response.body).toBe(
      formatEpisodesCsv(await store!.listEpisodes([{ field: 'kind', value: 'electoral' }])),
    );
  });
});

describe('GET /api/episodes/{id}', () => {
  it('returns one episode in full, with its sources', async () => {
    const server = await serve();
    const response = await server.inject(`/api/episodes/${sample.id}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual(JSON.parse(JSON.stringify(sample)));
  });

  it('answers 404 for an id the record lacks', async () => {
    const server = await serve();
    const response = await server.inject('/api/episodes/no-such-episode');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({
      error: 'not-found',
      issues: [{ field: 'id', value: 'no-such-episode' }],
    });
  });

  it('answers 400 for ids that are not ids, path tricks included, and touches no file', async () => {
    const server = await serve();
    for (const id of ['..%2F..%2Fetc%2Fpasswd', '%2e%2e', 'A%20B', '%E0%A4%A', '%00', 'x'.repeat(201)]) {
      const response = await server.inject(`/api/episodes/${id}`);
      expect([400, 404, 414]).toContain(response.statusCode);
      expect(response.json().error).toMatch(/bad-request|not-found/);
    }
    const dotted = await server.inject('/api/episodes/..%2F..%2Fetc%2Fpasswd');
    expect(dotted.statusCode).toBe(400);
    expect(dotted.json().issues[0]).toMatchObject({ file: 'path', field: 'id', value: '../../etc/passwd' });
  });
});

describe('writes and the token', () => {
  it('is read-only without a configured token: 403, and nothing written', async () => {
    const server = await serve();
    const response = await server.inject({
      method: 'POST',
      url: '/api/episodes',
      payload: newEpisode('x-1'),
      headers: auth,
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toEqual({
      error: 'read-only',
      message: 'this server is read-only: start it with MEDDLE_TOKEN set to accept writes',
      issues: [],
    });
    expect(await store!.getEpisode('x-1')).toBeUndefined();
  });

  it('answers 401 without the token or with a wrong one, before reading the body', async () => {
    const server = await serve(TOKEN);
    for (const headers of [
      {},
      { authorization: 'Bearer wrong' },
      { authorization: TOKEN },
      { authorization: `Basic ${TOKEN}` },
    ]) {
      const response = await server.inject({
        method: 'POST',
        url: '/api/import',
        payload: 'not even json',
        headers: { ...headers, 'content-type': 'application/json' },
      });
      expect(response.statusCode).toBe(401);
      expect(response.headers['www-authenticate']).toBe('Bearer realm="meddle"');
      expect(response.json().error).toBe('unauthorized');
    }
  });

  it('adds an episode with the token: 201, then it can be read, and the provenance hash changes', async () => {
    const server = await serve(TOKEN);
    const before = (await server.inject('/api/provenance')).json();
    const response = await server.inject({
      method: 'POST',
      url: '/api/episodes',
      payload: newEpisode('usa-ita-1948-copy'),
      headers: auth,
    });
    expect(response.statusCode).toBe(201);
    const report = response.json();
    expect(report).toMatchObject({ dryRun: false, inserted: ['usa-ita-1948-copy'], replaced: [] });
    expect(report.provenance.record.hash).not.toBe(before.record.hash);
    expect(report.provenance.writable).toBe(true);
    expect((await server.inject('/api/episodes/usa-ita-1948-copy')).json().id).toBe('usa-ita-1948-copy');
  });

  it('refuses an invalid episode with 422 naming each field, and writes nothing', async () => {
    const server = await serve(TOKEN);
    const response = await server.inject({
      method: 'POST',
      url: '/api/episodes',
      payload: { ...newEpisode('bad-1'), kind: 'coup', startYear: '19x8' },
      headers: auth,
    });
    expect(response.statusCode).toBe(422);
    const body = response.json();
    expect(body.error).toBe('invalid');
    expect(body.issues.map((i: { field: string }) => i.field).sort()).toEqual(['kind', 'startYear']);
    expect(await store!.getEpisode('bad-1')).toBeUndefined();
  });

  it('refuses an id the store holds unless replace=true', async () => {
    const server = await serve(TOKEN);
    const clash = await server.inject({
      method: 'POST',
      url: '/api/episodes',
      payload: newEpisode(sample.id),
      headers: auth,
    });
    expect(clash.statusCode).toBe(422);
    expect(clash.json().issues[0]).toMatchObject({ field: 'id', value: sample.id });
    const replaced = await server.inject({
      method: 'POST',
      url: '/api/episodes?replace=true',
      payload: { ...newEpisode(sample.id), notes: 'replaced' },
      headers: auth,
    });
    expect(replaced.statusCode).toBe(201);
    expect(replaced.json().replaced).toEqual([sample.id]);
    expect((await store!.getEpisode(sample.id))?.notes).toBe('replaced');
  });

  it('checks without writing on dryRun=true', async () => {
    const server = await serve(TOKEN);
    const response = await server.inject({
      method: 'POST',
      url: '/api/episodes?dryRun=true',
      payload: newEpisode('dry-1'),
      headers: auth,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ dryRun: true, inserted: ['dry-1'] });
    expect(await store!.getEpisode('dry-1')).toBeUndefined();
  });

  it('answers 400 for malformed JSON, a JSON array, and prototype pollution', async () => {
    const server = await serve(TOKEN);
    const headers = { ...auth, 'content-type': 'application/json' };
    const malformed = await server.inject({
      method: 'POST',
      url: '/api/episodes',
      payload: '{"id": ',
      headers,
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ error: 'bad-request', issues: [{ file: 'request' }] });
    const array = await server.inject({ method: 'POST', url: '/api/episodes', payload: '[]', headers });
    expect(array.statusCode).toBe(400);
    expect(array.json().issues[0].hint).toBe('to send many, POST /api/import');
    const proto = await server.inject({
      method: 'POST',
      url: '/api/episodes',
      payload: '{"__proto__": {"admin": true}}',
      headers,
    });
    expect(proto.statusCode).toBe(400);
  });

  it('answers 415 for a body of another type and 413 for one over the limit', async () => {
    const server = await serve(TOKEN);
    const csv = await server.inject({
      method: 'POST',
      url: '/api/episodes',
      payload: 'id\nx',
      headers: { ...auth, 'content-type': 'text/csv' },
    });
    expect(csv.statusCode).toBe(415);
    expect(csv.json().error).toBe('unsupported-media-type');
    const huge = await server.inject({
      method: 'POST',
      url: '/api/episodes',
      payload: { ...newEpisode('huge-1'), notes: 'x'.repeat(300 * 1024) },
      headers: auth,
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error).toBe('too-large');
    const hugeImport = await server.inject({
      method: 'POST',
      url: '/api/import',
      payload: `[${'"x",'.repeat(1_200_000)}"x"]`,
      headers: { ...auth, 'content-type': 'application/json' },
    });
    expect(hugeImport.statusCode).toBe(413);
  });
});

describe('POST /api/import', () => {
  it('imports a JSON array of episodes, all of them', async () => {
    const server = await serve(TOKEN);
    const payload = JSON.stringify([newEpisode('imp-1'), newEpisode('imp-2')]);
    const response = await server.inject({
      method: 'POST',
      url: '/api/import',
      payload,
      headers: { ...auth, 'content-type': 'application/json' },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().inserted).toEqual(['imp-1', 'imp-2']);
  });

  it('imports CSV, the export form', async () => {
    const server = await serve(TOKEN);
    const csv = formatEpisodesCsv([
      { ...sample, id: 'csv-1' },
      { ...sample, id: 'csv-2' },
    ]);
    const response = await server.inject({
      method: 'POST',
      url: '/api/import',
      payload: csv,
      headers: { ...auth, 'content-type': 'text/csv' },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().inserted).toEqual(['csv-1', 'csv-2']);
    expect((await store!.getEpisode('csv-2'))?.title).toBe(sample.title);
  });

  it('is all or nothing: one bad row among good ones writes none, and names the line', async () => {
    const server = await serve(TOKEN);
    const before = (await store!.listEpisodes()).length;
    const payload = JSON.stringify(
      [newEpisode('good-1'), { ...newEpisode('bad-2'), side: 'both' }, newEpisode('good-3')],
      null,
      1,
    );
    const response = await server.inject({
      method: 'POST',
      url: '/api/import',
      payload,
      headers: { ...auth, 'content-type': 'application/json' },
    });
    expect(response.statusCode).toBe(422);
    const body = response.json();
    expect(body.message).toMatch(/^1 problem; nothing was written\n/);
    expect(body.issues).toHaveLength(1);
    expect(body.issues[0]).toMatchObject({ file: 'body', field: 'side', value: 'both' });
    expect(body.issues[0].line).toBeGreaterThan(1);
    expect((await store!.listEpisodes()).length).toBe(before);
    expect(await store!.getEpisode('good-1')).toBeUndefined();
  });

  it('answers 400 for a body that is not JSON or CSV, or holds no episodes', async () => {
    const server = await serve(TOKEN);
    const headers = { ...auth, 'content-type': 'application/json' };
    const bad = await server.inject({ method: 'POST', url: '/api/import', payload: '[{"id": "x",', headers });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues[0]).toMatchObject({
      file: 'body',
      message: expect.stringMatching(/^not valid JSON/),
    });
    const empty = await server.inject({ method: 'POST', url: '/api/import', payload: '[]', headers });
    expect(empty.statusCode).toBe(400);
    const xml = await server.inject({
      method: 'POST',
      url: '/api/import',
      payload: '<x/>',
      headers: { ...auth, 'content-type': 'application/xml' },
    });
    expect(xml.statusCode).toBe(415);
  });
});

describe('CSV formulas', () => {
  it('neutralises a cell that would be a live formula, and reads it back unchanged on import', async () => {
    const server = await serve(TOKEN);
    // The store trims titles, so a leading tab or carriage return is checked on the writer below.
    const titles = ['=HYPERLINK("http://x","y")', '+1', '-2', '@SUM(A1)', "'=quoted"];
    for (const [i, title] of titles.entries()) {
      const response = await server.inject({
        method: 'POST',
        url: '/api/episodes',
        payload: { ...newEpisode(`formula-${i}`), title },
        headers: auth,
      });
      expect(response.statusCode, title).toBe(201);
    }
    const csv = (await server.inject('/api/episodes?format=csv')).body;
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    for (const line of csv.split('\n').filter((l) => l.startsWith('formula-')))
      expect(line.split(',')[1], line).toMatch(/^"?'/);
    const parsed = parseRecordText(csv, 'export', 'csv');
    const read = parsed.map((r) => r.value as { id: string; title: string });
    for (const [i, title] of titles.entries())
      expect(read.find((r) => r.id === `formula-${i}`)?.title).toBe(title);
    // The CLI's export writes the same CSV.
    expect(formatEpisodesCsv([{ ...sample, title: '=1+1' }])).toContain(",'=1+1,");
    expect(formatEpisodesCsv([{ ...sample, title: '\tx' }])).toContain(",'\tx,");
    expect(formatEpisodesCsv([{ ...sample, title: '\rx' }])).toContain("'\rx");
  });
});

describe('GET /api/episodes, fast', () => {
  it('is compressed by Accept-Encoding, br before gzip, and says it varies by it', async () => {
    const server = await serve();
    const plain = await server.inject('/api/episodes');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
    for (const [accept, encoding, inflate] of [
      ['gzip, deflate, br', 'br', brotliDecompressSync],
      ['gzip', 'gzip', gunzipSync],
    ] as const) {
      const response = await server.inject({ url: '/api/episodes', headers: { 'accept-encoding': accept } });
      expect(response.headers['content-encoding']).toBe(encoding);
      expect(response.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
      expect(inflate(response.rawPayload).toString('utf8')).toBe(plain.body);
    }
  });

  it('sends an ETag from the record hash and the query, and 304 to a matching If-None-Match', async () => {
    const server = await serve(TOKEN);
    const first = await server.inject('/api/episodes?kind=electoral');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    expect((await server.inject('/api/episodes?kind=electoral')).headers.etag).toBe(etag);
    expect((await server.inject('/api/episodes?kind=covert-regime-change')).headers.etag).not.toBe(etag);
    const again = await server.inject({
      url: '/api/episodes?kind=electoral',
      headers: { 'if-none-match': `"other", ${etag}` },
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(etag);
    const write = await server.inject({
      method: 'POST',
      url: '/api/episodes',
      payload: newEpisode('etag-1'),
      headers: auth,
    });
    expect(write.statusCode).toBe(201);
    const after = await server.inject({
      url: '/api/episodes?kind=electoral',
      headers: { 'if-none-match': etag },
    });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
    expect(after.json().count).toBe(first.json().count + 1);
  });

  it('pages with limit= and offset=, giving the total in the body and in X-Total-Count', async () => {
    const server = await serve();
    const all = (await server.inject('/api/episodes')).json();
    const page = await server.inject('/api/episodes?limit=2&offset=1');
    const body = page.json();
    expect(body.episodes.map((e: { id: string }) => e.id)).toEqual(
      all.episodes.slice(1, 3).map((e: { id: string }) => e.id),
    );
    expect(body).toMatchObject({ count: 2, total: all.count, offset: 1, limit: 2 });
    expect(page.headers['x-total-count']).toBe(String(all.count));
    expect(all.total).toBe(all.count);
    for (const bad of ['limit=0', 'limit=x', 'offset=-1', 'limit=1&limit=2']) {
      const response = await server.inject(`/api/episodes?${bad}`);
      expect(response.statusCode, bad).toBe(400);
      expect(response.json().issues[0].field, bad).toBe(bad.split('=')[0]);
    }
  });

  it('keeps only the fields= asked for, in JSON and CSV, and answers 400 naming an unknown one', async () => {
    const server = await serve();
    const body = (await server.inject('/api/episodes?fields=id,title&limit=3')).json();
    for (const episode of body.episodes) expect(Object.keys(episode)).toEqual(['id', 'title']);
    const csv = (await server.inject('/api/episodes?fields=id,kind&format=csv&limit=1')).body;
    expect(csv.split('\n')[0]).toBe('id,kind');
    const bad = await server.inject('/api/episodes?fields=id,titel');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues[0]).toMatchObject({ file: 'query', field: 'fields', value: 'titel' });
    expect(bad.json().message).toContain('titel');
  });
});
