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

/** One POST of a JSON body and what the relay reads of the answer; rejects on network errors and timeouts. */
export type PostJson = (
  url: string,
  json: string,
  timeoutMs: number,
) => Promise<{ status: number; retryAfter: string | null; text: string }>;

/** PostJson with a `fetch`: the platform's (the Worker) or a fake (tests). */
export const postWithFetch =
  (doFetch: typeof fetch = fetch): PostJson =>
  async (url, json, timeoutMs) => {
    const response = await doFetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: json,
      signal: AbortSignal.timeout(timeoutMs),
    });
    return { status: response.status, retryAfter: response.headers.get('retry-after'), text: await response.text() };
  };

export interface SendOptions {
  measurementId: string;
  apiSecret: string;
  /** Scheme and host of the collection endpoint; Google's global one by default. */
  endpoint?: string;
  /** Use /debug/mp/collect and return its validation messages; nothing is recorded by GA4. */
  debug?: boolean;
  /** How the request goes: the platform's fetch by default. */
  post?: PostJson;
  /** Epoch ms, to read a `Retry-After` date. */
  now: number;
}

export type SendResult =
  | { outcome: 'sent'; status: number; validationMessages?: unknown[] }
  | { outcome: 'rejected'; status: number }
  | { outcome: 'failed'; reason: string; retryAfterMs?: number };

/** A hung connection is a network error; well inside the outbox's one-minute lease. */
const TIMEOUT_MS = 10_000;

/** A `Retry-After` header in milliseconds from `now` (delay-seconds or an HTTP date); undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export async function sendMeasurement(body: MeasurementBody, options: SendOptions): Promise<SendResult> {
  const post = options.post || postWithFetch();
  const path = options.debug ? '/debug/mp/collect' : '/mp/collect';
  const url =
    (options.endpoint || 'https://www.google-analytics.com') +
    path +
    '?measurement_id=' +
    encodeURIComponent(options.measurementId) +
    '&api_secret=' +
    encodeURIComponent(options.apiSecret);
  let answer: Awaited<ReturnType<PostJson>>;
  try {
    answer = await post(url, JSON.stringify(body), TIMEOUT_MS);
  } catch (error) {
    return { outcome: 'failed', reason: 'network: ' + String((error as Error).message || error) };
  }
  const { status } = answer;
  if (status >= 500 || status == 429)
    return { outcome: 'failed', reason: 'HTTP ' + status, retryAfterMs: retryAfterMs(answer.retryAfter, options.now) };
  if (status < 200 || status >= 300) return { outcome: 'rejected', status };
  if (!options.debug) return { outcome: 'sent', status };
  let validationMessages: unknown[] = [];
  try {
    validationMessages = (JSON.parse(answer.text) as { validationMessages?: unknown[] }).validationMessages || [];
  } catch {
    // not the validation server's JSON: nothing to report
  }
  return { outcome: 'sent', status, validationMessages };
}
