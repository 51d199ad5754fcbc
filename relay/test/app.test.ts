// @vitest-environment node
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { DELIVERY_DEADLINE } from '../src/app';
import { BACKDATE_LIMIT } from '../src/measurementProtocol';
import { ACTION_TYPES } from '../src/webhook';
import { SCHEMA_VERSION } from 'gtm-widget-bridge/schema';
import { CLIENT_ID, CONFIG, HOUR, NOW, ORIGIN, relayUnderTest, SEED_BODY, SESSION_ID } from './fakes';

const webhook = (change: Partial<typeof SEED_BODY> = {}) => ({ ...SEED_BODY, ...change });

describe('token issuance', () => {
  it('issues a sealed webhook URL to an allowed origin, with CORS for that origin only', async () => {
    const { issue, relay } = relayUnderTest();
    const response = await issue();
    expect(response.status).toBe(201);
    expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    const { webhookUrl, expiresAt } = (await response.json()) as { webhookUrl: string; expiresAt: number };
    expect(webhookUrl).toMatch(/^https:\/\/relay\.shop\.example\/v1\/hooks\/k2\.[A-Za-z0-9_-]+$/);
    expect(webhookUrl).not.toContain(CLIENT_ID);
    expect(webhookUrl).not.toContain(SESSION_ID);
    expect(expiresAt).toBe(NOW + CONFIG.tokenTtlMs);
    // Two tokens for the same visitor differ (a fresh IV each): one per booking.
    const second = (await (await issue()).json()) as { webhookUrl: string };
    expect(second.webhookUrl).not.toBe(webhookUrl);

    const preflight = await relay.app.request('/v1/tokens', { method: 'OPTIONS', headers: { origin: ORIGIN } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    const foreignPreflight = await relay.app.request('/v1/tokens', { method: 'OPTIONS', headers: { origin: 'https://evil.example' } });
    expect(foreignPreflight.status).toBe(403);
    expect(foreignPreflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses other origins, bad ids, unknown fields, missing consent and large bodies (control: the same request passes)', async () => {
    const { issue, relay } = relayUnderTest();
    expect((await issue()).status).toBe(201);
    expect((await issue({}, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await issue({}, { origin: ORIGIN + '.evil.example' })).status).toBe(403);
    expect((await relay.app.request('/v1/tokens', { method: 'POST', body: '{}' })).status).toBe(403);
    for (const [bad, field] of [
      [{ clientId: 'jane@example.com' }, 'clientId'],
      [{ clientId: 'GA1.1.123.456' }, 'clientId'],
      [{ clientId: 123.456 }, 'clientId'],
      [{ clientId: '1'.repeat(21) + '.1' }, 'clientId'],
      [{ sessionId: 'abc' }, 'sessionId'],
      [{ sessionId: 1763726400 }, 'sessionId'],
      [{ lead: 'yes' }, 'lead'],
      [{ lead: undefined }, 'lead'],
      [{ analyticsConsent: 'true' }, 'analyticsConsent'],
      [{ adUserData: 'granted' }, 'adUserData'],
      [{ adPersonalization: 1 }, 'adPersonalization'],
      [{ email: 'jane@example.com' }, 'email'],
    ] as const) {
      const response = await issue(bad);
      expect(response.status, JSON.stringify(bad)).toBe(400);
      expect(await response.json(), JSON.stringify(bad)).toEqual({ error: 'invalid request', field, expected: expect.any(String) });
    }
    const notJson = await relay.app.request('/v1/tokens', { method: 'POST', headers: { origin: ORIGIN }, body: 'clientId=1.2' });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ field: '(body)' });
    expect((await issue({ analyticsConsent: false })).status).toBe(403);
    expect((await issue({ sessionId: undefined })).status).toBe(201);
    expect((await issue({ pad: 'x'.repeat(5000) })).status).toBe(413);
  });

  it('limits tokens per address per minute, and the next minute starts afresh', async () => {
    const { issue, clock } = relayUnderTest({ tokensPerMinute: 3 });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await issue()).status);
    expect(statuses).toEqual([201, 201, 201, 429, 429]);
    // Another address is not limited by this one.
    expect((await issue({}, { 'x-test-address': '198.51.100.7' })).status).toBe(201);
    clock.now += 60_000;
    expect((await issue()).status).toBe(201);
  });
});

