/** The tables behind a record store, as kysely sees them; the same in SQLite and PostgreSQL. */
import type { Generated } from 'kysely';

export interface EpisodeTable {
  id: string;
  title: string;
  interferer: number;
  target: number;
  target_class: string;
  start_year: number;
  end_year: number | null;
  kind: string;
  side: string;
  /** 0 or 1: an integer in both dialects, so that no query needs to know which one it runs on. */
  covert: number;
  proxy_name: string;
  proxy_type: string;
  proxy_outcome: string;
  power_year: number | null;
  aligned_through: number | null;
  payoff: string;
  payoff_lost_year: number | null;
  defected: string;
  defected_year: number | null;
  exposed: string;
  dispute: string;
  grievance: string;
  /** JSON object keyed by field; null in rows written before migration 0002. */
  basis: string | null;
  notes: string;
}

export interface EpisodeCodeTable {
  episode_id: string;
  /** `partners`, `means` or `rationale`. */
  field: string;
  value: string;
}

export interface EpisodeSourceTable {
  episode_id: string;
  position: number;
  type: string | null;
  /** JSON array of names. */
  authors: string;
  title: string;
  year: number | null;
  container: string | null;
  page: string | null;
  url: string | null;
  read_at: string | null;
  doi: string | null;
  accessed: string | null;
}

export interface MetaTable {
  key: string;
  value: string;
}

export interface Database {
  episode: EpisodeTable;
  episode_code: EpisodeCodeTable;
  episode_source: EpisodeSourceTable;
  meta: MetaTable;
}

export type { Generated };
