/**
 * The GA4 Measurement Protocol request for one webhook, and a local check of
 * every body against GA4's limits (the collection endpoint answers 2xx even
 * for invalid payloads, so nothing else would tell).
 * https://developers.google.com/analytics/devguides/collection/protocol/ga4/sending-events
 * https://developers.google.com/analytics/devguides/collection/protocol/ga4/reference
 */
import {
  EVENT_NAME_PATTERN,
  MAX_PARAM_NAME_LENGTH,
  MAX_PARAMS,
  MAX_VALUE_LENGTH,
  RESERVED_EVENT_NAMES,
  RESERVED_PREFIXES,
} from '../../src/core/ga4';
// The browser's schema version, so both sides' events read alike.
import { SCHEMA_VERSION } from '../../src/core/schema';
import type { TokenClaims } from './token';
import { ACTION_TYPES, type ChiliPiperWebhook } from './webhook';
const HOUR = 60 * 60 * 1000;
/** An event joins the browser session only when sent within 24 h of the session start. */
export const SESSION_JOIN_WINDOW = 24 * HOUR;
/** `timestamp_micros` may be at most 72 h in the past. */
export const BACKDATE_LIMIT = 72 * HOUR;

export interface MeasurementEvent {
  name: string;
  params: Record<string, string | number>;
}
export interface MeasurementBody {
  client_id: string;
  /** When the webhook arrived: a delivery retried later keeps the time the meeting changed. */
  timestamp_micros?: number;
  events: MeasurementEvent[];
}

/**
 * The request body for a webhook received at `now`. When the token says the
 * browser counts the booking as a lead (`claims.lead`), the relay, not the
 * browser, sends its one `generate_lead`, with the booking's creation.
 */
export function buildMeasurementBody(
  webhook: ChiliPiperWebhook,
  claims: TokenClaims,
  now: number,
  options: { eventPrefix: string },
): MeasurementBody {
  const { event, initiator } = ACTION_TYPES[webhook.actionType];
  const params: Record<string, string | number> = {
    widget_vendor: 'chili_piper',
    widget_product: 'concierge',
    widget_action: webhook.actionType,
    widget_interaction_id: webhook.routeId,
    widget_initiator: initiator,
    widget_schema: SCHEMA_VERSION,
    // Minutes from now to the meeting (negative once it started): useful in reports, not identifying.
    widget_meeting_in_minutes: Math.round((webhook.slot.start - now) / 60000),
    widget_duration_minutes: Math.round((webhook.slot.end - webhook.slot.start) / 60000),
    engagement_time_msec: 1,
  };
  // Joining the browser's session needs its id, within 24 h of the session's start (the token's issue time
  // is inside that session).
  if (claims.sessionId && now - claims.issuedAt < SESSION_JOIN_WINDOW) params.session_id = claims.sessionId;
  const events: MeasurementEvent[] = [{ name: options.eventPrefix + event, params }];
  if (claims.lead && webhook.actionType == 'create') {
    events.push({ name: 'generate_lead', params: { ...params, lead_source: 'chili_piper' } });
  }
  return { client_id: claims.clientId, timestamp_micros: now * 1000, events };
}

/** Events per Measurement Protocol request. */
const MAX_EVENTS = 25;
/** Parameter names: a letter first, then letters, digits and `_` (their length is checked separately). */
const PARAM_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const isReserved = (name: string) => RESERVED_PREFIXES.some((prefix) => name.startsWith(prefix));

/** Every way the body breaks GA4's documented limits; empty when it is fine. */
export function validateMeasurementBody(body: MeasurementBody, now: number): string[] {
  const problems: string[] = [];
  if (typeof body.client_id != 'string' || !body.client_id) problems.push('client_id missing');
  if (!Array.isArray(body.events) || body.events.length == 0) problems.push('no events');
  else if (body.events.length > MAX_EVENTS) problems.push(`more than ${MAX_EVENTS} events`);
  if (body.timestamp_micros !== undefined && (body.timestamp_micros > now * 1000 || body.timestamp_micros < (now - BACKDATE_LIMIT) * 1000))
    problems.push('timestamp_micros outside the last 72 hours');
  for (const event of body.events || []) {
    const name = event.name;
    if (!EVENT_NAME_PATTERN.test(name)) problems.push(`event name ${JSON.stringify(name)}: letters, digits, _; ≤ 40`);
    if (isReserved(name) || (RESERVED_EVENT_NAMES as readonly string[]).indexOf(name) >= 0)
      problems.push(`event name ${JSON.stringify(name)} is reserved`);
    const keys = Object.keys(event.params || {});
    if (keys.length > MAX_PARAMS) problems.push(`${name}: more than ${MAX_PARAMS} parameters`);
    for (const key of keys) {
      const value = event.params[key];
      if (!PARAM_NAME.test(key) || key.length > MAX_PARAM_NAME_LENGTH) problems.push(`${name}.${key}: parameter name`);
      if (isReserved(key)) problems.push(`${name}.${key}: reserved parameter name`);
      if (typeof value == 'string' && value.length > MAX_VALUE_LENGTH)
        problems.push(`${name}.${key}: value over ${MAX_VALUE_LENGTH} characters`);
      if (typeof value == 'number' && !Number.isFinite(value)) problems.push(`${name}.${key}: not a finite number`);
    }
  }
  return problems;
}
