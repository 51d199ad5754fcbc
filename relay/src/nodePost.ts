/**
 * The relay's requests to GA4 on Node: one POST through `node:http(s)` with
 * kept-alive connections, the answer read as text. The bench's CPU profile
 * showed the platform `fetch` (undici's Request, Headers and web streams per
 * call) as the largest part of a webhook's cost; this is a fraction of it. The
 * Worker posts with the platform's `fetch` (`postWithFetch`).
 * https://nodejs.org/api/http.html#httprequesturl-options-callback
 */
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { PostJson } from './sendMeasurement';

// One pool per scheme, connections kept between deliveries (a drain sends up to 25 at once).
const agents = { 'http:': new HttpAgent({ keepAlive: true }), 'https:': new HttpsAgent({ keepAlive: true }) };

/** POSTs `json` to `url`; rejects on network errors and when no answer has come within `timeoutMs`. */
export const nodePost: PostJson = (url, json, timeoutMs) =>
  new Promise((resolve, reject) => {
    const target = new URL(url);
    const send = target.protocol == 'https:' ? httpsRequest : httpRequest;
    const request = send(
      target,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) },
        agent: agents[target.protocol as keyof typeof agents],
      },
      (message) => {
        let text = '';
        message.setEncoding('utf8');
        message.on('data', (chunk: string) => (text += chunk));
        message.on('end', () => {
          clearTimeout(timer);
          const retryAfter = message.headers['retry-after'];
          resolve({ status: message.statusCode || 0, retryAfter: typeof retryAfter == 'string' ? retryAfter : null, text });
        });
        message.on('error', reject);
      },
    );
    const timer = setTimeout(() => request.destroy(new Error('no answer within ' + timeoutMs + ' ms')), timeoutMs);
    request.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    request.end(json);
  });
