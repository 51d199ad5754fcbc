/**
 * The relay as one Hono app, runtime-neutral: the Node server and the
 * Cloudflare Worker wrap the same `createRelay`, giving it their store, clock
 * and `fetch`.
 *
 *   POST /v1/tokens          a site's page asks for a per-booking webhook URL
 *   POST /v1/hooks/:token    Chili Piper calls that URL when the meeting changes
 *   GET  /healthz
 *
 * Nothing personal is stored or logged: tokens, route ids and client
 * addresses are stored only as hashes, the outbox only sealed, and log lines
 * carry outcomes, action types and counts, never an id.
 * https://hono.dev/docs/api/hono
 */
import { Buffer } from 'node:buffer';
import { createHash, randomUUID } from 'node:crypto';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { MAX_BODY_BYTES, type RelayConfig } from './config';
import { BACKDATE_LIMIT, buildMeasurementBody, forDelivery, validateMeasurementBody, type MeasurementBody } from './measurementProtocol';
import { postWithFetch, sendMeasurement, type PostJson, type SendResult } from './sendMeasurement';
import type { OutboxEntry, RelayStore } from './store';
import { openJson, openToken, sealJson, sealToken } from './token';
import { parseTokenRequest } from './tokenRequest';
import { parseWebhook } from './webhook';

/** One structured log line: never an id, a token, an address or a secret. */
export interface LogEntry {
  what: 'token' | 'webhook' | 'delivery' | 'validation';
  outcome: string;
  action?: string;
  status?: number;
  attempts?: number;
  /** The offending field of a refused request. */
  field?: string;
  /** GA4's validation messages (debug mode), or the local validator's. */
  messages?: unknown[];
}

/** What a runtime hands the relay. */
export interface RelayDeps {
  config: RelayConfig;
  store: RelayStore;
  /** Epoch ms; a fake clock in tests. */
  now?: () => number;
  /** How requests reach GA4: Node's nodePost, or the platform's fetch (the Worker; a fake GA4 in tests). */
  post?: PostJson;
  /** The fetch that `postWithFetch` uses when no `post` is given: the platform's by default. */
  fetch?: typeof fetch;
  /** One structured line per outcome; JSON on stdout by default. */
  log?: (entry: LogEntry) => void;
  /** The client's address, for the token rate limit (the runtime knows where it is). */
  clientAddress?: (c: Context) => string | undefined;
  /**
   * The request body as text, or undefined past `MAX_BODY_BYTES`: the Fetch API request's by default;
   * Node reads its IncomingMessage (nodeBody.ts), sparing a web stream per request.
   */
  readBody?: (c: Context) => Promise<string | undefined>;
  /** Keeps work going after the answer where the runtime would stop it (the Worker's `waitUntil`). */
  background?: (c: Context, work: Promise<unknown>) => void;
}

const MINUTE = 60 * 1000;
/** A lease long enough for one Measurement Protocol request and its timeout. */
const LEASE_MS = MINUTE;
/** Entries leased and sent at a time (GA4 requests in flight at most). */
const DRAIN_BATCH = 25;
/** Retries back off from 30 s, doubling, up to an hour apart, and never sooner than GA4's Retry-After. */
const FIRST_RETRY_MS = 30 * 1000;
const LONGEST_RETRY_MS = 60 * MINUTE;
/**
 * The last moment an outbox entry is sent, counted from its arrival: 10
 * minutes inside the 72 h backdating limit, so no request leaves with a
 * timestamp GA4 would drop on the way.
 */
