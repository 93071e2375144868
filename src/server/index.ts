/** The HTTP API and the web app's server. */
export * from './api-error.js';
export * from './api-schemas.js';
export * from './build-server.js';
export * from './openapi-document.js';
export * from './route-table.js';
