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
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { CLIENT_ID_PATTERN, SESSION_ID_PATTERN } from '../../src/core/ga4';
import { sha256Hex } from '../../src/lib/sha256Hex';
import { MAX_BODY_BYTES, type RelayConfig } from './config';
import { buildMeasurementBody, BACKDATE_LIMIT, validateMeasurementBody, type MeasurementBody } from './measurementProtocol';
import { sendMeasurement } from './sendMeasurement';
import type { OutboxEntry, RelayStore } from './store';
import { openJson, openToken, sealJson, sealToken } from './token';
import { parseWebhook } from './webhook';

/** One structured log line: never an id, a token, an address or a secret. */
export interface LogEntry {
  what: 'token' | 'webhook' | 'delivery' | 'validation';
  outcome: string;
  action?: string;
  status?: number;
  attempts?: number;
  /** Debug mode: GA4's validation messages (codes, field paths and descriptions of our own parameters). */
  messages?: unknown[];
}

/** What a runtime hands the relay. */
export interface RelayDeps {
  config: RelayConfig;
  store: RelayStore;
  /** Epoch ms; a fake clock in tests. */
  now?: () => number;
  /** The platform's fetch, or a fake GA4 in tests. */
  fetch?: typeof fetch;
  /** One structured line per outcome; JSON on stdout by default. */
  log?: (entry: LogEntry) => void;
  /** The client's address, for the token rate limit (the runtime knows where it is). */
  clientAddress?: (c: Context) => string | undefined;
  /**
   * SHA-256 as hex: Web Crypto by default; Node passes its synchronous hash, which spares a thread-pool
   * round trip on each of the three hashes a webhook needs.
   */
  sha256?: (text: string) => string | Promise<string>;
}

const MINUTE = 60 * 1000;
/** A lease long enough for one Measurement Protocol request and its timeout. */
const LEASE_MS = MINUTE;
/** Entries leased at a time (and at most one GA4 request each). */
const DRAIN_BATCH = 25;
/** Retries back off from 30 s, doubling, up to an hour apart, until the 72 h backdating limit. */
const FIRST_RETRY_MS = 30 * 1000;
const LONGEST_RETRY_MS = 60 * MINUTE;
/**
 * The last moment an outbox entry is sent, counted from its arrival: 10
 * minutes inside the 72 h backdating limit, so no request leaves with a
 * timestamp GA4 would drop on the way.
 */
export const DELIVERY_DEADLINE = BACKDATE_LIMIT - 10 * MINUTE;

/** Reads a small JSON body whatever its content type (pages send text/plain to avoid a CORS preflight). */
async function readJson(c: Context): Promise<unknown> {
  try {
    return JSON.parse(await c.req.text());
  } catch {
    return undefined;
  }
}

const defaultLog = (entry: LogEntry) => console.log(JSON.stringify(entry));

/**
 * The relay's app, `drain()` that delivers what is due in the outbox (run after each webhook),
 * `maintain()` for the periodic run, and `settled()` for deliveries under way.
 */
