/**
 * The request body on Node, read from the IncomingMessage that
 * @hono/node-server hands the app (`c.env.incoming`) rather than through a
 * web `Request` and its stream, which the bench's profile showed among a
 * webhook's larger costs; no further than `MAX_BODY_BYTES`.
 * https://github.com/honojs/node-server#access-the-raw-nodejs-apis
 */
import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';
import { MAX_BODY_BYTES } from './config';

/** The body as text, or undefined past `MAX_BODY_BYTES` (the rest is read and dropped, so the answer can go). */
export function readNodeBody(c: Context): Promise<string | undefined> {
  const incoming = (c.env as { incoming: IncomingMessage }).incoming;
  if (Number(incoming.headers['content-length'] || 0) > MAX_BODY_BYTES) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    incoming.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    incoming.on('end', () => resolve(size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks).toString('utf8')));
    incoming.on('error', () => resolve(undefined));
  });
}
