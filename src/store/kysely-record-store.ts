/** The record store over any kysely dialect: the queries, written once for SQLite and PostgreSQL. */
import type { Kysely } from 'kysely';
import type { Episode } from '../domain/index.js';
import type { Database, EpisodeTable } from './database-types.js';
import type { Condition, EpisodeFilter } from './episode-filter.js';
import { codeRows, episodeRow, episodesFromRows, sourceRows } from './episode-rows.js';
import type { OnExisting, RecordStore, WriteReport } from './record-store.js';

/** Filter fields held in the episode table, with their column. */
const COLUMNS = {
  id: 'id',
  interferer: 'interferer',
  target: 'target',
  targetClass: 'target_class',
  startYear: 'start_year',
  endYear: 'end_year',
  kind: 'kind',
  side: 'side',
  covert: 'covert',
  proxyType: 'proxy_type',
  proxyOutcome: 'proxy_outcome',
  payoff: 'payoff',
  defected: 'defected',
  exposed: 'exposed',
  dispute: 'dispute',
  grievance: 'grievance',
} as const satisfies Partial<Record<Condition['field'], keyof EpisodeTable>>;

const LIST_FIELDS = new Set(['partners', 'means', 'rationale']);

/** Rows are inserted in slices to stay under SQLite's and PostgreSQL's limits on bound parameters. */
const SLICE = 200;

function* slices<T>(rows: readonly T[]): Generator<T[]> {
  for (let i = 0; i < rows.length; i += SLICE) yield rows.slice(i, i + SLICE);
}

export function createKyselyRecordStore(db: Kysely<Database>, location: string): RecordStore {
  async function insertAll(trx: Kysely<Database>, episodes: readonly Episode[]): Promise<void> {
    for (const part of slices(episodes.map(episodeRow)))
      await trx.insertInto('episode').values(part).execute();
    for (const part of slices(episodes.flatMap(codeRows)))
      await trx.insertInto('episode_code').values(part).execute();
    for (const part of slices(episodes.flatMap(sourceRows)))
      await trx.insertInto('episode_source').values(part).execute();
  }

  async function deleteIds(trx: Kysely<Database>, ids: readonly string[]): Promise<void> {
    for (const part of slices(ids)) {
      await trx.deleteFrom('episode_code').where('episode_id', 'in', part).execute();
      await trx.deleteFrom('episode_source').where('episode_id', 'in', part).execute();
      await trx.deleteFrom('episode').where('id', 'in', part).execute();
    }
  }

  async function load(ids?: readonly string[]): Promise<Episode[]> {
    let rows = db.selectFrom('episode').selectAll().orderBy('start_year').orderBy('id');
    if (ids !== undefined) rows = rows.where('id', 'in', ids.length > 0 ? [...ids] : ['']);
    const episodes = await rows.execute();
    if (episodes.length === 0) return [];
    const wanted = episodes.map((e) => e.id);
    const [codes, sources] = await Promise.all([
      db.selectFrom('episode_code').selectAll().where('episode_id', 'in', wanted).execute(),
      db.selectFrom('episode_source').selectAll().where('episode_id', 'in', wanted).execute(),
    ]);
    return episodesFromRows(episodes, codes, sources);
  }

  return {
    location,

    async listEpisodes(filter: EpisodeFilter = []) {
      if (filter.length === 0) return load();
      let query = db.selectFrom('episode').select('id');
      for (const { field, value } of filter) {
        const stored = typeof value === 'boolean' ? (value ? 1 : 0) : value;
        if (LIST_FIELDS.has(field)) {
          query = query.where(({ exists, selectFrom }) =>
            exists(
              selectFrom('episode_code')
                .select('episode_code.value')
                .whereRef('episode_code.episode_id', '=', 'episode.id')
                .where('episode_code.field', '=', field)
                .where('episode_code.value', '=', String(stored)),
            ),
          );
        } else {
          const column = COLUMNS[field as keyof typeof COLUMNS];
          query = query.where(column, '=', stored as never);
        }
      }
      const ids = (await query.execute()).map((r) => r.id);
      return ids.length === 0 ? [] : load(ids);
    },

    async getEpisode(id) {
      const [episode] = await load([id]);
      return episode;
    },

    async existingIds(ids) {
      const found: string[] = [];
      for (const part of slices(ids)) {
        const rows = await db.selectFrom('episode').select('id').where('id', 'in', part).execute();
        found.push(...rows.map((r) => r.id));
      }
      return found;
    },

    async writeEpisodes(episodes, onExisting: OnExisting): Promise<WriteReport> {
      return db.transaction().execute(async (trx) => {
        const ids = episodes.map((e) => e.id);
        const existing: string[] = [];
        for (const part of slices(ids)) {
          const rows = await trx.selectFrom('episode').select('id').where('id', 'in', part).execute();
          existing.push(...rows.map((r) => r.id));
        }
        if (existing.length > 0 && onExisting === 'reject')
          throw new Error(`episodes already stored: ${existing.join(', ')}`);
        await deleteIds(trx, existing);
        await insertAll(trx, episodes);
        const replaced = new Set(existing);
        return { inserted: ids.filter((id) => !replaced.has(id)), replaced: existing };
      });
    },

    async replaceAll(episodes, recordVersion) {
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('episode_code').execute();
        await trx.deleteFrom('episode_source').execute();
        await trx.deleteFrom('episode').execute();
        await trx.deleteFrom('meta').where('key', '=', 'record_version').execute();
        await trx.insertInto('meta').values({ key: 'record_version', value: recordVersion }).execute();
        await insertAll(trx, episodes);
      });
    },

    async recordVersion() {
      const row = await db
        .selectFrom('meta')
        .select('value')
        .where('key', '=', 'record_version')
        .executeTakeFirst();
      return row?.value ?? 'custom';
    },

    async close() {
      await db.destroy();
    },
  };
}
