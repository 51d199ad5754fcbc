/**
 * What the relay's tests run it against: a fake clock, a fake GA4 that
 * answers as the Measurement Protocol documents (204; the validation
 * endpoint's `validationMessages`; or a scripted failure), and the relay on a
 * real SQLite store with every log line kept.
 * https://developers.google.com/analytics/devguides/collection/protocol/ga4/validating-events#response
 */
import { createRelay, type LogEntry } from '../src/app';
import type { RelayConfig } from '../src/config';
import type { MeasurementBody } from '../src/measurementProtocol';
import { openSqliteStore } from '../src/sqliteStore';

export const NOW = Date.UTC(2026, 10, 21, 12);
export const HOUR = 3_600_000;
export const ORIGIN = 'https://www.shop.example';
const key = (byte: number) => Buffer.alloc(32, byte).toString('base64url');
export const KEYS = { k2: key(2), k1: key(1) };

export const CONFIG: RelayConfig = {
  measurementId: 'G-TEST123456',
  apiSecret: 'secret-value',
  endpoint: 'https://www.google-analytics.com',
  tokenKeys: KEYS,
  allowedOrigins: [ORIGIN],
  publicUrl: 'https://relay.shop.example',
  eventPrefix: 'widget_',
  tokenTtlMs: 30 * 24 * HOUR,
  sessionTimeoutMs: 30 * 60_000,
  tokensPerMinute: 20,
  debug: false,
};

/** The documented webhook body (Chili Piper's REST API article), ids as Chili Piper writes them. */
export const SEED_BODY = {
  routeId: '608b31464a37500001ba7fbd',
  eventId: '608b31626000850001c9a036',
  actionType: 'create',
  assigneeId: '0050W0000076H5jQAE',
  slot: { start: NOW + 48 * HOUR, end: NOW + 48 * HOUR + 30 * 60_000 },
};
export const CLIENT_ID = '1234567890.1763726400';
/** The visitor's session started at NOW (a GA4 session id is its start in seconds). */
export const SESSION_ID = String(NOW / 1000);

/** How the fake GA4 answers the next request: a status, a network failure, validation messages, a delayed 204, or a status with headers. */
export type Answer =
  number | 'network' | { validationMessages: unknown[] } | { after: Promise<void> } | { status: number; headers: Record<string, string> };

export function fakeGa4() {
  const requests: { url: URL; body: MeasurementBody }[] = [];
  const answers: Answer[] = [];
  /** The answer when none is queued in `answers`: 204 unless a test says otherwise. */
  const fallback = { answer: (_body: MeasurementBody): Answer => 204 };
  const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const answer = answers.length ? answers.shift()! : fallback.answer(JSON.parse(String(init!.body)));
    if (answer == 'network') throw new TypeError('fetch failed');
    requests.push({ url: new URL(String(input)), body: JSON.parse(String(init!.body)) });
    // A slow GA4: answers 204 once `after` resolves.
    if (typeof answer == 'object' && 'after' in answer) await answer.after;
    if (typeof answer == 'number' || 'after' in answer) return new Response(null, { status: typeof answer == 'number' ? answer : 204 });
    if ('headers' in answer) return new Response(null, answer);
    return Response.json(answer, { status: 200 });
  }) as typeof globalThis.fetch;
  return { fetch, requests, answers, fallback };
}

/** The relay on an in-memory SQLite store (or the file at `path`), a fake clock and a fake GA4. */
export function relayUnderTest(overrides: Partial<RelayConfig> = {}, path = ':memory:') {
  const clock = { now: NOW };
  const ga4 = fakeGa4();
  const logs: LogEntry[] = [];
  const store = openSqliteStore(path);
  const relay = createRelay({
    config: { ...CONFIG, ...overrides },
    store,
    now: () => clock.now,
    fetch: ga4.fetch,
    log: (entry) => void logs.push(entry),
    clientAddress: (c) => c.req.header('x-test-address') || '192.0.2.1',
  });
  const issue = async (request: object = {}, headers: Record<string, string> = {}) =>
    relay.app.request('/v1/tokens', {
      method: 'POST',
      headers: { origin: ORIGIN, 'content-type': 'text/plain;charset=UTF-8', ...headers },
      body: JSON.stringify({ clientId: CLIENT_ID, sessionId: SESSION_ID, analyticsConsent: true, lead: true, ...request }),
    });
  const hookUrl = async (request: object = {}) => {
    const response = await issue(request);
    const { webhookUrl } = (await response.json()) as { webhookUrl: string };
    return new URL(webhookUrl).pathname;
  };
  /** Posts a webhook and waits until the delivery it started has finished (the answer comes first). */
  const post = async (path: string, body: unknown) => {
    const response = await relay.app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body == 'string' ? body : JSON.stringify(body),
    });
    await relay.settled();
    return response;
  };
  return { relay, store, clock, ga4, logs, issue, hookUrl, post };
}
