/** Look-ups over the state list: by code or abbreviation, and whether a state was a major power in a year. */
import type { TargetClass } from './codebook.js';
import type { Spell, State, StateTableData } from './state-schema.js';

export interface StateTable {
  readonly states: readonly State[];
  byCode(cow: number): State | undefined;
  /** A state by COW code, abbreviation (`USA`) or name (`Italy`), case-insensitively. */
  find(codeOrName: string | number): State | undefined;
  isMajorPower(cow: number, year: number): boolean;
  targetClass(cow: number, year: number): TargetClass;
}

const inSpell = (year: number, [from, to]: Spell): boolean => year >= from && (to === null || year <= to);

export function createStateTable(data: StateTableData): StateTable {
  const byCode = new Map(data.states.map((s) => [s.cow, s]));
  const byKey = new Map<string, State>();
  for (const s of data.states) {
    byKey.set(s.abbr.toLowerCase(), s);
    byKey.set(s.name.toLowerCase(), s);
  }
  const isMajorPower = (cow: number, year: number): boolean =>
    byCode.get(cow)?.major.some((spell) => inSpell(year, spell)) ?? false;
  return {
    states: data.states,
    byCode: (cow) => byCode.get(cow),
    find: (codeOrName) => {
      const key = String(codeOrName).trim();
      if (/^\d+$/.test(key)) return byCode.get(Number(key));
      return byKey.get(key.toLowerCase());
    },
    isMajorPower,
    targetClass: (cow, year) => (isMajorPower(cow, year) ? 'major-power' : 'minor-power'),
  };
}
