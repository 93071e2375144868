/** The shapes the web app reads from the API, as the server's schemas describe them (src/server/api-schemas.ts). */
import type { Episode } from '../domain/episode-schema.js';

export type { Episode };

export interface ServerProvenance {
  readonly meddle: string;
  readonly record: { readonly version: string; readonly hash: string; readonly episodes: number };
  readonly model: string;
  readonly writable: boolean;
}

export interface EpisodeList {
  readonly provenance: ServerProvenance;
  readonly where: readonly string[];
  readonly count: number;
  readonly episodes: readonly Episode[];
}

export interface FieldInfo {
  readonly name: string;
  readonly type: 'code' | 'codes' | 'integer' | 'integers' | 'boolean' | 'text';
  readonly values?: readonly string[];
}

export interface Fields {
  readonly fields: readonly FieldInfo[];
  readonly exclusions: readonly { readonly rule: string; readonly description: string }[];
}

export interface StateInfo {
  readonly cow: number;
  readonly abbr: string;
  readonly name: string;
}
