/** The domain model: codebook vocabularies, schemas of states, sources and episodes, and their validation. */

export * from './case-schema.js';
export * from './codebook.js';
export * from './coding-window.js';
export * from './csv-cell.js';
export * from './episode-field-kinds.js';
export * from './episode-schema.js';
export * from './episode-validation.js';
export * from './input-error.js';
export * from './issue-values.js';
export * from './number-format.js';
export * from './operation-schema.js';
export * from './record-coverage.js';
export * from './record-diff.js';
export * from './record-lint.js';
export * from './seed.js';
export * from './source-schema.js';
export * from './state-schema.js';
export * from './state-table.js';
export * from './suggest.js';
export * from './yaml-with-lines.js';
