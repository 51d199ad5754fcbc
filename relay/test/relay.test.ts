import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildMeasurementBody, validateMeasurementBody } from '../src/measurementProtocol';
import { openToken, sealToken, type TokenClaims } from '../src/token';
import { ACTION_TYPES, parseWebhook } from '../src/webhook';

const NOW = Date.UTC(2026, 10, 21, 12);
const SEED_BODY = {
  routeId: '608b31464a37500001ba7fbd',
  eventId: '608b31626000850001c9a036',
  actionType: 'create',
  assigneeId: '0050W0000076H5jQAE',
  slot: { start: 1619789400000, end: 1619791200000 },
};
const key = (byte: number) => Buffer.alloc(32, byte).toString('base64url');
const KEYS = { k2: key(2), k1: key(1) };
const CLAIMS: TokenClaims = {
  clientId: '1234567890.1700000000',
  sessionId: String((NOW - 60_000) / 1000),
  issuedAt: NOW - 60_000,
  expiresAt: NOW + 30 * 86_400_000,
  analyticsConsent: true,
  adUserData: true,
  adPersonalization: false,
  lead: true,
};
const OPTIONS = { eventPrefix: 'widget_', sessionTimeoutMs: 30 * 60_000 };

describe('Chili Piper webhook', () => {
  it('reads the documented body for every actionType, and keeps no assigneeId', () => {
    for (const actionType of Object.keys(ACTION_TYPES)) {
      const parsed = parseWebhook({ ...SEED_BODY, actionType });
      expect(parsed, actionType).toMatchObject({
        webhook: { routeId: SEED_BODY.routeId, eventId: SEED_BODY.eventId, actionType, slot: SEED_BODY.slot },
      });
      expect(Object.keys((parsed as { webhook: object }).webhook)).not.toContain('assigneeId');
    }
  });

  it('refuses anything outside the documented shape, naming the field (positive control above)', () => {
    const hostile: [unknown, string][] = [
      [null, '(body)'],
      [[], '(body)'],
      ['x', '(body)'],
      [{ ...SEED_BODY, email: 'jane@example.com' }, 'email'],
      [{ ...SEED_BODY, actionType: 'delete' }, 'actionType'],
      [{ ...SEED_BODY, routeId: 'a b' }, 'routeId'],
      [{ ...SEED_BODY, routeId: 'x'.repeat(65) }, 'routeId'],
      [{ ...SEED_BODY, eventId: 7 }, 'eventId'],
      [{ ...SEED_BODY, slot: undefined }, 'slot'],
      [{ ...SEED_BODY, slot: { start: 2, end: 1 } }, 'slot.start'],
      [{ ...SEED_BODY, slot: { start: 1619789400000, end: 1619789400000 - 1 } }, 'slot.end'],
      [{ ...SEED_BODY, slot: { start: 1619789400000, end: 1619789400000 + 2 * 86_400_000 } }, 'slot.end'],
      [{ ...SEED_BODY, slot: { start: 1619789400000.5, end: 1619791200000 } }, 'slot.start'],
      [{ ...SEED_BODY, slot: { start: '2021-04-30T13:30:00Z', end: 1619791200000 } }, 'slot.start'],
      [{ ...SEED_BODY, slot: { ...SEED_BODY.slot, tz: 'x' } }, 'slot.tz'],
      [{ ...SEED_BODY, assigneeId: 'jane@example.com' }, 'assigneeId'],
      [Object.assign(Object.create({ polluted: 1 }), SEED_BODY), '(body)'],
    ];
    for (const [body, field] of hostile) {
      const parsed = parseWebhook(body);
      expect('error' in parsed && parsed.error.field, JSON.stringify(body)).toBe(field);
      expect('error' in parsed && parsed.error.expected, JSON.stringify(body)).toMatch(/\w{3}/);
    }
  });
});

