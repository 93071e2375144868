/** The server as a whole, in-process: provenance and lists, the OpenAPI document, security headers, and the error handler. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument, buildServer, OPERATIONS } from '../src/server/index.js';
import { FILTER_FIELDS, loadBundledRecord, type RecordStore } from '../src/store/index.js';
import { useTestServer } from './support/server.js';

const server = useTestServer();

describe('GET /api/provenance, /api/fields, /api/states', () => {
  it('reports the versions, the record hash, and that a server without token is read-only', async () => {
    const response = await server.app.inject('/api/provenance');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      meddle: '0.0.0-test',
      record: loadBundledRecord().provenance,
      model: expect.stringMatching(/^\d+\.\d+\.\d+$/),
      writable: false,
    });
  });

  it('lists every filterable field with its values', async () => {
    const { fields } = (await server.app.inject('/api/fields')).json();
    expect(fields.map((f: { name: string }) => f.name)).toEqual(Object.keys(FILTER_FIELDS));
    expect(fields.find((f: { name: string }) => f.name === 'side')).toEqual({
      name: 'side',
      type: 'code',
      values: ['incumbent', 'challenger', 'unknown'],
    });
  });

  it('lists the states with their major-power years', async () => {
    const { states } = (await server.app.inject('/api/states')).json();
    expect(states.find((s: { cow: number }) => s.cow === 2)).toMatchObject({
      abbr: 'USA',
      name: 'United States of America',
    });
  });
});

describe('GET /api/states?search=', () => {
  const search = async (text: string) =>
    (await server.app.inject(`/api/states?search=${encodeURIComponent(text)}`)).json().states as {
      cow: number;
      abbr: string;
      name: string;
    }[];

  it('matches the name or the abbreviation, whatever the case, or the COW number', async () => {
    const byName = await search('united states');
    expect(byName.map((s) => s.cow)).toContain(2);
    expect(byName.every((s) => s.name.toLowerCase().includes('united states'))).toBe(true);
    expect((await search('usa')).map((s) => s.abbr)).toContain('USA');
    expect((await search('2')).map((s) => s.cow)).toEqual([2]);
    expect(await search('no such state at all')).toEqual([]);
  });

  it('lists every state without it, and answers 400 for a repeated one', async () => {
    const all = (await server.app.inject('/api/states')).json().states;
    expect(await search('')).toEqual(all);
    const twice = await server.app.inject('/api/states?search=a&search=b');
    expect(twice.statusCode).toBe(400);
    expect(twice.json().issues[0]).toMatchObject({ file: 'query', field: 'search' });
  });
});

describe('GET /api/openapi.json', () => {
  it('is the generated document, unchanged from the committed one', async () => {
    const response = await server.app.inject('/api/openapi.json');
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document).toEqual(buildOpenApiDocument('0.0.0-test'));
    await expect(`${JSON.stringify(document, null, 2)}\n`).toMatchFileSnapshot(
      './__snapshots__/server-openapi.snap',
    );
  });

  it('documents exactly the routes the server has', () => {
    const documented = OPERATIONS.map(
      (op) => `${op.method.toUpperCase()} ${op.path.replace(/\{(\w+)\}/g, ':$1')}`,
    );
    expect(registeredRoutes(server.app).sort()).toEqual(documented.sort());
  });
});

/** `GET /api/cases/:name`, … from fastify's printed route tree (HEAD is implied by GET). */
function registeredRoutes(server: FastifyInstance): string[] {
  const out: string[] = [];
  const stack: string[] = [];
  for (const line of server.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^([│\s]*)[├└]── (\S+) \(([^)]+)\)/.exec(line);
    if (match === null) continue;
    const depth = match[1]!.length / 4;
    stack.length = depth;
    stack.push(match[2]!);
    for (const method of match[3]!.split(', '))
      if (method !== 'HEAD') out.push(`${method} ${stack.join('')}`);
  }
  return out;
}

describe('security headers and errors', () => {
  it('sends a strict Content-Security-Policy and the other helmet headers', async () => {
    const response = await server.app.inject('/api/provenance');
    expect(response.headers['content-security-policy']).toBe(
      "default-src 'self';script-src 'self';style-src 'self';img-src 'self';font-src 'self';connect-src 'self';object-src 'none';base-uri 'none';form-action 'self';frame-ancestors 'none'",
    );
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('answers 404 in the one error shape for an unknown route', async () => {
    const response = await server.app.inject('/api/nothing');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: 'not-found', message: 'no route GET /api/nothing', issues: [] });
  });

  it('turns an unexpected failure into a bare 500 that reveals nothing', async () => {
    const broken: RecordStore = {
      ...server.store,
      listEpisodes: () => Promise.reject(new Error('disk on fire at /secret/path')),
    };
    const brokenApp = await buildServer({ store: broken, version: '0.0.0-test' });
    const response = await brokenApp.inject('/api/episodes');
    await brokenApp.close();
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({ error: 'internal', message: 'internal server error', issues: [] });
    expect(response.body).not.toContain('secret');
  });
});

describe('the web app files', () => {
  it('serves the built app from its folder, and nothing outside it whatever the path', async () => {
    const web = mkdtempSync(join(tmpdir(), 'meddle-web-'));
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>meddle</title>');
    writeFileSync(join(server.dir, 'secret.txt'), 'not for the web');
    const webApp = await buildServer({ store: server.store, version: '0.0.0-test', webRoot: web });
    try {
      const index = await webApp.inject('/');
      expect(index.statusCode).toBe(200);
      expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(index.headers['content-security-policy']).toContain("script-src 'self'");
      for (const path of [
        '/../secret.txt',
        '/..%2Fsecret.txt',
        '/%2e%2e/%2e%2e/etc/passwd',
        '/....//etc/passwd',
        '/.%2e/package.json',
        '/%2F..%2F..%2Fetc%2Fpasswd',
      ]) {
        const response = await webApp.inject(path);
        expect(response.statusCode, path).toBeGreaterThanOrEqual(400);
        expect(response.body).not.toContain('not for the web');
        expect(response.body).not.toContain('root:');
      }
    } finally {
      await webApp.close();
      rmSync(web, { recursive: true, force: true });
    }
  });
});
