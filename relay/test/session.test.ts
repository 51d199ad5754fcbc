// @vitest-environment node
/**
 * GA4's session rule, at each boundary: an event joins the visitor's session
 * only while its time is inside the session (no later than the session's start
 * + 24 h, and no later than the last hit the relay knows of + the session
 * timeout), and a request reaches GA4 with a `session_id` only within 24 h of
 * the session's start.
 * https://developers.google.com/analytics/devguides/collection/protocol/ga4/use-cases
 * https://support.google.com/analytics/answer/12798876
 */
import { describe, expect, it } from 'vitest';
import { readRelayConfig } from '../src/config';
import { forDelivery, joinsSession, MAX_SESSION_TIMEOUT, SESSION_ATTRIBUTION_WINDOW } from '../src/measurementProtocol';
import { CLIENT_ID, HOUR, NOW, relayUnderTest, SEED_BODY, SESSION_ID } from './fakes';

const MINUTE = 60_000;
const TIMEOUT = 30 * MINUTE;
const sessionOf = (ids: { sessionStart: number; issuedAt: number }) => ({
  sessionId: String(ids.sessionStart / 1000),
  issuedAt: ids.issuedAt,
});

describe('joining the session', () => {
  it('the timeout since the last known hit: −1 ms joined, 0 ms user-only', () => {
    const claims = sessionOf({ sessionStart: NOW, issuedAt: NOW + 10 * MINUTE });
    expect(joinsSession(claims, claims.issuedAt + TIMEOUT - 1, TIMEOUT)).toBe(true);
    expect(joinsSession(claims, claims.issuedAt + TIMEOUT, TIMEOUT)).toBe(false);
    // The stream's own timeout, up to GA4's maximum of 7 h 55 min.
    expect(joinsSession(claims, claims.issuedAt + MAX_SESSION_TIMEOUT - 1, MAX_SESSION_TIMEOUT)).toBe(true);
    expect(joinsSession(claims, claims.issuedAt + MAX_SESSION_TIMEOUT, MAX_SESSION_TIMEOUT)).toBe(false);
  });

  it("the session's start + 24 h, even when the last hit was moments before: −1 ms joined, 0 ms user-only", () => {
    const end = NOW + SESSION_ATTRIBUTION_WINDOW;
    const claims = sessionOf({ sessionStart: NOW, issuedAt: end - 5 * MINUTE });
    expect(joinsSession(claims, end - 1, TIMEOUT)).toBe(true);
    expect(joinsSession(claims, end, TIMEOUT)).toBe(false);
  });

  it('never before the session started, never without a session id', () => {
    const claims = sessionOf({ sessionStart: NOW, issuedAt: NOW });
    expect(joinsSession(claims, NOW, TIMEOUT)).toBe(true); // control
    expect(joinsSession(claims, NOW - 1, TIMEOUT)).toBe(false);
    expect(joinsSession({ issuedAt: NOW }, NOW, TIMEOUT)).toBe(false);
  });

  it('the timeout is a setting: 30 min by default, 1 to 475 minutes (7 h 55 min)', () => {
    const env = {
      GA4_MEASUREMENT_ID: 'G-TEST123456',
      GA4_API_SECRET: 's',
      RELAY_TOKEN_KEYS: 'k1:' + Buffer.alloc(32, 1).toString('base64url'),
      RELAY_ALLOWED_ORIGINS: 'https://www.shop.test',
      RELAY_PUBLIC_URL: 'https://relay.shop.test',
    };
    expect(readRelayConfig(env)).toMatchObject({ config: { sessionTimeoutMs: TIMEOUT } });
    expect(readRelayConfig({ ...env, RELAY_SESSION_TIMEOUT_MINUTES: '475' })).toMatchObject({
      config: { sessionTimeoutMs: MAX_SESSION_TIMEOUT },
    });
    expect(readRelayConfig({ ...env, RELAY_SESSION_TIMEOUT_MINUTES: '476' })).toEqual({
      problems: ['RELAY_SESSION_TIMEOUT_MINUTES must be a number from 1 to 475'],
    });
  });
});

describe('through the relay', () => {
  const reschedule = (hours: number) => ({
    ...SEED_BODY,
    actionType: 'reschedule',
    slot: { start: SEED_BODY.slot.start + hours * HOUR, end: SEED_BODY.slot.end + hours * HOUR },
  });

  it('a webhook inside the session joins it; one a timeout after the token request is user-only', async () => {
    const { hookUrl, post, ga4, clock } = relayUnderTest();
    const url = await hookUrl(); // issued at NOW, the session's start
    clock.now = NOW + TIMEOUT - 1;
    await post(url, reschedule(1));
    clock.now = NOW + TIMEOUT;
    await post(url, reschedule(2));
    expect(ga4.requests.map((r) => r.body.events[0].params.session_id)).toEqual([SESSION_ID, undefined]);
    // User-only events still carry the client id, so GA4 attributes them to the same user.
    expect(ga4.requests.map((r) => r.body.client_id)).toEqual([CLIENT_ID, CLIENT_ID]);
  });

  it('a booking confirmed two hours after the visitor left is user-only (the bug this rule fixes)', async () => {
    const { hookUrl, post, ga4, clock } = relayUnderTest();
    const url = await hookUrl();
    clock.now = NOW + 2 * HOUR;
    await post(url, SEED_BODY);
    expect(ga4.requests[0].body.events.map((e) => e.params.session_id)).toEqual([undefined, undefined]);
  });

  it('a stale session_id is never sent: a joined event still queued 24 h after the session started leaves user-only', async () => {
    const { hookUrl, post, ga4, clock, relay } = relayUnderTest();
    const url = await hookUrl();
    ga4.answers.push(503);
    clock.now = NOW + 20 * MINUTE;
    await post(url, SEED_BODY); // joined, and GA4 is down
    expect(ga4.requests[0].body.events.map((e) => e.params.session_id)).toEqual([SESSION_ID, SESSION_ID]);
    ga4.answers.push(503);
    clock.now = NOW + SESSION_ATTRIBUTION_WINDOW - 1;
    await relay.drain(); // control: inside the window the retry still carries it
    expect(ga4.requests[1].body.events[0].params.session_id).toBe(SESSION_ID);
    clock.now = NOW + SESSION_ATTRIBUTION_WINDOW - 1 + 60_000; // the next try, after the second failure's 60 s
    await relay.drain();
    expect(ga4.requests).toHaveLength(3);
    expect(ga4.requests[2].body.events.map((e) => e.params.session_id)).toEqual([undefined, undefined]);
    // …with everything else as it was, the event's own time included.
    expect(ga4.requests[2].body.timestamp_micros).toBe((NOW + 20 * MINUTE) * 1000);
  });

  it('forDelivery: every request a drain sends holds no session_id 24 h or more past its start (property over delivery times)', () => {
    const body = {
      client_id: CLIENT_ID,
      consent: { ad_user_data: 'DENIED', ad_personalization: 'DENIED' } as const,
      events: [{ name: 'widget_meeting_created', params: { session_id: SESSION_ID, engagement_time_msec: 1 } }],
    };
    for (let offset = -2; offset <= 2; offset++) {
      const at = NOW + SESSION_ATTRIBUTION_WINDOW + offset;
      expect(forDelivery(body, at).events[0].params.session_id, String(offset)).toBe(offset < 0 ? SESSION_ID : undefined);
    }
    expect(body.events[0].params.session_id).toBe(SESSION_ID); // the stored body itself is not changed
  });
});