describe('webhook → Measurement Protocol', () => {
  it('sends one event per seed actionType with its own name, the widget parameters and the lead once', async () => {
    const { hookUrl, post, ga4 } = relayUnderTest();
    const url = await hookUrl();
    const statuses = [];
    for (const actionType of Object.keys(ACTION_TYPES)) {
      const slot = actionType.includes('reschedule') ? { start: NOW + 72 * HOUR, end: NOW + 72 * HOUR + 45 * 60_000 } : SEED_BODY.slot;
      statuses.push((await post(url, webhook({ actionType, slot }))).status);
    }
    // The prospect's cancel of a meeting the rep canceled already is the same outcome: acknowledged, not sent.
    expect(statuses).toEqual([202, 202, 202, 202, 202, 200]);
    expect(ga4.requests.map((r) => r.url.pathname + r.url.search)).toEqual(
      Array(5).fill('/mp/collect?measurement_id=G-TEST123456&api_secret=secret-value'),
    );
    const bodies = ga4.requests.map((r) => r.body);
    expect(bodies.map((b) => b.events.map((e) => e.name))).toEqual([
      ['widget_meeting_created', 'generate_lead'],
      ['widget_meeting_rescheduled'],
      ['widget_meeting_rescheduled'],
      ['widget_meeting_reassigned'],
      ['widget_meeting_canceled'],
    ]);
    expect(bodies[0]).toEqual({
      client_id: CLIENT_ID,
      timestamp_micros: NOW * 1000,
      // Denied: the token request said nothing about advertising consent.
      consent: { ad_user_data: 'DENIED', ad_personalization: 'DENIED' },
      events: [
        {
          name: 'widget_meeting_created',
          params: {
            widget_vendor: 'chili_piper',
            widget_product: 'concierge',
            widget_action: 'create',
            widget_interaction_id: SEED_BODY.routeId,
            widget_initiator: 'prospect',
            widget_schema: SCHEMA_VERSION,
            widget_meeting_in_minutes: 48 * 60,
            widget_duration_minutes: 30,
            engagement_time_msec: 1,
            session_id: SESSION_ID,
          },
        },
        { name: 'generate_lead', params: expect.objectContaining({ lead_source: 'chili_piper', widget_action: 'create' }) },
      ],
    });
    expect(bodies.map((b) => b.events[0].params.widget_initiator)).toEqual(['prospect', 'prospect', 'rep', 'rep', 'rep']);
    expect(JSON.stringify(bodies)).not.toContain(SEED_BODY.assigneeId);
  });

  it('prospect_cancel is sent as the prospect canceling (its own meeting)', async () => {
    const { hookUrl, post, ga4 } = relayUnderTest();
    expect((await post(await hookUrl(), webhook({ actionType: 'prospect_cancel' }))).status).toBe(202);
    expect(ga4.requests[0].body.events).toEqual([
      {
        name: 'widget_meeting_canceled',
        params: expect.objectContaining({ widget_action: 'prospect_cancel', widget_initiator: 'prospect' }),
      },
    ]);
  });

  it('without the browser counting a lead, no generate_lead', async () => {
    const { hookUrl, post, ga4 } = relayUnderTest();
    await post(await hookUrl({ lead: false }), webhook());
    expect(ga4.requests[0].body.events.map((e) => e.name)).toEqual(['widget_meeting_created']);
  });

  it('no consent sealed in the token: acknowledged, nothing sent (control: a consented token sends)', async () => {
    const { post, ga4, hookUrl } = relayUnderTest();
    const { sealToken } = await import('../src/token');
    const token = await sealToken(
      {
        clientId: CLIENT_ID,
        issuedAt: NOW,
        expiresAt: NOW + HOUR,
        analyticsConsent: false,
        adUserData: false,
        adPersonalization: false,
        lead: true,
      },
      CONFIG.tokenKeys,
    );
    expect((await post('/v1/hooks/' + token, webhook())).status).toBe(204);
    expect(ga4.requests).toHaveLength(0);
    expect((await post(await hookUrl(), webhook())).status).toBe(202);
    expect(ga4.requests).toHaveLength(1);
  });
});