export const DELIVERY_DEADLINE = BACKDATE_LIMIT - 10 * MINUTE;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The Fetch API request's body as text, read no further than `MAX_BODY_BYTES`; undefined past it. */
export async function readWebBody(c: Context): Promise<string | undefined> {
  if (Number(c.req.header('content-length') || 0) > MAX_BODY_BYTES) return undefined;
  const reader = c.req.raw.body && c.req.raw.body.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    size += read.value.length;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(read.value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** A small JSON body whatever its content type (pages send text/plain to avoid a CORS preflight); undefined when it is not JSON. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const defaultLog = (entry: LogEntry) => console.log(JSON.stringify(entry));

/** When a failed delivery is tried again: backoff, Retry-After, and one last try at the deadline. */
export function nextAttemptAt(entry: OutboxEntry, at: number, retryAfter: number | undefined): number {
  const backoff = Math.min(FIRST_RETRY_MS * 2 ** (entry.attempts - 1), LONGEST_RETRY_MS);
  return Math.min(at + Math.max(backoff, retryAfter || 0), entry.createdAt + DELIVERY_DEADLINE);
}

/**
 * The relay's app, `drain()` that delivers what is due in the outbox (run after each webhook),
 * `maintain()` for the periodic run, and `settled()` for deliveries under way.
 */
export function createRelay(deps: RelayDeps) {
  const { config, store } = deps;
  const now = deps.now || Date.now;
  const log = deps.log || defaultLog;
  const post = deps.post || postWithFetch(deps.fetch);
  const app = new Hono();
  const readBody = deps.readBody || readWebBody;

  app.get('/healthz', (c) => c.text('ok'));

  // Token issuance: only for the sites listed (anyone else gets a plain 403, preflight included, with no
  // CORS headers), a few per minute per address.
  const allowedOnly: MiddlewareHandler = async (c, next) => {
    if (config.allowedOrigins.indexOf(c.req.header('origin') || '') >= 0) return next();
    if (c.req.method != 'OPTIONS') log({ what: 'token', outcome: 'origin not allowed' });
    return c.req.method == 'OPTIONS' ? c.body(null, 403) : c.json({ error: 'origin not allowed' }, 403);
  };
  // https://hono.dev/docs/middleware/builtin/cors
  app.use(
    '/v1/tokens',
    allowedOnly,
    cors({ origin: config.allowedOrigins, allowMethods: ['POST'], allowHeaders: ['content-type'], maxAge: 86400 }),
  );
  app.post('/v1/tokens', async (c) => {
    const text = await readBody(c);
    if (text === undefined) return c.json({ error: 'body too large' }, 413);
    const at = now();
    const address = (deps.clientAddress && deps.clientAddress(c)) || 'unknown';
    // A salted hash: the address itself is never stored, and the bucket is useless after its minute.
    const bucket = sha256(Object.values(config.tokenKeys)[0] + '|' + address + '|' + Math.floor(at / MINUTE));
    if ((await store.hit(bucket, at, MINUTE)) > config.tokensPerMinute) {
      log({ what: 'token', outcome: 'rate limited' });
      return c.json({ error: 'too many requests' }, 429, { 'retry-after': '60' });
    }
    const parsed = parseTokenRequest(parseJson(text));
    if ('error' in parsed) {
      log({ what: 'token', outcome: 'invalid request', field: parsed.error.field });
      return c.json({ error: 'invalid request', ...parsed.error }, 400);
    }
    const { request } = parsed;
    // Without analytics consent there is nothing to measure: no token at all.
    if (!request.analyticsConsent) {
      log({ what: 'token', outcome: 'no consent' });
      return c.json({ error: 'analytics consent required', field: 'analyticsConsent' }, 403);
    }
    const expiresAt = at + config.tokenTtlMs;
    const token = sealToken({ ...request, issuedAt: at, expiresAt }, config.tokenKeys);
    log({ what: 'token', outcome: 'issued' });
    return c.json({ webhookUrl: config.publicUrl + '/v1/hooks/' + token, expiresAt }, 201);
  });

  // Webhook receipt: Chili Piper signs nothing, so the sealed token and the strict body are the protection.
  app.post('/v1/hooks/:token', async (c) => {
    const text = await readBody(c);
    if (text === undefined) return c.json({ error: 'body too large' }, 413);
    const at = now();
    const token = c.req.param('token');
    const claims = openToken(token, config.tokenKeys, at);
    // One answer for unknown, tampered and expired tokens: nothing to learn by probing.
    if (!claims) {
      log({ what: 'webhook', outcome: 'unknown token' });
      return c.json({ error: 'not found' }, 404);
    }
    const parsed = parseWebhook(parseJson(text));
    if ('error' in parsed) {
      log({ what: 'webhook', outcome: 'invalid body', field: parsed.error.field });
      return c.json({ error: 'invalid body', ...parsed.error }, 400);
    }
    const { webhook } = parsed;
    if (!claims.analyticsConsent) {
      log({ what: 'webhook', outcome: 'no consent', action: webhook.actionType });
      return c.body(null, 204);
    }
    const body = buildMeasurementBody(webhook, claims, at, config);
    const messages = validateMeasurementBody(body, at);
    if (messages.length) {
      log({ what: 'webhook', outcome: 'invalid measurement', action: webhook.actionType, messages });
      return c.json({ error: 'cannot be measured', messages }, 422);
    }
    const acceptance = await store.accept({
      key: sha256(parsed.key),
      token: sha256(token),
      booking: sha256(webhook.routeId),
      entry: { id: randomUUID(), payload: sealJson(body, config.tokenKeys, 'outbox'), createdAt: at },
    });
    log({ what: 'webhook', outcome: acceptance, action: webhook.actionType });
    if (acceptance == 'other-booking') return c.json({ error: 'this URL belongs to another booking' }, 409);
    // A duplicate is acknowledged like the original, so Chili Piper stops retrying it.
    if (acceptance == 'duplicate') return c.json({ status: 'duplicate' }, 200);
    // Acknowledged at once (the outbox has it); delivery follows, handed to the Worker's waitUntil
    // where there is one, so a slow GA4 never holds Chili Piper's call.
    const delivery = drain();
    if (deps.background) deps.background(c, delivery);
    return c.json({ status: 'accepted' }, 202);
  });

  /** The one drain under way in this process (or isolate), and whether entries arrived since it leased. */
  let draining: Promise<void> | undefined;
  let again = false;

  /**
   * Delivers every due outbox entry; failures wait for a later drain. Calls
   * while a drain runs join it (it leases once more before it ends), so a
   * burst of webhooks costs one lease per batch, not one per webhook.
   */
  function drain(): Promise<void> {
    again = true;
    draining =
      draining ||
      (async () => {
        try {
          while (again) {
            again = false;
            let batch: OutboxEntry[];
            do {
              const at = now();
              batch = await store.lease(at, DRAIN_BATCH, LEASE_MS);
              if (batch.length) await deliver(batch, at);
            } while (batch.length == DRAIN_BATCH);
          }
        } catch (error) {
          log({ what: 'delivery', outcome: 'drain failed: ' + String(error) });
        } finally {
          draining = undefined;
        }
      })();
    return draining;
  }

  /**
   * The periodic run (Node's timer, the Worker's cron trigger): delivers what
   * is due and forgets idempotency keys and bindings of tokens that can no
   * longer be opened, and ended rate-limit windows.
   */
  async function maintain(): Promise<void> {
    await drain();
    const at = now();
    await store.prune(at, at - config.tokenTtlMs - BACKDATE_LIMIT);
  }

  /** Sends a leased batch at once; one transaction then removes what is done and reschedules the rest. */
  async function deliver(batch: OutboxEntry[], at: number): Promise<void> {
    const done: string[] = [];
    const retries: { id: string; nextAt: number }[] = [];
    await Promise.all(
      batch.map(async (entry) => {
        const sealed = openJson(entry.payload, config.tokenKeys, 'outbox') as MeasurementBody | undefined;
        // Sealed under a key since removed, or past the backdating limit: GA4 would drop it anyway.
        if (!sealed || at - entry.createdAt > DELIVERY_DEADLINE) {
          log({ what: 'delivery', outcome: sealed ? 'expired' : 'unreadable', attempts: entry.attempts });
          done.push(entry.id);
          return;
        }
        const body = forDelivery(sealed, at);
        const action = String(body.events[0].params.widget_action);
        const messages = validateMeasurementBody(body, at);
        if (messages.length) {
          log({ what: 'delivery', outcome: 'invalid measurement', action, attempts: entry.attempts, messages });
          done.push(entry.id);
          return;
        }
        const result: SendResult = await sendMeasurement(body, {
          measurementId: config.measurementId,
          apiSecret: config.apiSecret,
          endpoint: config.endpoint,
          debug: config.debug,
          post,
          now: at,
        });
        if (result.outcome == 'failed') {
          log({ what: 'delivery', outcome: 'failed, will retry', action, attempts: entry.attempts });
          retries.push({ id: entry.id, nextAt: nextAttemptAt(entry, at, result.retryAfterMs) });
          return;
        }
        done.push(entry.id);
        log({ what: 'delivery', outcome: result.outcome, action, status: result.status, attempts: entry.attempts });
        if (result.outcome == 'sent' && result.validationMessages)
          log({
            what: 'validation',
            outcome: result.validationMessages.length ? 'invalid' : 'valid',
            action,
            messages: result.validationMessages,
          });
      }),
    );
    await store.finish(done, retries);
  }

  /** Resolves once every delivery started so far has finished (tests; a graceful shutdown). */
  async function settled(): Promise<void> {
    while (draining) await draining;
  }

  return { app, drain, maintain, settled };
}
