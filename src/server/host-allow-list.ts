/**
 * Refuses requests whose Host header is not one of the server's names, with 421: a page on another site whose
 * name an attacker has pointed at 127.0.0.1 (DNS rebinding) would otherwise read and write the record as this
 * origin.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError } from './api-error.js';

/** Always allowed: the loopback names. */
export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'] as const;

/** The host name of a Host header without its port, lower-cased; an IPv6 address keeps its brackets. */
export function hostName(header: string): string {
  const host = header.trim().toLowerCase();
  if (host.startsWith('[')) {
    const end = host.indexOf(']');
    return end < 0 ? host : host.slice(0, end + 1);
  }
  const colon = host.indexOf(':');
  return colon < 0 ? host : host.slice(0, colon);
}

/** A name as a Host header carries it: an IPv6 address in brackets, any port dropped. */
const normalise = (name: string): string =>
  name.includes(':') && !name.startsWith('[') ? `[${name.toLowerCase()}]` : hostName(name);

/** Adds the onRequest hook; `extra` names are allowed besides loopback and the address the server is bound to. */
export function installHostAllowList(app: FastifyInstance, extra: readonly string[]): void {
  const allowed = new Set<string>([...LOOPBACK_HOSTS, ...extra.map(normalise)]);
  // The bound address is known only once the server listens; it is read when a request comes.
  const bound = (): string | undefined => {
    const address = app.server.address();
    return typeof address === 'object' && address !== null ? normalise(address.address) : undefined;
  };
  app.addHook('onRequest', async (request: FastifyRequest) => {
    const header = request.headers.host ?? '';
    const name = hostName(header);
    if (allowed.has(name) || name === bound()) return;
    throw new ApiError(421, 'misdirected', `host: ${JSON.stringify(header)} is not a name of this server`, {
      issues: [
        {
          file: 'request',
          field: 'host',
          value: header,
          message: 'not a name of this server',
          hint: 'use localhost or 127.0.0.1, or start the server with --allowed-host NAME',
        },
      ],
    });
  });
}