describe('idempotency and order', () => {
  it('a repeated webhook is acknowledged and sent once, also when both arrive at once', async () => {
    const { hookUrl, post, ga4 } = relayUnderTest();
    const url = await hookUrl();
    expect((await post(url, webhook())).status).toBe(202);
    const again = await post(url, webhook());
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ status: 'duplicate' });
    const racing = await Promise.all([1, 2, 3].map(() => post(url, webhook({ actionType: 'agent_reschedule' }))));
    expect(racing.map((r) => r.status).sort()).toEqual([200, 200, 202]);
    expect(ga4.requests.map((r) => r.body.events.map((e) => e.name).join('+'))).toEqual([
      'widget_meeting_created+generate_lead',
      'widget_meeting_rescheduled',
    ]);
  });

  it('out of order: a cancel before its create, two different reschedules, one lead in all', async () => {
    const { hookUrl, post, ga4, clock } = relayUnderTest();
    const url = await hookUrl();
    const later = { start: SEED_BODY.slot.start + HOUR, end: SEED_BODY.slot.end + HOUR };
    const evenLater = { start: SEED_BODY.slot.start + 2 * HOUR, end: SEED_BODY.slot.end + 2 * HOUR };
    const sequence = [
      webhook({ actionType: 'cancel' }),
      webhook({ actionType: 'reschedule', slot: evenLater }),
      webhook({ actionType: 'create' }),
      webhook({ actionType: 'reschedule', slot: later }),
      webhook({ actionType: 'create' }),
      webhook({ actionType: 'prospect_cancel' }),
    ];
    const statuses = [];
    for (const body of sequence) {
      clock.now += 1000;
      statuses.push((await post(url, body)).status);
    }
    expect(statuses).toEqual([202, 202, 202, 202, 200, 200]);
    expect(ga4.requests.map((r) => r.body.events.map((e) => e.name).join('+'))).toEqual([
      'widget_meeting_canceled',
      'widget_meeting_rescheduled',
      'widget_meeting_created+generate_lead',
      'widget_meeting_rescheduled',
    ]);
    // Each keeps the time it arrived, so GA4 orders them as Chili Piper sent them.
    const times = ga4.requests.map((r) => r.body.timestamp_micros!);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('a URL speaks for one booking only: another routeId on it is refused', async () => {
    const { hookUrl, post, ga4 } = relayUnderTest();
    const url = await hookUrl();
    expect((await post(url, webhook())).status).toBe(202);
    const other = await post(url, webhook({ routeId: '608b31464a37500001ba7fff', actionType: 'cancel' }));
    expect(other.status).toBe(409);
    expect(ga4.requests).toHaveLength(1);
  });
});

describe('delivery', () => {
  it('retries 5xx and network errors with backoff, keeps the arrival time, never retries a 4xx', async () => {
    const { hookUrl, post, ga4, clock, relay, logs } = relayUnderTest();
    const url = await hookUrl();
    ga4.answers.push(500, 'network');
    expect((await post(url, webhook())).status).toBe(202); // accepted: Chili Piper's job is done
    expect(ga4.requests).toHaveLength(1); // the 500
    await relay.drain(); // not due yet: nothing
    expect(ga4.requests).toHaveLength(1);
    clock.now += 30_000;
    await relay.drain(); // network error
    clock.now += 59_999;
    await relay.drain(); // 60 s backoff not over
    expect(ga4.requests).toHaveLength(1);
    clock.now += 1;
    await relay.drain();
    expect(ga4.requests).toHaveLength(2);
    expect(ga4.requests[1].body.timestamp_micros).toBe(NOW * 1000);
    await relay.drain();
    expect(ga4.requests).toHaveLength(2);

    ga4.answers.push(400);
    await post(url, webhook({ actionType: 'cancel' }));
    clock.now += 24 * HOUR;
    await relay.drain();
    expect(ga4.requests).toHaveLength(3);
    expect(logs.filter((l) => l.what == 'delivery').map((l) => l.outcome)).toEqual([
      'failed, will retry',
      'failed, will retry',
      'sent',
      'rejected',
    ]);
  });

  it('answers Chili Piper before GA4 does: a slow GA4 never holds the webhook call', async () => {
    const { hookUrl, ga4, relay, logs } = relayUnderTest();
    let release!: () => void;
    ga4.answers.push({ after: new Promise<void>((resolve) => (release = resolve)) });
    const response = await relay.app.request(await hookUrl(), { method: 'POST', body: JSON.stringify(webhook()) });
    expect(response.status).toBe(202);
    await vi.waitFor(() => expect(ga4.requests).toHaveLength(1)); // under way…
    expect(logs.some((entry) => entry.outcome == 'sent')).toBe(false); // …not finished
    release();
    await relay.settled();
    expect(logs.at(-1)).toMatchObject({ what: 'delivery', outcome: 'sent', status: 204 });
  });

  it('stops trying at the 72 h backdating limit (control: at the last moment inside it, it is sent)', async () => {
    for (const [delay, sent] of [
      [DELIVERY_DEADLINE, true],
      [DELIVERY_DEADLINE + 1, false],
    ] as const) {
      const { hookUrl, post, ga4, clock, relay, logs } = relayUnderTest();
      ga4.answers.push(503);
      await post(await hookUrl(), webhook());
      clock.now = NOW + delay;
      await relay.drain();
      expect(logs.at(-1)!.outcome, String(delay)).toBe(sent ? 'sent' : 'expired');
      expect(ga4.requests).toHaveLength(sent ? 2 : 1);
      if (sent) expect(ga4.requests[1].body.timestamp_micros).toBe(NOW * 1000);
      await relay.drain();
      expect(ga4.requests).toHaveLength(sent ? 2 : 1); // gone from the outbox either way
    }
    expect(DELIVERY_DEADLINE).toBeLessThan(BACKDATE_LIMIT);
  });

  it('debug mode posts to the validation endpoint and logs its messages', async () => {
    const { hookUrl, post, ga4, logs } = relayUnderTest({ debug: true });
    const messages = [
      {
        fieldPath: 'events.params',
        description: 'Event param [widget_x] has invalid value.',
        validationCode: 'VALUE_INVALID',
      },
    ];
    ga4.answers.push({ validationMessages: messages }, { validationMessages: [] });
    const url = await hookUrl();
    await post(url, webhook());
    await post(url, webhook({ actionType: 'cancel' }));
    expect(ga4.requests.map((r) => r.url.pathname)).toEqual(['/debug/mp/collect', '/debug/mp/collect']);
    expect(logs.filter((l) => l.what == 'validation')).toEqual([
      { what: 'validation', outcome: 'invalid', action: 'create', messages },
      { what: 'validation', outcome: 'valid', action: 'cancel', messages: [] },
    ]);
  });
});

