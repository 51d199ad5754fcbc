// Where the relay's time goes: a V8 CPU profile (node --cpu-prof) of relay/dist/node.mjs, summed by self
// time into what the code does. Native work (SQLite, OpenSSL, socket writes) counts towards the JavaScript
// function that called it. Used by `node bench/relay.mjs --profile`.
// https://nodejs.org/api/cli.html#--cpu-prof
import { readFileSync } from 'node:fs';

/** Each function of the bundle and the runtime, by name or file, to the part of the relay it belongs to. */
const PARTS = [
  [
    'SQLite: statements and group commit',
    (fn, url) => url.endsWith('node.mjs') && /^(commit|runStatement|prepare|enqueue|batch|accept|lease|finish|hit|requeue|prune)$/.test(fn),
  ],
  [
    'AES-GCM tokens and outbox, SHA-256 keys',
    (fn, url) => /crypto/.test(url) || /^(sealJson|openJson|openToken|keyBytes|fromBase64Url|sha256|randomFillSync|randomUUID)$/.test(fn),
  ],
  [
    'Measurement Protocol body, validation, webhook parsing',
    (fn) =>
      /^(buildMeasurementBody|validateMeasurementBody|forDelivery|joinsSession|parseWebhook|parseTokenRequest|idempotencyKey|isRecord|isTime)$/.test(
        fn,
      ),
  ],
  [
    'GA4 requests (nodePost: the node:http client)',
    (fn, url) => /_http_client|_http_agent/.test(url) || /^(sendMeasurement|nodePost)$/.test(fn),
  ],
  [
    'HTTP server and sockets (node:http, @hono/node-server, undici Request/Response)',
    (fn, url) =>
      /_http_|node:net|stream_base|node:stream|streams\/|node:events|http_parser|undici|webstreams/.test(url) ||
      /^(writev|writeUtf8String|writeBuffer|parserOnIncoming)$/.test(fn),
  ],
  ['JSON', (fn) => fn == 'parse' || fn == 'stringify'],
  ['garbage collection', (fn) => fn == '(garbage collector)'],
  ['idle (waiting for the network or the load)', (fn) => fn == '(idle)'],
];
const OTHER_RELAY = 'Hono routing, the relay app and its log';
const OTHER = 'V8 and Node internals, microtasks';

/** Milliseconds of self time per part, and the top functions. */
export function summarizeProfile(path) {
  const profile = JSON.parse(readFileSync(path, 'utf8'));
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parts = new Map();
  const functions = new Map();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const { functionName, url } = nodes.get(id).callFrame;
    const fn = functionName || '(anonymous)';
    const ms = (profile.timeDeltas[i] || 0) / 1000;
    total += ms;
    const part = (PARTS.find(([, test]) => test(fn, url)) || [url.endsWith('node.mjs') ? OTHER_RELAY : OTHER])[0];
    parts.set(part, (parts.get(part) || 0) + ms);
    const key = fn + ' ' + (url.split('/').pop() || '');
    functions.set(key, (functions.get(key) || 0) + ms);
  });
  const share = (ms) => ((100 * ms) / total).toFixed(1) + ' %';
  return {
    total,
    parts: [...parts].sort((a, b) => b[1] - a[1]).map(([part, ms]) => ({ part, 'ms (self)': Math.round(ms), share: share(ms) })),
    top: [...functions]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 12)
      .map(([fn, ms]) => ({ function: fn, 'ms (self)': Math.round(ms), share: share(ms) })),
  };
}
