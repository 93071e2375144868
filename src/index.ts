/** meddle as a library: the domain model, the stores and files, and the renderers. */

export * from './assess/index.js';
export * from './domain/index.js';
export * from './render/index.js';
export * from './store/index.js';