describe('hostile input', () => {
  const hostile: [string, unknown, number][] = [
    ['not JSON', '{"routeId":', 400],
    ['an array', [SEED_BODY], 400],
    ['an extra field', { ...SEED_BODY, email: 'jane@example.com' }, 400],
    ['an unknown actionType', { ...SEED_BODY, actionType: 'delete' }, 400],
    ['a script as id', { ...SEED_BODY, routeId: '<script>' }, 400],
    ['__proto__', JSON.parse('{"__proto__":{"polluted":1},"routeId":"a"}'), 400],
    ['a slot in seconds', { ...SEED_BODY, slot: { start: 1619789400, end: 1619791200 } }, 400],
    ['a huge body', { ...SEED_BODY, routeId: 'a'.repeat(5000) }, 413],
  ];
  it('refuses each with nothing sent or stored (control: the seed body passes)', async () => {
    const { hookUrl, post, ga4, store, clock } = relayUnderTest();
    const url = await hookUrl();
    for (const [name, body, status] of hostile) expect((await post(url, body)).status, name).toBe(status);
    expect(ga4.requests).toHaveLength(0);
    clock.now += HOUR;
    expect(await store.lease(clock.now, 10, 1)).toEqual([]);
    expect((await post(url, SEED_BODY)).status).toBe(202);
    expect(ga4.requests).toHaveLength(1);
  });

  it('a tampered, truncated, foreign or expired token is one plain 404 (property test; control: the token itself)', async () => {
    const { hookUrl, post, ga4, clock } = relayUnderTest();
    const url = await hookUrl();
    const token = url.slice('/v1/hooks/'.length);
    await fc.assert(
      fc.asyncProperty(fc.nat(token.length - 1), fc.constantFrom(...'ABCabc012_-'), fc.boolean(), async (at, char, truncate) => {
        const changed = truncate ? token.slice(0, at) : token.slice(0, at) + char + token.slice(at + 1);
        fc.pre(changed != token);
        const response = await post('/v1/hooks/' + encodeURIComponent(changed), SEED_BODY);
        return response.status == 404;
      }),
      { numRuns: 200 },
    );
    expect(ga4.requests).toHaveLength(0);
    clock.now = NOW + CONFIG.tokenTtlMs;
    expect((await post(url, SEED_BODY)).status).toBe(404);
    clock.now = NOW + CONFIG.tokenTtlMs - 1;
    expect((await post(url, SEED_BODY)).status).toBe(202);
  });
});

describe('nothing personal stored or logged', () => {
  it('the SQLite file and every log line hold no GA id, token, route, event, rep or address', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'relay-'));
    const path = join(dir, 'relay.sqlite');
    const { hookUrl, post, issue, logs, ga4, relay, clock, store } = relayUnderTest({}, path);
    const url = await hookUrl();
    ga4.answers.push(500);
    await post(url, webhook()); // stays in the outbox: sealed
    await post(url, webhook({ actionType: 'reassign' }));
    await post(url, webhook({ actionType: 'nope' }));
    await issue({ clientId: 'x' }, { 'x-test-address': '203.0.113.99' });
    clock.now += 30_000;
    expect(ga4.requests).toHaveLength(2);
    const files = () =>
      readdirSync(dir)
        .map((name) => readFileSync(join(dir, name)).toString('latin1'))
        .join('\n');
    const planted = [
      CLIENT_ID,
      SESSION_ID,
      SEED_BODY.routeId,
      SEED_BODY.eventId,
      SEED_BODY.assigneeId,
      url.slice(10),
      '192.0.2.1',
      '203.0.113.99',
    ];
    const stored = files();
    expect(stored.length).toBeGreaterThan(1000); // control: the database was written
    for (const value of planted) {
      expect(stored, value).not.toContain(value);
      expect(JSON.stringify(logs), value).not.toContain(value);
    }
    await relay.drain();
    expect(ga4.requests).toHaveLength(3);
    (store as { close(): void }).close();
  });
});
