/** Earlier releases of the record, as a result that cites one needs them: stored, checked, selectable, compared. */
import { describe, expect, it } from 'vitest';
import { isInputError } from '../src/domain/index.js';
import { listReleases, loadBundledRecord, loadRelease } from '../src/store/index.js';
import { meddle } from './support/cli.js';
import { useTestServer } from './support/server.js';

/** Every stored release with the hash and size it was published with (docs/data.md, its changelog). */
const PUBLISHED = [
  {
    version: '2026.11.0',
    hash: '5a075800458a40577b42a3f7873d246fe1fa909158a0b0f90f3a5fe755360753',
    episodes: 195,
  },
  // The first with levels 2 and 3.
  {
    version: '2026.12.0',
    hash: 'd30e4e5934798946cdbc78318faaf7792f76729096a1295fcc00769b768fc63a',
    episodes: 194,
  },
  // Grievance and exposure by the clarified rules.
  {
    version: '2026.12.1',
    hash: 'f025f7c8ac256639a9660b71b448c3f755da9ac149b016743ede5dc61f0f8e0a',
    episodes: 194,
  },
  // The unknowns searched again, notes in line with the values.
  {
    version: '2026.12.2',
    hash: 'fd202e32d7edf737030694bb929214bf888aa1e506326375d6d98725c6d81fdc',
    episodes: 194,
  },
  // Non-superpower interferers and more US and Soviet operations from the leads.
  {
    version: '2026.12.3',
    hash: 'a5bc91a9b1a69b6dc6c10fcf312a4d3f94e1cf4dcbbb1549de46d7996eb0084d',
    episodes: 241,
  },
  // Other interferers' wars in the Congo, Sudan and the Middle East; five more US operations.
  {
    version: '2026.12.4',
    hash: 'b71651f94b5d5bd96be2de82bcd1a03432aa88f242d45f59114e8f520b7ab90c',
    episodes: 262,
  },
  // UN panels on Africa's wars after 2000, regional powers of the Cold War, China and the US after 2000.
  {
    version: '2026.12.5',
    hash: 'f1b506aebf19e91340b7a8c41d11e804762708bb7f31a2f5e53732f8eee3bb87',
    episodes: 281,
  },
  // O'Rourke's cases and Levin's failed challengers, interferers beyond the superpowers after 2000.
  {
    version: '2026.12.6',
    hash: '639341fddc988201d3219ceda907b8fc45a5ddcb21de77386db6d70a4f272273',
    episodes: 305,
  },
  // Levin's and O'Rourke's gaps: US and Soviet electoral interventions, FRELIMO and Force Ouvrière.
  {
    version: '2026.12.7',
    hash: '2db87379e4ddc8d6e9138118ff27c471ca792230784d898e0c3b50749e0ef031',
    episodes: 319,
  },
] as const;
const PUBLISHED_2026_11 = PUBLISHED[0].hash;
const current = loadBundledRecord().provenance;
const server = useTestServer();

describe('the stored releases', () => {
  it('rebuild each release with the hash it was published with, beside the current release', () => {
    for (const release of PUBLISHED) expect(loadRelease(release.version).provenance).toEqual(release);
    expect(listReleases()[0]).toBe(current.version);
    expect(listReleases()).toContain('2026.11.0');
  });

  it("refuse an unknown release as the user's error, naming those there are", () => {
    try {
      loadRelease('1999.1.0');
      expect.unreachable();
    } catch (error) {
      expect(isInputError(error)).toBe(true);
      expect((error as Error).message).toContain('2026.11.0');
    }
  });
});

describe('meddle --record and record diff', () => {
  it('reads a release instead of a database, and names it in the provenance', async () => {
    const run = await meddle(['--record', '2026.11.0', 'record', 'stats', '--json']);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as {
      record: { version: string; hash: string };
      coverage: { episodes: number };
    };
    expect(out.record).toMatchObject({ version: '2026.11.0', hash: PUBLISHED_2026_11 });
    expect(out.coverage.episodes).toBe(195);
  });

  it('refuses --record with --db, and an unknown release, with exit 2', async () => {
    expect((await meddle(['--record', '2026.11.0', '--db', 'x.db', 'record', 'list'])).code).toBe(2);
    const unknown = await meddle(['--record', 'nope', 'record', 'list']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no such release');
  });

  it('lists what changed between two releases, field by field', async () => {
    const run = await meddle(['record', 'diff', '2026.11.0', current.version, '--json']);
    expect(run.code).toBe(0);
    const diff = JSON.parse(run.stdout) as {
      removed: string[];
      changed: { id: string; changes: { field: string; from: unknown; to: unknown }[] }[];
    };
    expect(diff.removed).toContain('usa-guy-1961-election');
    const italy = diff.changed.find((c) => c.id === 'usa-ita-1948-election');
    expect(italy?.changes.map((c) => c.field)).toContain('alignedThrough');
    expect(italy?.changes.find((c) => c.field === 'alignedThrough')).toMatchObject({ from: null });
    const same = await meddle(['record', 'diff', current.version, current.version, '--summary']);
    expect(same.stdout).toContain('0 added, 0 removed, 0 changed');
  });

  it('exits 2 for a name that is neither a release nor a file', async () => {
    const run = await meddle(['record', 'diff', '2026.11.0', 'no-such-file.json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('neither a release nor a file');
  });
});

describe('record= over HTTP', () => {
  it('lists the releases and serves a list, an episode and a table from one', async () => {
    const releases = (await server.app.inject('/api/releases')).json() as { releases: { version: string }[] };
    expect(releases.releases.map((r) => r.version)).toEqual(listReleases());
    const list = await server.app.inject('/api/episodes?record=2026.11.0&kind=electoral');
    expect(list.statusCode).toBe(200);
    expect(list.json().provenance.record.hash).toBe(PUBLISHED_2026_11);
    const gone = await server.app.inject('/api/episodes/usa-guy-1961-election?record=2026.11.0');
    expect(gone.statusCode).toBe(200);
    expect((await server.app.inject('/api/episodes/usa-guy-1961-election')).statusCode).toBe(404);
    const table = await server.app.inject('/api/table?row=proxyOutcome&by=side&record=2026.11.0');
    expect(table.json().provenance.record.version).toBe('2026.11.0');
  });

  it('answers an unknown release with 400 naming the parameter', async () => {
    const response = await server.app.inject('/api/episodes?record=nope');
    expect(response.statusCode).toBe(400);
    expect(response.json().issues[0]).toMatchObject({ file: 'query', field: 'record' });
  });
});
