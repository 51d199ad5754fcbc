import { describe, expect, it } from 'vitest';
import type { MeasurementBody } from '../src/measurementProtocol';
import { postWithFetch, retryAfterMs, sendMeasurement } from '../src/sendMeasurement';

const NOW = Date.UTC(2026, 10, 21, 12);
const BODY: MeasurementBody = {
  client_id: '1.2',
  consent: { ad_user_data: 'DENIED', ad_personalization: 'DENIED' },
  events: [{ name: 'widget_meeting_created', params: { engagement_time_msec: 1 } }],
};
/** A fake GA4 that answers from a script of responses (a number is a status; 'network' throws). */
function fakeGa4(script: (number | 'network' | { status: number; json?: unknown; headers?: Record<string, string> })[]) {
  const calls: { url: string; body: unknown }[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    calls.push({ url, body: JSON.parse(String(init.body)) });
    const next = script.shift()!;
    if (next == 'network') throw new TypeError('fetch failed');
    if (typeof next == 'number') return new Response(next == 204 ? null : '', { status: next });
    return new Response(next.json === undefined ? null : JSON.stringify(next.json), { status: next.status, headers: next.headers });
  }) as unknown as typeof globalThis.fetch;
  return { post: postWithFetch(fetch), calls };
}
const options = { measurementId: 'G-TEST123', apiSecret: 's3cr&t', now: NOW };

describe('sending to GA4 (one attempt; the outbox retries)', () => {
  it('sends once on 204, to /mp/collect with the id and the encoded secret', async () => {
    const ga4 = fakeGa4([204]);
    expect(await sendMeasurement(BODY, { ...options, ...ga4 })).toEqual({ outcome: 'sent', status: 204 });
    expect(ga4.calls).toEqual([
      { url: 'https://www.google-analytics.com/mp/collect?measurement_id=G-TEST123&api_secret=s3cr%26t', body: BODY },
    ]);
  });

  it('network errors, 5xx and 429 fail (to be retried), with the answer Retry-After', async () => {
    for (const [answer, expected] of [
      ['network', { outcome: 'failed', reason: 'network: fetch failed' }],
      [500, { outcome: 'failed', reason: 'HTTP 500' }],
      [
        { status: 503, headers: { 'retry-after': '120' } },
        { outcome: 'failed', reason: 'HTTP 503', retryAfterMs: 120_000 },
      ],
      [
        { status: 429, headers: { 'retry-after': '30' } },
        { outcome: 'failed', reason: 'HTTP 429', retryAfterMs: 30_000 },
      ],
      [429, { outcome: 'failed', reason: 'HTTP 429' }],
    ] as const) {
      const ga4 = fakeGa4([answer as never]);
      expect(await sendMeasurement(BODY, { ...options, ...ga4 }), JSON.stringify(answer)).toEqual(expected);
      expect(ga4.calls).toHaveLength(1); // no retry loop here
    }
  });

  it('any other 4xx is rejected: GA4 will never accept it', async () => {
    for (const status of [400, 403, 404, 413]) {
      const ga4 = fakeGa4([status]);
      expect(await sendMeasurement(BODY, { ...options, ...ga4 })).toEqual({ outcome: 'rejected', status });
    }
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(retryAfterMs('90', NOW)).toBe(90_000);
    expect(retryAfterMs(new Date(NOW + 5 * 60_000).toUTCString(), NOW)).toBe(5 * 60_000);
    expect(retryAfterMs(null, NOW)).toBeUndefined();
    expect(retryAfterMs('soon', NOW)).toBeUndefined();
  });

  it('debug mode uses the validation server and returns its messages', async () => {
    const messages = [{ fieldPath: 'events', description: 'Event at index: [0] has invalid name [_x].', validationCode: 'NAME_INVALID' }];
    const ga4 = fakeGa4([{ status: 200, json: { validationMessages: messages } }]);
    const result = await sendMeasurement(BODY, { ...options, ...ga4, debug: true });
    expect(result).toEqual({ outcome: 'sent', status: 200, validationMessages: messages });
    expect(ga4.calls[0].url).toMatch(/^https:\/\/www\.google-analytics\.com\/debug\/mp\/collect\?/);
  });
});
