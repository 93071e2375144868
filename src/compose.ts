/**
 * The composition root: the one place that knows every edge. It hands the CLI the HTTP server as a port, so that
 * `src/cli/` never imports `src/server/`; the server is loaded only when `meddle serve` asks for it.
 */
import type { CliPorts } from './cli/command-context.js';

export const ports: CliPorts = {
  async buildServer(options) {
    const { buildServer } = await import('./server/index.js');
    return buildServer(options);
  },
};
