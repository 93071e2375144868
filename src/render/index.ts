/** Output formats: text tables and citations. */
export * from './citation.js';
export * from './text-table.js';
