/** The server's answers to requests it should refuse: wrong methods, bodies that are not objects, foreign hosts; and the headers every response carries. */
import { describe, expect, it } from 'vitest';
import { buildServer } from '../src/server/index.js';
import { useTestServer } from './support/server.js';

const server = useTestServer();

describe('a method the route does not have', () => {
  it('answers 405 with an Allow header, in the one error shape', async () => {
    for (const [method, url, allow] of [
      ['PUT', '/api/episodes', 'GET, HEAD, POST'],
      ['DELETE', '/api/episodes/usa-ita-1948-election', 'GET, HEAD'],
      ['PATCH', '/api/sim/run', 'POST'],
      ['DELETE', '/api/episodes/', 'GET, HEAD, POST'],
    ] as const) {
      const response = await server.app.inject({ method, url });
      expect(response.statusCode, `${method} ${url}`).toBe(405);
      expect(response.headers.allow).toBe(allow);
      expect(response.json()).toEqual({
        error: 'method-not-allowed',
        message: `${method} is not allowed on ${url}; use ${allow}`,
        issues: [],
      });
    }
  });

  it('still answers 404 for a path no route has', async () => {
    const response = await server.app.inject({ method: 'PUT', url: '/api/nothing' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error).toBe('not-found');
  });
});

describe('a JSON body that is not an object', () => {
  it('is a 400 naming the body on every POST route, not a default simulation', async () => {
    for (const url of ['/api/sim/run', '/api/sim/sweep'])
      for (const payload of ['null', '5', '"text"', '[]', '[{}]']) {
        const response = await server.app.inject({
          method: 'POST',
          url,
          payload,
          headers: { 'content-type': 'application/json' },
        });
        expect(response.statusCode, `${url} ${payload}`).toBe(400);
        expect(response.json()).toMatchObject({
          error: 'bad-request',
          message: 'body: expected a JSON object',
          issues: [{ file: 'body', message: 'expected a JSON object' }],
        });
      }
  });

  it('leaves an absent body as it was: the default scenario', async () => {
    const response = await server.app.inject({ method: 'POST', url: '/api/sim/run' });
    expect(response.statusCode).toBe(200);
  });

  it('is a 400 naming the body on the import (which takes an array) and the one-episode POST', async () => {
    const app = await buildServer({ store: server.store, version: '0.0.0-test', token: 'secret-token-123' });
    try {
      for (const [url, payload] of [
        ['/api/import', 'null'],
        ['/api/import', '5'],
        ['/api/import', '"text"'],
        ['/api/episodes', 'null'],
        ['/api/episodes', '5'],
      ] as const) {
        const response = await app.inject({
          method: 'POST',
          url: `${url}?dryRun=true`,
          payload,
          headers: { 'content-type': 'application/json', authorization: 'Bearer secret-token-123' },
        });
        expect(response.statusCode, `${url} ${payload}`).toBe(400);
        expect(response.json().issues[0].file).toBe('body');
      }
    } finally {
      await app.close();
    }
  });

  it('is a 400 on the assessment too', async () => {
    for (const payload of ['null', '5', '[]']) {
      const response = await server.app.inject({
        method: 'POST',
        url: '/api/assess',
        payload,
        headers: { 'content-type': 'application/json' },
      });
      expect(response.statusCode, payload).toBe(400);
      expect(response.json().issues[0].file).toBe('body');
    }
  });
});

describe('the Host allow-list', () => {
  it('answers 421 to a Host that is not an allowed name (DNS rebinding)', async () => {
    for (const host of ['evil.example', 'evil.example:8080', 'localhost.evil.example', '10.0.0.1']) {
      const response = await server.app.inject({ url: '/api/provenance', headers: { host } });
      expect(response.statusCode, host).toBe(421);
      expect(response.json()).toMatchObject({
        error: 'misdirected',
        issues: [{ field: 'host', value: host }],
      });
    }
  });

  it('accepts the loopback names with any port', async () => {
    for (const host of ['localhost', 'localhost:80', '127.0.0.1:8080', '[::1]:3000', '[::1]', 'LOCALHOST:1'])
      expect((await server.app.inject({ url: '/api/provenance', headers: { host } })).statusCode, host).toBe(
        200,
      );
  });

  it('accepts the names given in allowedHosts, and the address the server is bound to', async () => {
    const app = await buildServer({
      store: server.store,
      version: '0.0.0-test',
      allowedHosts: ['meddle.internal'],
    });
    try {
      const named = await app.inject({ url: '/api/provenance', headers: { host: 'meddle.internal:8080' } });
      expect(named.statusCode).toBe(200);
      const url = await app.listen({ port: 0, host: '127.0.0.1' });
      expect((await fetch(`${url}/api/provenance`)).status).toBe(200);
      const other = await app.inject({ url: '/api/provenance', headers: { host: 'other.internal' } });
      expect(other.statusCode).toBe(421);
    } finally {
      await app.close();
    }
  });
});

describe('Permissions-Policy', () => {
  it('denies the browser features the app does not use, on every response', async () => {
    for (const url of ['/api/provenance', '/api/nothing', '/api/table?row=nothing&by=side']) {
      const policy = (await server.app.inject(url)).headers['permissions-policy'];
      expect(policy, url).toEqual(expect.stringContaining('camera=()'));
      for (const feature of ['microphone', 'geolocation', 'payment', 'usb', 'interest-cohort'])
        expect(policy).toContain(`${feature}=()`);
    }
    const refused = await server.app.inject({ url: '/api/provenance', headers: { host: 'evil.example' } });
    expect(refused.headers['permissions-policy']).toContain('camera=()');
  });
});
