/**
 * Sends one Measurement Protocol body, once: the outbox decides about retries.
 * GA4 answers 2xx even for invalid payloads, so another 4xx is a request GA4
 * will never accept (`rejected`). Network errors, 5xx and 429 are `failed`
 * and tried again later, not before the answer's `Retry-After`. With `debug`,
 * the body goes to the validation server instead and its `validationMessages`
 * are returned.
 * https://developers.google.com/analytics/devguides/collection/protocol/ga4/validating-events
 * Retry-After: https://www.rfc-editor.org/rfc/rfc9110#field.retry-after
 */
import type { MeasurementBody } from './measurementProtocol';

export interface SendOptions {
  measurementId: string;
  apiSecret: string;
  /** Scheme and host of the collection endpoint; Google's global one by default. */
  endpoint?: string;
  /** Use /debug/mp/collect and return its validation messages; nothing is recorded by GA4. */
  debug?: boolean;
  /** Injected for tests and runtimes: the platform's fetch by default. */
  fetch?: typeof fetch;
  /** Epoch ms, to read a `Retry-After` date. */
  now: number;
}

export type SendResult =
  | { outcome: 'sent'; status: number; validationMessages?: unknown[] }
  | { outcome: 'rejected'; status: number }
  | { outcome: 'failed'; reason: string; retryAfterMs?: number };

/** A `Retry-After` header in milliseconds from `now` (delay-seconds or an HTTP date); undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export async function sendMeasurement(body: MeasurementBody, options: SendOptions): Promise<SendResult> {
  const doFetch = options.fetch || fetch;
  const path = options.debug ? '/debug/mp/collect' : '/mp/collect';
  const url =
    (options.endpoint || 'https://www.google-analytics.com') +
    path +
    '?measurement_id=' +
    encodeURIComponent(options.measurementId) +
    '&api_secret=' +
    encodeURIComponent(options.apiSecret);
  let response: Response;
  try {
    response = await doFetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      // A hung connection is a network error; well inside the outbox's one-minute lease.
      signal: AbortSignal.timeout(10_000),
    });
  } catch (error) {
    return { outcome: 'failed', reason: 'network: ' + String((error as Error).message || error) };
  }
  if (response.status >= 500 || response.status == 429) {
    await response.body?.cancel();
    return {
      outcome: 'failed',
      reason: 'HTTP ' + response.status,
      retryAfterMs: retryAfterMs(response.headers.get('retry-after'), options.now),
    };
  }
  if (response.status < 200 || response.status >= 300) {
    await response.body?.cancel();
    return { outcome: 'rejected', status: response.status };
  }
  if (!options.debug) {
    await response.body?.cancel();
    return { outcome: 'sent', status: response.status };
  }
  const answer = (await response.json().catch(() => ({}))) as { validationMessages?: unknown[] };
  return { outcome: 'sent', status: response.status, validationMessages: answer.validationMessages || [] };
}
