/**
 * The relay's requests to GA4 on Node, through `node:http(s)` with kept-alive
 * connections: the subset of `fetch` that `sendMeasurement` uses (POST a body,
 * read the status, a header, the JSON answer). The bench's CPU profile showed
 * the platform `fetch` (undici: Request, Headers and stream objects per call)
 * as the largest part of a webhook's cost; this is a fraction of it. The
 * Worker keeps the platform's `fetch`.
 * https://nodejs.org/api/http.html#httprequesturl-options-callback
 */
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

// One pool per scheme, connections kept between deliveries (a drain sends up to 25 at once).
const agents = { 'http:': new HttpAgent({ keepAlive: true }), 'https:': new HttpsAgent({ keepAlive: true }) };

/** The answer as a web `Response` (a 204 or 304 has no body), with the headers the relay reads. */
function toResponse(message: IncomingMessage, body: Buffer): Response {
  const headers = new Headers();
  for (const name of ['content-type', 'retry-after']) {
    const value = message.headers[name];
    if (typeof value == 'string') headers.set(name, value);
  }
  const status = message.statusCode || 0;
  return new Response(status == 204 || status == 304 ? null : new Uint8Array(body), { status, headers });
}

/** POSTs `init.body` to `input` and resolves with GA4's answer; rejects on network errors and on `init.signal`'s abort. */
export const nodeFetch = ((input: string | URL, init: RequestInit = {}): Promise<Response> =>
  new Promise((resolve, reject) => {
    const url = new URL(String(input));
    const send = url.protocol == 'https:' ? httpsRequest : httpRequest;
    const request = send(
      url,
      {
        method: init.method || 'GET',
        headers: init.headers as Record<string, string>,
        agent: agents[url.protocol as keyof typeof agents],
        signal: init.signal || undefined,
      },
      (message) => {
        const chunks: Buffer[] = [];
        message.on('data', (chunk: Buffer) => chunks.push(chunk));
        message.on('end', () => resolve(toResponse(message, Buffer.concat(chunks))));
        message.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(typeof init.body == 'string' ? init.body : undefined);
  })) as typeof fetch;
