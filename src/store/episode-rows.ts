/** Maps episodes to table rows and back; the one place that knows both shapes. */
import type { Selectable } from 'kysely';
import {
  type Episode,
  MEANS,
  RATIONALES,
  type Source,
  type SourceType,
  type TargetClass,
} from '../domain/index.js';
import type { EpisodeCodeTable, EpisodeSourceTable, EpisodeTable } from './database-types.js';

export function episodeRow(e: Episode): EpisodeTable {
  return {
    id: e.id,
    title: e.title,
    interferer: e.interferer,
    target: e.target,
    target_class: e.targetClass,
    start_year: e.startYear,
    end_year: e.endYear,
    kind: e.kind,
    side: e.side,
    covert: e.covert ? 1 : 0,
    proxy_name: e.proxyName,
    proxy_type: e.proxyType,
    proxy_outcome: e.proxyOutcome,
    power_year: e.powerYear,
    aligned_through: e.alignedThrough,
    payoff: e.payoff,
    payoff_lost_year: e.payoffLostYear,
    defected: e.defected,
    defected_year: e.defectedYear,
    exposed: e.exposed,
    dispute: e.dispute,
    grievance: e.grievance,
    basis: JSON.stringify(e.basis),
    notes: e.notes,
  };
}

export function codeRows(e: Episode): EpisodeCodeTable[] {
  return [
    ...e.partners.map((p) => ({ episode_id: e.id, field: 'partners', value: String(p) })),
    ...e.means.map((m) => ({ episode_id: e.id, field: 'means', value: m })),
    ...e.rationale.map((r) => ({ episode_id: e.id, field: 'rationale', value: r })),
  ];
}

export function sourceRows(e: Episode): EpisodeSourceTable[] {
  return e.sources.map((s, position) => ({
    episode_id: e.id,
    position,
    type: s.type ?? null,
    authors: JSON.stringify(s.authors),
    title: s.title,
    year: s.year,
    container: s.container ?? null,
    page: s.page ?? null,
    url: s.url ?? null,
    read_at: s.readAt ?? null,
    doi: s.doi ?? null,
    accessed: s.accessed ?? null,
  }));
}

function sourceFromRow(row: Selectable<EpisodeSourceTable>): Source {
  // In the schema's key order, so that a source read back serialises (and hashes) as it was written. Built key by
  // key: every command that lists the record reads thousands of these.
  const source: Record<string, unknown> = {};
  if (row.type !== null) source.type = row.type as SourceType;
  source.authors = JSON.parse(row.authors) as string[];
  source.title = row.title;
  source.year = row.year === null ? null : Number(row.year);
  if (row.container !== null) source.container = row.container;
  if (row.page !== null) source.page = row.page;
  if (row.url !== null) source.url = row.url;
  if (row.read_at !== null) source.readAt = row.read_at;
  if (row.doi !== null) source.doi = row.doi;
  if (row.accessed !== null) source.accessed = row.accessed;
  return source as unknown as Source;
}

const inOrder = <T extends string>(order: readonly T[], values: readonly string[]): T[] =>
  order.filter((v) => values.includes(v));

const nullableInt = (value: number | null): number | null => (value === null ? null : Number(value));

/** Rebuilds episodes from their rows, keeping the order of `rows`. */
export function episodesFromRows(
  rows: readonly Selectable<EpisodeTable>[],
  codes: readonly Selectable<EpisodeCodeTable>[],
  sources: readonly Selectable<EpisodeSourceTable>[],
): Episode[] {
  const codesOf = new Map<string, Map<string, string[]>>();
  for (const c of codes) {
    const byField = codesOf.get(c.episode_id) ?? new Map<string, string[]>();
    codesOf.set(c.episode_id, byField);
    const values = byField.get(c.field);
    if (values === undefined) byField.set(c.field, [c.value]);
    else values.push(c.value);
  }
  const sourcesOf = new Map<string, Selectable<EpisodeSourceTable>[]>();
  for (const s of sources) {
    const list = sourcesOf.get(s.episode_id);
    if (list === undefined) sourcesOf.set(s.episode_id, [s]);
    else list.push(s);
  }
  return rows.map((r) => {
    const byField = codesOf.get(r.id);
    const listed = (field: string) => byField?.get(field) ?? [];
    return {
      id: r.id,
      title: r.title,
      interferer: Number(r.interferer),
      partners: listed('partners')
        .map(Number)
        .sort((a, b) => a - b),
      target: Number(r.target),
      startYear: Number(r.start_year),
      endYear: nullableInt(r.end_year),
      kind: r.kind as Episode['kind'],
      side: r.side as Episode['side'],
      means: inOrder(MEANS, listed('means')),
      covert: Number(r.covert) === 1,
      rationale: inOrder(RATIONALES, listed('rationale')),
      proxyName: r.proxy_name,
      proxyType: r.proxy_type as Episode['proxyType'],
      proxyOutcome: r.proxy_outcome as Episode['proxyOutcome'],
      powerYear: nullableInt(r.power_year),
      alignedThrough: nullableInt(r.aligned_through),
      payoff: r.payoff as Episode['payoff'],
      payoffLostYear: nullableInt(r.payoff_lost_year),
      defected: r.defected as Episode['defected'],
      defectedYear: nullableInt(r.defected_year),
      exposed: r.exposed as Episode['exposed'],
      dispute: r.dispute as Episode['dispute'],
      grievance: r.grievance as Episode['grievance'],
      basis: (r.basis === null ? {} : JSON.parse(r.basis)) as Episode['basis'],
      notes: r.notes,
      sources: (sourcesOf.get(r.id) ?? []).sort((a, b) => a.position - b.position).map(sourceFromRow),
      targetClass: r.target_class as TargetClass,
    };
  });
}
