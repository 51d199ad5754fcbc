/**
 * The GA4 Measurement Protocol request for one webhook, and a local check of
 * every body against GA4's limits (the collection endpoint answers 2xx even
 * for invalid payloads, so nothing else would tell).
 * https://developers.google.com/analytics/devguides/collection/protocol/ga4/sending-events
 * https://developers.google.com/analytics/devguides/collection/protocol/ga4/reference
 */
import { ACTION_TYPES, type ChiliPiperWebhook } from './webhook';
import type { TokenClaims } from './token';

/** The schema version of the browser's pushes, so both sides' events read alike. */
export const SCHEMA_VERSION = 1;
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
  timestamp_micros?: number;
  events: MeasurementEvent[];
}

/**
 * The request body for a webhook. `ownsLead`: the token covered the
 * interaction, so the relay (not the browser) sends its one `generate_lead`,
 * with the booking's creation.
 */
export function buildMeasurementBody(
  webhook: ChiliPiperWebhook,
  claims: TokenClaims,
  now: number,
  options: { eventPrefix: string; ownsLead: boolean },
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
  if (options.ownsLead && webhook.actionType == 'create') {
    events.push({ name: 'generate_lead', params: { ...params, lead_source: 'chili_piper' } });
  }
  return { client_id: claims.clientId, events };
}

/** Event names GA4 reserves (prefixes and names), per the Measurement Protocol reference. */
const RESERVED_PREFIXES = ['_', 'firebase_', 'ga_', 'google_', 'gtag.'];
const RESERVED_NAMES = [
  'ad_activeview',
  'ad_click',
  'ad_exposure',
  'ad_query',
  'ad_reward',
  'adunit_exposure',
  'app_background',
  'app_clear_data',
  'app_exception',
  'app_remove',
  'app_store_refund',
  'app_store_subscription_cancel',
  'app_store_subscription_convert',
  'app_store_subscription_renew',
  'app_update',
  'app_upgrade',
  'dynamic_link_app_open',
  'dynamic_link_app_update',
  'dynamic_link_first_open',
  'error',
  'first_open',
  'first_visit',
  'in_app_purchase',
  'notification_dismiss',
  'notification_foreground',
  'notification_open',
  'notification_receive',
  'os_update',
  'session_start',
  'session_start_with_rollout',
  'user_engagement',
];
const NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/** Every way the body breaks GA4's documented limits; empty when it is fine. */
export function validateMeasurementBody(body: MeasurementBody, now: number): string[] {
  const problems: string[] = [];
  if (typeof body.client_id != 'string' || !body.client_id) problems.push('client_id missing');
  if (!Array.isArray(body.events) || body.events.length == 0) problems.push('no events');
  else if (body.events.length > 25) problems.push('more than 25 events');
  if (body.timestamp_micros !== undefined && (body.timestamp_micros > now * 1000 || body.timestamp_micros < (now - BACKDATE_LIMIT) * 1000))
    problems.push('timestamp_micros outside the last 72 hours');
  for (const event of body.events || []) {
    const name = event.name;
    if (!NAME.test(name) || name.length > 40) problems.push(`event name ${JSON.stringify(name)}: letters, digits, _; ≤ 40`);
    if (RESERVED_PREFIXES.some((prefix) => name.startsWith(prefix)) || RESERVED_NAMES.indexOf(name) >= 0)
      problems.push(`event name ${JSON.stringify(name)} is reserved`);
    const keys = Object.keys(event.params || {});
    if (keys.length > 25) problems.push(`${name}: more than 25 parameters`);
    for (const key of keys) {
      const value = event.params[key];
      if (!NAME.test(key) || key.length > 40) problems.push(`${name}.${key}: parameter name`);
      if (RESERVED_PREFIXES.some((prefix) => key.startsWith(prefix))) problems.push(`${name}.${key}: reserved parameter name`);
      if (typeof value == 'string' && value.length > 100) problems.push(`${name}.${key}: value over 100 characters`);
      if (typeof value == 'number' && !Number.isFinite(value)) problems.push(`${name}.${key}: not a finite number`);
    }
  }
  return problems;
}
