// @vitest-environment node
/**
 * The Worker build (relay/dist/worker.mjs, as `wrangler deploy` ships it with
 * relay/wrangler.json) in miniflare: workerd with a local D1, its cron trigger,
 * and a fake GA4 as the Worker's outbound network.
 * https://developers.cloudflare.com/workers/testing/miniflare/
 */
import { readFileSync } from 'node:fs';
import { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_ID, KEYS, ORIGIN, SEED_BODY } from './fakes';

const wrangler = JSON.parse(readFileSync('wrangler.json', 'utf8'));
const PUBLIC_URL = 'https://relay.acme-shop.test';
// The Worker runs on the real clock: a session that started a minute ago.
const SESSION_ID = String(Math.floor(Date.now() / 1000) - 60);
let mf: Miniflare;
const received: { url: string; body: { client_id: string; events: { name: string; params: Record<string, unknown> }[] } }[] = [];
const answers: number[] = [];

beforeAll(async () => {
  mf = new Miniflare({
    modules: true,
    scriptPath: wrangler.main,
    compatibilityDate: wrangler.compatibility_date,
    compatibilityFlags: wrangler.compatibility_flags,
    d1Databases: Object.fromEntries(
      wrangler.d1_databases.map((db: { binding: string; database_id: string }) => [db.binding, db.database_id]),
    ),
    // The shipped vars, with this test's site, relay and secrets in place of the placeholders (wrangler secret put in a deployment).
    bindings: {
      ...wrangler.vars,
      GA4_MEASUREMENT_ID: 'G-TEST123456',
      RELAY_ALLOWED_ORIGINS: ORIGIN,
      RELAY_PUBLIC_URL: PUBLIC_URL,
      GA4_API_SECRET: 'secret-value',
      RELAY_TOKEN_KEYS: Object.entries(KEYS)
        .map(([id, key]) => id + ':' + key)
        .join(','),
    },
    // Every outbound fetch of the Worker comes here (miniflare's `outboundService`, a function form its types omit).
    outboundService: (async (request: Request) => {
      const status = answers.length ? answers.shift()! : 204;
      received.push({ url: request.url, body: JSON.parse(await request.text()) });
      return new Response(null, { status });
    }) as never,
  });
  await mf.ready;
}, 60_000);
afterAll(() => mf && mf.dispose());

async function until(condition: () => boolean) {
  for (let i = 0; i < 100 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
}

async function webhookPath(): Promise<string> {
  const response = await mf.dispatchFetch('https://relay.example.com/v1/tokens', {
    method: 'POST',
    headers: { origin: ORIGIN, 'cf-connecting-ip': '192.0.2.1' },
    body: JSON.stringify({ clientId: CLIENT_ID, sessionId: SESSION_ID, analyticsConsent: true, lead: true }),
  });
  expect(response.status).toBe(201);
  const { webhookUrl } = (await response.json()) as { webhookUrl: string };
  expect(webhookUrl.startsWith(PUBLIC_URL + '/v1/hooks/')).toBe(true);
  return new URL(webhookUrl).pathname;
}

const post = (path: string, body: unknown) =>
  mf.dispatchFetch('https://relay.example.com' + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('the Worker with D1', () => {
  it('issues a token, sends the webhook once through GA4 and acknowledges the repeat', async () => {
    const path = await webhookPath();
    expect((await post(path, SEED_BODY)).status).toBe(202);
    await until(() => received.length == 1);
    expect(received[0].url).toBe('https://www.google-analytics.com/mp/collect?measurement_id=G-TEST123456&api_secret=secret-value');
    expect(received[0].body.client_id).toBe(CLIENT_ID);
    expect(received[0].body.events.map((e) => e.name)).toEqual(['widget_meeting_created', 'generate_lead']);
    expect(received[0].body.events[0].params.session_id).toBe(SESSION_ID);
    expect((await post(path, SEED_BODY)).status).toBe(200);
    expect((await post(path, { ...SEED_BODY, routeId: 'ffffffffffffffffffffffff' })).status).toBe(409);
    expect((await post(path, { ...SEED_BODY, extra: 1 })).status).toBe(400);
    expect((await post(path.slice(0, -2), SEED_BODY)).status).toBe(404);
    expect(received).toHaveLength(1);
  });

  it('keeps a failed delivery in D1 and the cron trigger sends it', async () => {
    received.length = 0;
    answers.push(503);
    const path = await webhookPath();
    expect((await post(path, { ...SEED_BODY, routeId: '608b31464a37500001ba7fbe', actionType: 'cancel' })).status).toBe(202);
    await until(() => received.length == 1);
    expect(wrangler.triggers.crons).toEqual(['* * * * *']);
    const worker = (await mf.getWorker()) as unknown as { scheduled(options: { cron: string }): Promise<unknown> };
    // Not due yet (30 s backoff): the cron run sends nothing.
    await worker.scheduled({ cron: wrangler.triggers.crons[0] });
    expect(received).toHaveLength(1);
    const db = await mf.getD1Database('DB');
    await db.prepare('UPDATE outbox SET next_at = 0').run();
    await worker.scheduled({ cron: wrangler.triggers.crons[0] });
    await until(() => received.length == 2);
    expect(received.map((r) => r.body.events[0].name)).toEqual(['widget_meeting_canceled', 'widget_meeting_canceled']);
    expect((await db.prepare('SELECT count(*) AS n FROM outbox').first())!.n).toBe(0);
  });

  it('limits token requests per address', async () => {
    const limit = Number(wrangler.vars.RELAY_TOKENS_PER_MINUTE);
    const statuses: number[] = [];
    // Twice the limit and more: a minute boundary passed mid-loop still ends in a refusal.
    for (let i = 0; i < 2 * limit + 2; i++) {
      const response = await mf.dispatchFetch('https://relay.example.com/v1/tokens', {
        method: 'POST',
        headers: { origin: ORIGIN, 'cf-connecting-ip': '198.51.100.9' },
        body: JSON.stringify({ clientId: CLIENT_ID, analyticsConsent: true, lead: false }),
      });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, limit)).toEqual(Array(limit).fill(201));
    expect(statuses.at(-1)).toBe(429);
  });
});
