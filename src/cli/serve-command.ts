/** `meddle serve`: the HTTP API and the web app in one process, on 127.0.0.1 unless told otherwise. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { InputError } from '../domain/index.js';
import { openStore } from '../store/index.js';
import { line } from './cli-io.js';
import { type CommandContext, collect } from './command-context.js';
import { commandDescription } from './command-groups.js';
import { MEDDLE_VERSION } from './version.js';

/** The built web app: dist/web, the same path from src/cli and from dist/cli. */
export const WEB_ROOT = fileURLToPath(new URL('../../dist/web/', import.meta.url));

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

function portNumber(text: string): number {
  if (/^\d+$/.test(text) && Number(text) <= 65_535) return Number(text);
  throw new InputError({
    field: '--port',
    value: text,
    message: 'not a port',
    hint: 'a whole number from 0 to 65535',
  });
}

export interface ServeOptions {
  readonly port: string;
  readonly host: string;
  readonly allowedHost: readonly string[];
}

/** Resolves when the server has stopped, on SIGINT or SIGTERM. */
export function registerServeCommand(program: Command, context: CommandContext): void {
  const { io } = context;
  program
    .command('serve')
    .description(commandDescription('serve'))
    .option('--port <port>', 'TCP port (0 for any free one)', '8080')
    .option(
      '--host <address>',
      'address to bind; anything but loopback exposes the record to the network',
      '127.0.0.1',
    )
    .option(
      '--allowed-host <name>',
      'a host name requests may be addressed to (Host header, any port), repeatable; besides localhost, ' +
        '127.0.0.1, [::1] and the bound address, others are answered 421 (a guard against DNS rebinding)',
      collect,
      [],
    )
    .action(async (options: ServeOptions, command: Command) => {
      const port = portNumber(options.port);
      const { buildServer } = context.ports;
      if (buildServer === undefined) throw new Error('this build of meddle has no HTTP server to start');
      const token = io.env.MEDDLE_TOKEN;
      const store = await openStore(context.dbSpec(command));
      const app = await buildServer({
        store,
        version: MEDDLE_VERSION,
        token,
        webRoot: WEB_ROOT,
        allowedHosts: options.allowedHost,
        logger: { level: io.env.MEDDLE_LOG_LEVEL ?? 'warn' },
      });
      try {
        await app.listen({ port, host: options.host });
      } catch (error) {
        await app.close();
        await store.close();
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL')
          throw new InputError({
            field: code === 'EADDRNOTAVAIL' ? '--host' : '--port',
            value: code === 'EADDRNOTAVAIL' ? options.host : String(port),
            message: code === 'EADDRINUSE' ? 'the port is in use' : `cannot listen there (${code})`,
            hint:
              code === 'EADDRINUSE' ? 'choose another with --port' : 'use 127.0.0.1 and a port above 1023',
          });
        throw error;
      }
      const address = app.server.address();
      const bound = typeof address === 'object' && address !== null ? address.port : port;
      const shown = options.host.includes(':') ? `[${options.host}]` : options.host;
      line(io.out, `meddle ${MEDDLE_VERSION} serving http://${shown}:${bound}/ from ${store.location}`);
      line(
        io.out,
        token !== undefined && token !== ''
          ? 'writes need "Authorization: Bearer $MEDDLE_TOKEN"'
          : 'read-only: set MEDDLE_TOKEN to accept writes',
      );
      if (!existsSync(WEB_ROOT)) line(io.err, 'warning: no web app in dist/web; run npm run build');
      if (!LOOPBACK.has(options.host))
        line(io.err, `warning: listening on ${options.host}, reachable from other machines`);
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          resolve();
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
      await app.close();
      await store.close();
    });
}
