import { describe, expect, it } from 'vitest';
import { sendMeasurement } from '../../relay/src/sendMeasurement';

const BODY = { client_id: '1.2', events: [{ name: 'widget_meeting_created', params: { engagement_time_msec: 1 } }] };
/** A fake GA4 that answers from a script of responses (a number is a status; 'network' throws). */
function fakeGa4(script: (number | 'network' | { status: number; json: unknown })[]) {
  const calls: { url: string; body: unknown }[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    calls.push({ url, body: JSON.parse(String(init.body)) });
    const next = script.shift()!;
    if (next == 'network') throw new TypeError('fetch failed');
    if (typeof next == 'number') return new Response(next == 204 ? null : '', { status: next });
    return new Response(JSON.stringify(next.json), { status: next.status });
  }) as unknown as typeof globalThis.fetch;
  const waits: number[] = [];
  return { fetch, calls, waits, sleep: async (ms: number) => void waits.push(ms) };
}
const options = { measurementId: 'G-TEST123', apiSecret: 's3cr&t', backoffMs: 100 };

describe('sending to GA4', () => {
  it('sends once on 204, to /mp/collect with the id and the encoded secret', async () => {
    const ga4 = fakeGa4([204]);
    expect(await sendMeasurement(BODY, { ...options, ...ga4 })).toEqual({ outcome: 'sent', status: 204, attempts: 1 });
    expect(ga4.calls).toEqual([
      { url: 'https://www.google-analytics.com/mp/collect?measurement_id=G-TEST123&api_secret=s3cr%26t', body: BODY },
    ]);
  });

  it('retries network errors and 5xx with doubling backoff, then succeeds', async () => {
    const ga4 = fakeGa4(['network', 500, 503, 204]);
    expect(await sendMeasurement(BODY, { ...options, ...ga4 })).toEqual({ outcome: 'sent', status: 204, attempts: 4 });
    expect(ga4.waits).toEqual([100, 200, 400]);
  });

  it('does not retry a 4xx (GA4 will never accept it), and gives up after the attempts', async () => {
    const rejected = fakeGa4([400, 204]);
    expect(await sendMeasurement(BODY, { ...options, ...rejected })).toEqual({ outcome: 'rejected', status: 400, attempts: 1 });
    expect(rejected.calls).toHaveLength(1);
    const down = fakeGa4([500, 500, 500, 500, 204]);
    expect(await sendMeasurement(BODY, { ...options, ...down })).toEqual({ outcome: 'failed', attempts: 4, reason: 'HTTP 500' });
    expect(down.calls).toHaveLength(4);
  });

  it('debug mode uses the validation endpoint and returns its messages', async () => {
    const messages = [{ fieldPath: 'events', description: 'Event at index: [0] has invalid name [_x].', validationCode: 'NAME_INVALID' }];
    const ga4 = fakeGa4([{ status: 200, json: { validationMessages: messages } }]);
    const result = await sendMeasurement(BODY, { ...options, ...ga4, debug: true });
    expect(result).toEqual({ outcome: 'sent', status: 200, attempts: 1, validationMessages: messages });
    expect(ga4.calls[0].url).toMatch(/^https:\/\/www\.google-analytics\.com\/debug\/mp\/collect\?/);
  });
});
