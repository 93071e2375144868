/** A bibliographic source: what a reader needs to find the evidence behind a coding. */
import { z } from 'zod';
import { SOURCE_TYPES } from './codebook.js';

/** `|` and line breaks are reserved by the CSV form of sources (one source a line, parts split by `|`). */
const text = z
  .string()
  .trim()
  .min(1)
  .regex(/^[^|\r\n]*$/, 'a line break or "|" cannot appear in a source field');
const author = text.regex(/^[^;]*$/, '";" separates authors; give each author as its own list entry');

/** The fields of a source, before the rule that a reader must be able to find it. */
export const sourceFieldsSchema = z.strictObject({
  // Optional, so that files written before source types were coded still read.
  type: z.enum(SOURCE_TYPES).optional().describe('official, scholarly, press, reference or other'),
  authors: z.array(author).min(1, 'name at least one author (a person or an organisation)'),
  title: text,
  year: z.int().min(1800).max(2100).nullable().describe('null for an undated work (cited as n.d.)'),
  container: text.optional().describe('journal, book, series or website the work appears in'),
  page: text.optional(),
  url: z
    .url({ protocol: /^https?$/ })
    .regex(/^[^|\s]*$/, 'a URL has no spaces or "|"')
    .optional(),
  readAt: z
    .url({ protocol: /^https?$/ })
    .regex(/^[^|\s]*$/, 'a URL has no spaces or "|"')
    .optional()
    .describe("where a copy of the work was read, when that is not the work's own address"),
  doi: z
    .string()
    .regex(/^10\.\d{4,9}\/\S+$/, 'a DOI looks like 10.1177/0738894216661190')
    .optional(),
  accessed: z.iso.date().optional().describe('when an online source was read, YYYY-MM-DD'),
});

export const sourceSchema = sourceFieldsSchema.refine(
  (s) => s.page !== undefined || s.url !== undefined || s.doi !== undefined,
  {
    message: 'a source needs a page, a URL or a DOI so that a reader can find it',
    path: ['url'],
  },
);

export type Source = z.infer<typeof sourceSchema>;
