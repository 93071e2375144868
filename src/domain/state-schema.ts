/** States of the Correlates of War list: code, name, and the years each was a member and a major power. */
import { z } from 'zod';
import { sourceSchema } from './source-schema.js';

export const cowCodeSchema = z.int().min(1).max(999).brand<'CowCode'>();
export type CowCode = z.infer<typeof cowCodeSchema>;

/** A span of years, both ends included; an open end (`null`) runs on past the list's last year. */
const spellSchema = z.tuple([z.int(), z.int().nullable()]);
export type Spell = z.infer<typeof spellSchema>;

export const stateSchema = z.strictObject({
  cow: z.int().min(1).max(999),
  abbr: z.string().regex(/^[A-Z]{3}$/),
  name: z.string().min(1),
  member: z.array(spellSchema).min(1),
  major: z.array(spellSchema),
});
export type State = z.infer<typeof stateSchema>;

export const stateTableSchema = z.strictObject({
  source: sourceSchema.and(z.object({ note: z.string().optional() })),
  states: z.array(stateSchema).min(1),
});
export type StateTableData = z.infer<typeof stateTableSchema>;
