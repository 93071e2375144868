import { describe, expect, it } from 'vitest';
import { useTestServer } from './support/server.js';

const server = useTestServer();

describe('GET /api/cases', () => {
  it('lists the bundled cases with their size', async () => {
    const response = await server.app.inject('/api/cases');
    expect(response.statusCode).toBe(200);
    const [soviet] = response.json().cases;
    expect(soviet).toMatchObject({ id: 'soviet-ccp', period: { from: 1912, to: 1960 } });
    expect(soviet.events).toBeGreaterThan(50);
    expect(soviet.hypotheses).toBeGreaterThanOrEqual(3);
  });
});

describe('GET /api/cases/{name}', () => {
  it('returns the trace: timeline with tags, ACH matrix and posterior, with provenance', async () => {
    const response = await server.app.inject('/api/cases/soviet-ccp');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.provenance).toMatchObject({
      meddle: '0.0.0-test',
      files: { case: 'soviet-ccp/case.yaml', hypotheses: 'soviet-ccp/hypotheses.yaml' },
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(body.case.id).toBe('soviet-ccp');
    expect(body.timeline[0].event.tags.length).toBeGreaterThan(0);
    expect(body.hypotheses.ach.matrix).toBeDefined();
    expect(body.hypotheses.bayes.trace).toBeDefined();
  });

  it('answers 404 listing the cases for an unknown name, and never reads a path from the request', async () => {
    for (const name of ['nope', '..%2F..%2Fpackage.json', '..%2Frecord', '%2E%2E%2F', '%2Fetc%2Fpasswd']) {
      const response = await server.app.inject(`/api/cases/${name}`);
      expect(response.statusCode).toBe(404);
      expect(response.json().error).toBe('not-found');
    }
    const body = (await server.app.inject('/api/cases/nope')).json();
    expect(body.issues).toEqual([
      { file: 'path', field: 'name', value: 'nope', message: 'no such case', hint: 'cases: soviet-ccp' },
    ]);
  });
});