describe('booking token', () => {
  it('any claims round-trip; any change to any byte of the sealed part, or another key, opens nothing (property test)', async () => {
    const claims = fc.record({
      clientId: fc.tuple(fc.nat(), fc.nat()).map(([a, b]) => a + '.' + b),
      sessionId: fc.option(fc.nat().map(String), { nil: undefined }),
      issuedAt: fc.integer({ min: 0, max: NOW }),
      analyticsConsent: fc.boolean(),
      adUserData: fc.boolean(),
      adPersonalization: fc.boolean(),
      lead: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(claims, fc.nat(), fc.integer({ min: 1, max: 255 }), async (drawn, at, flip) => {
        const sealedClaims: TokenClaims = { ...drawn, expiresAt: NOW + 1 };
        if (sealedClaims.sessionId === undefined) delete sealedClaims.sessionId;
        const token = await sealToken(sealedClaims, KEYS);
        if (JSON.stringify(await openToken(token, KEYS, NOW)) != JSON.stringify(sealedClaims)) return false;
        // Flip bits of one byte of iv ‖ ciphertext ‖ tag.
        const bytes = Buffer.from(token.slice(3), 'base64url');
        bytes[at % bytes.length] ^= flip;
        const tampered = 'k2.' + bytes.toString('base64url');
        return (await openToken(tampered, KEYS, NOW)) === undefined && (await openToken(token, { k2: KEYS.k1 }, NOW)) === undefined;
      }),
      { numRuns: 200 },
    );
  });

  it('opens only the canonical spelling: the last character with other unused bits is another token', async () => {
    const token = await sealToken(CLAIMS, KEYS);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(token.at(-1)!);
    const unusedBits = [0, 0, 4, 2][(token.length - 3) % 4]; // bits of the last character beyond the data
    expect(unusedBits).toBeGreaterThan(0); // this test needs a token whose length leaves bits over
    const variants = Array.from({ length: 2 ** unusedBits }, (_, i) => token.slice(0, -1) + alphabet[(last & ~(2 ** unusedBits - 1)) | i]);
    expect(variants).toContain(token); // control: the token itself is among them…
    for (const variant of variants) expect(await openToken(variant, KEYS, NOW), variant).toEqual(variant == token ? CLAIMS : undefined);
  });

  it('round-trips the claims and hides the GA ids', async () => {
    const token = await sealToken(CLAIMS, KEYS);
    expect(token.startsWith('k2.')).toBe(true);
    expect(token).not.toContain(CLAIMS.clientId);
    expect(await openToken(token, KEYS, NOW)).toEqual(CLAIMS);
  });

  it('opens after rotation with the old key still listed, and not once it is removed', async () => {
    const old = await sealToken(CLAIMS, { k1: KEYS.k1 });
    expect(await openToken(old, { k3: key(3), k1: KEYS.k1 }, NOW)).toEqual(CLAIMS);
    expect(await openToken(old, { k3: key(3) }, NOW)).toBeUndefined();
  });

  it('refuses expired, not yet issued, tampered, relabelled and foreign tokens', async () => {
    const token = await sealToken(CLAIMS, KEYS);
    expect(await openToken(token, KEYS, CLAIMS.expiresAt)).toBeUndefined();
    expect(await openToken(token, KEYS, CLAIMS.issuedAt - 1)).toBeUndefined();
    const body = token.slice(3);
    for (let i = 0; i < body.length; i += 7) {
      const flipped = body.slice(0, i) + (body[i] == 'A' ? 'B' : 'A') + body.slice(i + 1);
      expect(await openToken('k2.' + flipped, KEYS, NOW)).toBeUndefined();
    }
    // The key id is authenticated: the same ciphertext under another listed key id fails.
    expect(await openToken('k1.' + body, KEYS, NOW)).toBeUndefined();
    for (const junk of ['', '.', 'k2', 'k2.', 'k2.!!!', 'nokey.' + body, 'k2.' + body.slice(0, 20), 'x'.repeat(2000)])
      expect(await openToken(junk, KEYS, NOW), junk).toBeUndefined();
  });
});

describe('Measurement Protocol body', () => {
  const webhook = (actionType: string) =>
    (parseWebhook({ ...SEED_BODY, actionType }) as { webhook: Parameters<typeof buildMeasurementBody>[0] }).webhook;

  it('one event per actionType with its own name, joined to the session, carrying the sealed consent, valid for GA4', () => {
    for (const [actionType, { event, initiator }] of Object.entries(ACTION_TYPES)) {
      const body = buildMeasurementBody(webhook(actionType), CLAIMS, NOW, OPTIONS);
      expect(body.client_id).toBe(CLAIMS.clientId);
      expect(body.consent).toEqual({ ad_user_data: 'GRANTED', ad_personalization: 'DENIED' });
      expect(body.events[0]).toMatchObject({
        name: 'widget_' + event,
        params: {
          widget_vendor: 'chili_piper',
          widget_action: actionType,
          widget_initiator: initiator,
          session_id: CLAIMS.sessionId,
          engagement_time_msec: 1,
          widget_duration_minutes: 30,
        },
      });
      // generate_lead once, with the creation, only when the relay owns the lead.
      expect(body.events.map((e) => e.name)).toEqual(actionType == 'create' ? ['widget_' + event, 'generate_lead'] : ['widget_' + event]);
      expect(validateMeasurementBody(body, NOW)).toEqual([]);
      expect(JSON.stringify(body)).not.toMatch(/0050W0000076H5jQAE/);
    }
    expect(buildMeasurementBody(webhook('create'), { ...CLAIMS, lead: false }, NOW, OPTIONS).events).toHaveLength(1);
  });

  it('the validator reports what GA4 would silently drop, as the validation server would (control: the good body)', () => {
    const good = buildMeasurementBody(webhook('create'), { ...CLAIMS, lead: false }, NOW, OPTIONS);
    expect(validateMeasurementBody(good, NOW)).toEqual([]);
    const codes = (change: (body: typeof good) => void) => {
      const body = structuredClone(good);
      change(body);
      return validateMeasurementBody(body, NOW).map((m) => m.fieldPath + ' ' + m.validationCode);
    };
    expect(codes((b) => (b.events[0].name = 'first_visit'))).toEqual(['events[0].name NAME_RESERVED']);
    expect(codes((b) => (b.events[0].name = 'x'.repeat(41)))).toEqual(['events[0].name NAME_INVALID']);
    expect(codes((b) => (b.events[0].name = '1st'))).toEqual(['events[0].name NAME_INVALID']);
    expect(codes((b) => (b.events[0].params.widget_action = 'x'.repeat(101)))).toEqual([
      'events[0].params.widget_action VALUE_OUT_OF_BOUNDS',
    ]);
    expect(codes((b) => (b.events[0].params.widget_action = 'x'.repeat(100)))).toEqual([]);
    expect(codes((b) => (b.events[0].params.google_x = 1))).toEqual(['events[0].params.google_x NAME_RESERVED']);
    expect(codes((b) => (b.events[0].params['a-b'] = 1))).toEqual(['events[0].params.a-b NAME_INVALID']);
    expect(codes((b) => ((b.events[0].params as Record<string, unknown>).x = { y: 1 }))).toEqual(['events[0].params.x VALUE_INVALID']);
    expect(codes((b) => (b.events[0].params.x = NaN))).toEqual(['events[0].params.x VALUE_INVALID']);
    expect(codes((b) => (b.events = Array.from({ length: 26 }, () => good.events[0])))).toEqual(['events EXCEEDED_MAX_ENTITIES']);
    expect(codes((b) => (b.events = Array.from({ length: 25 }, () => good.events[0])))).toEqual([]);
    expect(codes((b) => (b.events = []))).toEqual(['events VALUE_REQUIRED']);
    expect(codes((b) => (b.client_id = ''))).toEqual(['client_id VALUE_REQUIRED']);
    expect(codes((b) => (b.timestamp_micros = (NOW - 73 * 3_600_000) * 1000))).toEqual(['timestamp_micros VALUE_OUT_OF_BOUNDS']);
    expect(codes((b) => (b.timestamp_micros = (NOW + 1) * 1000))).toEqual(['timestamp_micros VALUE_OUT_OF_BOUNDS']);
    expect(codes((b) => (b.timestamp_micros = (NOW - 71 * 3_600_000) * 1000))).toEqual([]);
    expect(codes((b) => ((b.consent as Record<string, string>).ad_user_data = 'granted'))).toEqual(['consent.ad_user_data VALUE_INVALID']);
    expect(codes((b) => ((b.consent as Record<string, string>).analytics_storage = 'GRANTED'))).toEqual([
      'consent.analytics_storage NAME_INVALID',
    ]);
    const upTo = (count: number) => (b: typeof good) =>
      Object.assign(
        b.events[0].params,
        Object.fromEntries(Array.from({ length: count - Object.keys(good.events[0].params).length }, (_, i) => ['p' + i, i])),
      );
    expect(codes(upTo(26))).toEqual(['events[0].params EXCEEDED_MAX_ENTITIES']);
    expect(codes(upTo(25))).toEqual([]);
  });
});
