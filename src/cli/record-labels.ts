/** What commands that read the record print beside it: the provenance of a JSON output and states' labels. */
import type { Episode } from '../domain/index.js';
import { loadStateTable, type RecordProvenance, type RecordStore, recordProvenance } from '../store/index.js';
import { MEDDLE_VERSION } from './version.js';

/** What every JSON output opens with: who made it from which data. */
export interface Provenance {
  readonly meddle: string;
  readonly record: RecordProvenance;
}

export async function provenanceOf(store: RecordStore, episodes?: readonly Episode[]): Promise<Provenance> {
  const all = episodes ?? (await store.listEpisodes());
  return { meddle: MEDDLE_VERSION, record: recordProvenance(await store.recordVersion(), all) };
}

/** A state's abbreviation for tables (`USA`), or its code when the list lacks it. */
export function stateAbbr(cow: number): string {
  return loadStateTable().byCode(cow)?.abbr ?? String(cow);
}

export function stateName(cow: number): string {
  return loadStateTable().byCode(cow)?.name ?? String(cow);
}
