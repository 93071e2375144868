/**
 * Compression of a response the server keeps rendered: the encoding a client accepts, and the encoded bytes made
 * once per rendered body rather than on every request, as @fastify/compress does for the rest.
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export type ResponseEncoding = 'br' | 'gzip' | 'identity';

/** The weight an Accept-Encoding header gives a coding: 0 when absent or refused. */
function weight(header: string, coding: string): number {
  let star = 0;
  for (const part of header.toLowerCase().split(',')) {
    const [name = '', ...params] = part.split(';').map((p) => p.trim());
    const q = params.find((p) => p.startsWith('q='));
    const value = q === undefined ? 1 : Number(q.slice(2));
    const w = Number.isFinite(value) ? value : 0;
    if (name === coding) return w;
    if (name === '*') star = w;
  }
  return star;
}

/** br when accepted (smaller), else gzip, else the bytes as they are. */
export function negotiateEncoding(header: string | undefined): ResponseEncoding {
  if (header === undefined || header === '') return 'identity';
  const br = weight(header, 'br');
  const gzip = weight(header, 'gzip');
  if (br > 0 && br >= gzip) return 'br';
  if (gzip > 0) return 'gzip';
  return 'identity';
}

/**
 * Brotli at quality 5: near gzip's speed and smaller. Each rendered body is compressed once, so the cost is paid
 * once per record version and query.
 */
export function encodeBody(bytes: Buffer, encoding: ResponseEncoding): Buffer {
  if (encoding === 'br')
    return brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 5,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    });
  if (encoding === 'gzip') return gzipSync(bytes, { level: 6 });
  return bytes;
}