export function createRelay(deps: RelayDeps) {
  const { config, store } = deps;
  const now = deps.now || Date.now;
  const log = deps.log || defaultLog;
  const sha256 = deps.sha256 || sha256Hex;
  /** Deliveries started by webhooks and not finished yet. */
  const inFlight = new Set<Promise<unknown>>();
  const app = new Hono();
  const tooLarge = bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => c.json({ error: 'body too large' }, 413) });

  app.get('/healthz', (c) => c.text('ok'));

  // Token issuance: only for the sites listed, a few per minute per address.
  const corsHeaders = (origin: string) => ({ 'access-control-allow-origin': origin, vary: 'Origin' });
  app.options('/v1/tokens', (c) => {
    const origin = c.req.header('origin') || '';
    if (config.allowedOrigins.indexOf(origin) < 0) return c.body(null, 403);
    return c.body(null, 204, {
      ...corsHeaders(origin),
      'access-control-allow-methods': 'POST',
      'access-control-allow-headers': 'content-type',
      'access-control-max-age': '86400',
    });
  });
  app.post('/v1/tokens', tooLarge, async (c) => {
    const origin = c.req.header('origin') || '';
    if (config.allowedOrigins.indexOf(origin) < 0) {
      log({ what: 'token', outcome: 'origin not allowed' });
      return c.json({ error: 'origin not allowed' }, 403);
    }
    const headers = corsHeaders(origin);
    const at = now();
    const address = (deps.clientAddress && deps.clientAddress(c)) || 'unknown';
    const window = Math.floor(at / MINUTE);
    // A salted hash: the address itself is never stored, and the bucket is useless after its minute.
    const bucket = await sha256(Object.values(config.tokenKeys)[0] + '|' + address + '|' + window);
    if ((await store.hit(bucket, at, MINUTE)) > config.tokensPerMinute) {
      log({ what: 'token', outcome: 'rate limited' });
      return c.json({ error: 'too many requests' }, 429, { ...headers, 'retry-after': '60' });
    }
    const body = await readJson(c);
    const request = (typeof body == 'object' && body) || {};
    const { clientId, sessionId, analyticsConsent, lead } = request as Record<string, unknown>;
    const unknownKeys = Object.keys(request).filter((key) => ['clientId', 'sessionId', 'analyticsConsent', 'lead'].indexOf(key) < 0);
    if (
      typeof clientId != 'string' ||
      !CLIENT_ID_PATTERN.test(clientId) ||
      (sessionId !== undefined && (typeof sessionId != 'string' || !SESSION_ID_PATTERN.test(sessionId))) ||
      typeof lead != 'boolean' ||
      unknownKeys.length
    ) {
      log({ what: 'token', outcome: 'invalid request' });
      return c.json({ error: 'invalid request' }, 400, headers);
    }
    // Without analytics consent there is nothing to measure: no token at all.
    if (analyticsConsent !== true) {
      log({ what: 'token', outcome: 'no consent' });
      return c.json({ error: 'analytics consent required' }, 403, headers);
    }
    const expiresAt = at + config.tokenTtlMs;
    const token = await sealToken(
      { clientId, sessionId: sessionId as string | undefined, issuedAt: at, expiresAt, analyticsConsent, lead },
      config.tokenKeys,
    );
    log({ what: 'token', outcome: 'issued' });
    return c.json({ webhookUrl: config.publicUrl + '/v1/hooks/' + token, expiresAt }, 201, headers);
  });

  // Webhook receipt: Chili Piper signs nothing, so the sealed token and the strict body are the protection.
  app.post('/v1/hooks/:token', tooLarge, async (c) => {
    const at = now();
    const token = c.req.param('token');
    const claims = await openToken(token, config.tokenKeys, at);
    // One answer for unknown, tampered and expired tokens: nothing to learn by probing.
    if (!claims) {
      log({ what: 'webhook', outcome: 'unknown token' });
      return c.json({ error: 'not found' }, 404);
    }
    const parsed = parseWebhook(await readJson(c));
    if ('error' in parsed) {
      log({ what: 'webhook', outcome: 'invalid body: ' + parsed.error });
      return c.json({ error: 'invalid body', field: parsed.error }, 400);
    }
    const { webhook } = parsed;
    if (!claims.analyticsConsent) {
      log({ what: 'webhook', outcome: 'no consent', action: webhook.actionType });
      return c.body(null, 204);
    }
    const body = buildMeasurementBody(webhook, claims, at, { eventPrefix: config.eventPrefix });
    const problems = validateMeasurementBody(body, at);
    if (problems.length) {
      log({ what: 'webhook', outcome: 'invalid measurement: ' + problems.join('; '), action: webhook.actionType });
      return c.json({ error: 'cannot be measured' }, 422);
    }
    const acceptance = await store.accept({
      key: await sha256(parsed.key),
      token: await sha256(token),
      booking: await sha256(webhook.routeId),
      entry: { id: crypto.randomUUID(), payload: await sealJson(body, config.tokenKeys, 'outbox'), createdAt: at },
    });
    log({ what: 'webhook', outcome: acceptance, action: webhook.actionType });
    if (acceptance == 'other-booking') return c.json({ error: 'this URL belongs to another booking' }, 409);
    // A duplicate is acknowledged like the original, so Chili Piper stops retrying it.
    if (acceptance == 'duplicate') return c.json({ status: 'duplicate' }, 200);
    // Acknowledged at once (the outbox has it); delivery follows, handed to the Worker's waitUntil
    // where there is one, so a slow GA4 never holds Chili Piper's call.
    const delivery = drain().catch((error: unknown) => log({ what: 'delivery', outcome: 'drain failed: ' + String(error) }));
    inFlight.add(delivery);
    void delivery.then(() => inFlight.delete(delivery));
    const executionCtx = (() => {
      try {
        return c.executionCtx;
      } catch {
        return undefined;
      }
    })();
    if (executionCtx) executionCtx.waitUntil(delivery);
    return c.json({ status: 'accepted' }, 202);
  });

  /** Delivers every due outbox entry once; failures wait for a later drain. */
  async function drain(): Promise<void> {
    const at = now();
    let batch: OutboxEntry[];
    do {
      batch = await store.lease(at, DRAIN_BATCH, LEASE_MS);
      for (const entry of batch) await deliver(entry, at);
    } while (batch.length == DRAIN_BATCH);
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

  async function deliver(entry: OutboxEntry, at: number): Promise<void> {
    const body = (await openJson(entry.payload, config.tokenKeys, 'outbox')) as MeasurementBody | undefined;
    // Sealed under a key since removed, or past the backdating limit: GA4 would drop it anyway.
    if (!body || at - entry.createdAt > DELIVERY_DEADLINE) {
      log({ what: 'delivery', outcome: body ? 'expired' : 'unreadable', attempts: entry.attempts });
      await store.remove(entry.id);
      return;
    }
    const problems = validateMeasurementBody(body, at);
    if (problems.length) {
      log({ what: 'delivery', outcome: 'invalid measurement: ' + problems.join('; '), attempts: entry.attempts });
      await store.remove(entry.id);
      return;
    }
    const result = await sendMeasurement(body, {
      measurementId: config.measurementId,
      apiSecret: config.apiSecret,
      endpoint: config.endpoint,
      debug: config.debug,
      fetch: deps.fetch,
      attempts: 1,
    });
    const action = String(body.events[0].params.widget_action);
    if (result.outcome == 'failed') {
      log({ what: 'delivery', outcome: 'failed, will retry', action, attempts: entry.attempts });
      await store.retryAt(entry.id, at + Math.min(FIRST_RETRY_MS * 2 ** (entry.attempts - 1), LONGEST_RETRY_MS));
      return;
    }
    await store.remove(entry.id);
    log({ what: 'delivery', outcome: result.outcome, action, status: result.status, attempts: entry.attempts });
    if (result.outcome == 'sent' && result.validationMessages)
      log({
        what: 'validation',
        outcome: result.validationMessages.length ? 'invalid' : 'valid',
        action,
        messages: result.validationMessages,
      });
  }

  /** Resolves once every delivery started so far has finished (tests; a graceful shutdown). */
  async function settled(): Promise<void> {
    while (inFlight.size) await Promise.all(inFlight);
  }

  return { app, drain, maintain, settled };
}
