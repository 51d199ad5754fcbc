/**
 * Sends one Measurement Protocol body. GA4 answers 2xx even for invalid
 * payloads, so a non-2xx answer is a request GA4 will never accept: it is not
 * retried. Network errors and 5xx answers are retried with exponential
 * backoff. With `debug`, the body goes to the validation endpoint instead and
 * its `validationMessages` are returned.
 * https://developers.google.com/analytics/devguides/collection/protocol/ga4/validating-events
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
  /** Injected for tests: waits `ms` before a retry. */
  sleep?: (ms: number) => Promise<void>;
  /** Attempts in all, the first included. */
  attempts?: number;
  /** First backoff; doubles each retry. */
  backoffMs?: number;
}

export type SendResult =
  | { outcome: 'sent'; status: number; attempts: number; validationMessages?: unknown[] }
  | { outcome: 'rejected'; status: number; attempts: number }
  | { outcome: 'failed'; attempts: number; reason: string };

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function sendMeasurement(body: MeasurementBody, options: SendOptions): Promise<SendResult> {
  const doFetch = options.fetch || fetch;
  const sleep = options.sleep || wait;
  const attempts = options.attempts || 4;
  const path = options.debug ? '/debug/mp/collect' : '/mp/collect';
  const url =
    (options.endpoint || 'https://www.google-analytics.com') +
    path +
    '?measurement_id=' +
    encodeURIComponent(options.measurementId) +
    '&api_secret=' +
    encodeURIComponent(options.apiSecret);
  let reason = '';
  for (let attempt = 1; attempt <= attempts; attempt++) {
    if (attempt > 1) await sleep((options.backoffMs || 500) * 2 ** (attempt - 2));
    let response: Response;
    try {
      response = await doFetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        // A hung connection is a network error, retried; well inside the outbox's one-minute lease.
        signal: AbortSignal.timeout(10_000),
      });
    } catch (error) {
      reason = 'network: ' + String((error as Error).message || error);
      continue;
    }
    if (response.status >= 500) {
      reason = 'HTTP ' + response.status;
      continue;
    }
    if (response.status < 200 || response.status >= 300) return { outcome: 'rejected', status: response.status, attempts: attempt };
    if (!options.debug) return { outcome: 'sent', status: response.status, attempts: attempt };
    const answer = (await response.json().catch(() => ({}))) as { validationMessages?: unknown[] };
    return { outcome: 'sent', status: response.status, attempts: attempt, validationMessages: answer.validationMessages || [] };
  }
  return { outcome: 'failed', attempts, reason };
}
