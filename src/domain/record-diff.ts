/** What changed between two versions of a record: episodes added and removed, and every coded field changed. */
import { EPISODE_FIELDS, type Episode } from './episode-schema.js';

export interface FieldChange {
  readonly field: string;
  readonly from: unknown;
  readonly to: unknown;
}

export interface EpisodeChange {
  readonly id: string;
  readonly changes: readonly FieldChange[];
}

export interface RecordDiff {
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly changed: readonly EpisodeChange[];
  /** How many episodes changed in each field, fields in codebook order. */
  readonly byField: Readonly<Record<string, number>>;
}

/** Values compare by their JSON, so that lists, sources and bases compare by content. */
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function diffRecords(before: readonly Episode[], after: readonly Episode[]): RecordDiff {
  const old = new Map(before.map((e) => [e.id, e]));
  const next = new Map(after.map((e) => [e.id, e]));
  const added = [...next.keys()].filter((id) => !old.has(id)).sort(byId);
  const removed = [...old.keys()].filter((id) => !next.has(id)).sort(byId);
  const changed: EpisodeChange[] = [];
  const byField: Record<string, number> = {};
  for (const id of [...next.keys()].filter((k) => old.has(k)).sort(byId)) {
    const a = old.get(id) as Episode;
    const b = next.get(id) as Episode;
    const changes = EPISODE_FIELDS.filter((f) => f !== 'id' && !same(a[f], b[f])).map((field) => ({
      field,
      from: a[field],
      to: b[field],
    }));
    if (changes.length === 0) continue;
    changed.push({ id, changes });
    for (const { field } of changes) byField[field] = (byField[field] ?? 0) + 1;
  }
  const ordered = Object.fromEntries(
    EPISODE_FIELDS.filter((f) => byField[f] !== undefined).map((f) => [f, byField[f] as number]),
  );
  return { added, removed, changed, byField: ordered };
}
