/** Storage and files: the record stores, the bundled data, and the CSV and JSON forms of a record. */
export * from './bundled-data.js';
export * from './case-files.js';
export * from './csv-format.js';
export * from './episode-filter.js';
export * from './json-format.js';
export * from './open-store.js';
export * from './operation-file.js';
export * from './published-file.js';
export * from './record-file.js';
export * from './record-import.js';
export * from './record-provenance.js';
export * from './record-releases.js';
export type * from './record-store.js';
export * from './reference-data.js';
export * from './sweep-partial.js';
export * from './table-file.js';
export * from './text-file.js';
