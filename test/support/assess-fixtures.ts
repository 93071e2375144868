/** Small synthetic episodes and operations for the assessment's unit tests. */
import type { Episode } from '../../src/domain/episode-schema.js';
import type { Operation } from '../../src/domain/operation-schema.js';

export function testEpisode(id: string, fields: Partial<Episode> = {}): Episode {
  return {
    id,
    title: id,
    interferer: 2,
    partners: [],
    target: 94,
    targetClass: 'minor-power',
    startYear: 1960,
    endYear: 1960,
    kind: 'electoral',
    side: 'incumbent',
    means: ['financing'],
    covert: true,
    rationale: ['intentions'],
    proxyName: 'a party',
    proxyType: 'foreign-policy-sympathizer',
    proxyOutcome: 'won',
    powerYear: null,
    alignedThrough: null,
    payoff: 'unknown',
    payoffLostYear: null,
    defected: 'unknown',
    defectedYear: null,
    exposed: 'unknown',
    dispute: 'unknown',
    grievance: 'unknown',
    basis: {},
    notes: '',
    sources: [{ authors: ['Levin, Dov H.'], title: 'Meddling in the ballot box', year: 2020, page: '1' }],
    ...fields,
  };
}

export function testOperation(fields: Partial<Operation> = {}): Operation {
  return {
    name: 'test-operation',
    title: 'A test operation',
    interferer: 2,
    target: 94,
    targetClass: 'minor-power',
    year: 1960,
    kind: 'electoral',
    side: 'incumbent',
    means: ['financing'],
    covert: true,
    rationale: ['intentions'],
    proxy: { name: 'a party', capability: 0.6, divergence: 0.15, intermediaries: 0 },
    pressure: 0.2,
    horizon: 10,
    seed: 1,
    runs: 400,
    notes: '',
    ...fields,
  };
}
