/**
 * The GA4 Measurement Protocol request for one webhook: which session it
 * joins, the consent it carries, and a local check of every body against the
 * rules GA4's validation server documents (the collection endpoint answers
 * 2xx even for invalid payloads, so nothing else would tell).
 * https://developers.google.com/analytics/devguides/collection/protocol/ga4/sending-events
 * https://developers.google.com/analytics/devguides/collection/protocol/ga4/reference
 * https://developers.google.com/analytics/devguides/collection/protocol/ga4/validating-events
 */
import {
  EVENT_NAME_PATTERN,
  MAX_PARAM_NAME_LENGTH,
  MAX_PARAMS,
  MAX_VALUE_LENGTH,
  RESERVED_EVENT_NAMES,
  RESERVED_PREFIXES,
} from 'gtm-widget-bridge/ga4';
// The browser's schema version, so both sides' events read alike.
import { SCHEMA_VERSION } from 'gtm-widget-bridge/schema';
import type { TokenClaims } from './token';
import { ACTION_TYPES, type ChiliPiperWebhook } from './webhook';

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
/**
 * Session attribution: the request reaches GA4 no later than the session's start + 24 h, and the event's
 * time lies inside the session (https://developers.google.com/analytics/devguides/collection/protocol/ga4/use-cases).
 */
export const SESSION_ATTRIBUTION_WINDOW = 24 * HOUR;
/** A web session ends after 30 minutes without activity unless the stream says otherwise (https://support.google.com/analytics/answer/9191807). */
export const DEFAULT_SESSION_TIMEOUT = 30 * MINUTE;
/** The longest "Adjust session timeout" allows: 7 h 55 min (https://support.google.com/analytics/answer/12798876). */
export const MAX_SESSION_TIMEOUT = (7 * 60 + 55) * MINUTE;
/** `timestamp_micros` may be at most 72 h in the past. */
export const BACKDATE_LIMIT = 72 * HOUR;

/** Consent Mode's two advertising signals as the Measurement Protocol takes them (`consent` in the body). */
export type ConsentValue = 'GRANTED' | 'DENIED';

export interface MeasurementEvent {
  name: string;
  params: Record<string, string | number>;
}
export interface MeasurementBody {
  client_id: string;
  /** When the webhook arrived: a delivery retried later keeps the time the meeting changed. */
  timestamp_micros?: number;
  /** https://developers.google.com/analytics/devguides/collection/protocol/ga4/reference#payload_consent */
  consent: { ad_user_data: ConsentValue; ad_personalization: ConsentValue };
  events: MeasurementEvent[];
}

/** The session's start, epoch ms: a GA4 session id is that start in seconds. */
const sessionStart = (sessionId: string) => Number(sessionId) * 1000;

/**
 * Whether an event at `at` still belongs to the token's session: the session
 * started at or before it, began less than 24 h before it, and the last hit
 * the relay knows of (the page asking for the token, `issuedAt`) is less than
 * one session timeout before it. Otherwise the event is sent user-only.
 */
export function joinsSession(claims: Pick<TokenClaims, 'sessionId' | 'issuedAt'>, at: number, sessionTimeoutMs: number): boolean {
  if (!claims.sessionId) return false;
  const start = sessionStart(claims.sessionId);
  return start <= at && at < start + SESSION_ATTRIBUTION_WINDOW && at < claims.issuedAt + sessionTimeoutMs;
}

const consentValue = (granted: boolean): ConsentValue => (granted ? 'GRANTED' : 'DENIED');

/**
 * The request body for a webhook received at `now`. When the token says the
 * browser counts the booking as a lead (`claims.lead`), the relay, not the
 * browser, sends its one `generate_lead`, with the booking's creation.
 */
export function buildMeasurementBody(
  webhook: ChiliPiperWebhook,
  claims: TokenClaims,
  now: number,
  options: { eventPrefix: string; sessionTimeoutMs: number },
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
  if (joinsSession(claims, now, options.sessionTimeoutMs)) params.session_id = claims.sessionId!;
  const events: MeasurementEvent[] = [{ name: options.eventPrefix + event, params }];
  if (claims.lead && webhook.actionType == 'create') {
    events.push({ name: 'generate_lead', params: { ...params, lead_source: 'chili_piper' } });
  }
  return {
    client_id: claims.clientId,
    timestamp_micros: now * 1000,
    consent: { ad_user_data: consentValue(claims.adUserData), ad_personalization: consentValue(claims.adPersonalization) },
    events,
  };
}

/**
 * The body as it may leave at `now`: a delivery retried 24 h or more after
 * its session started goes user-only, since GA4 attributes a request to a
 * session only within 24 h of its start; a stale `session_id` is never sent.
 */
export function forDelivery(body: MeasurementBody, now: number): MeasurementBody {
  const stale = body.events.some(
    (event) => typeof event.params.session_id == 'string' && now >= sessionStart(event.params.session_id) + SESSION_ATTRIBUTION_WINDOW,
  );
  if (!stale) return body;
  return {
    ...body,
    events: body.events.map(({ name, params }) => {
      const { session_id: _dropped, ...rest } = params;
      return { name, params: rest };
    }),
  };
}

/** One problem, shaped as the validation server's `validationMessages` entries. */
export interface ValidationMessage {
  fieldPath: string;
  description: string;
  validationCode: 'VALUE_INVALID' | 'VALUE_REQUIRED' | 'NAME_INVALID' | 'NAME_RESERVED' | 'VALUE_OUT_OF_BOUNDS' | 'EXCEEDED_MAX_ENTITIES';
}

/** Events per request. */
const MAX_EVENTS = 25;
/** A request's POST body must stay under 130 kB. */
const MAX_BODY_BYTES = 130_000;
/** Parameter names: a letter first, then letters, digits and `_` (their length is checked separately). */
const PARAM_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const CONSENT_VALUES: readonly unknown[] = ['GRANTED', 'DENIED'];
const isReserved = (name: string) => RESERVED_PREFIXES.some((prefix) => name.startsWith(prefix));

/**
 * Every way the body breaks the rules of the Measurement Protocol reference and
 * its "Limitations" (sending-events), as the validation server would report it;
 * empty when GA4 would accept it whole.
 */
export function validateMeasurementBody(body: MeasurementBody, now: number): ValidationMessage[] {
  const messages: ValidationMessage[] = [];
  const report = (fieldPath: string, validationCode: ValidationMessage['validationCode'], description: string) =>
    messages.push({ fieldPath, validationCode, description });
  if (typeof body.client_id != 'string' || !body.client_id) report('client_id', 'VALUE_REQUIRED', 'client_id is required');
  if (body.timestamp_micros !== undefined && (body.timestamp_micros > now * 1000 || body.timestamp_micros < (now - BACKDATE_LIMIT) * 1000))
    report('timestamp_micros', 'VALUE_OUT_OF_BOUNDS', 'timestamp_micros must lie within the last 72 hours');
  const consent = (body.consent || {}) as unknown as Record<string, unknown>;
  for (const key of Object.keys(consent)) {
    if (key != 'ad_user_data' && key != 'ad_personalization')
      report('consent.' + key, 'NAME_INVALID', 'consent takes ad_user_data and ad_personalization');
    else if (CONSENT_VALUES.indexOf(consent[key]) < 0) report('consent.' + key, 'VALUE_INVALID', 'consent values are GRANTED or DENIED');
  }
  if (!Array.isArray(body.events) || body.events.length == 0) report('events', 'VALUE_REQUIRED', 'at least one event');
  else if (body.events.length > MAX_EVENTS) report('events', 'EXCEEDED_MAX_ENTITIES', `at most ${MAX_EVENTS} events per request`);
  (body.events || []).forEach((event, index) => {
    const at = `events[${index}]`;
    const name = event.name;
    if (typeof name != 'string' || !EVENT_NAME_PATTERN.test(name))
      report(at + '.name', 'NAME_INVALID', 'event names: a letter, then letters, digits or _, at most 40 characters');
    else if (isReserved(name) || (RESERVED_EVENT_NAMES as readonly string[]).indexOf(name) >= 0)
      report(at + '.name', 'NAME_RESERVED', `event name ${name} is reserved`);
    const keys = Object.keys(event.params || {});
    if (keys.length > MAX_PARAMS) report(at + '.params', 'EXCEEDED_MAX_ENTITIES', `at most ${MAX_PARAMS} parameters per event`);
    for (const key of keys) {
      const value = event.params[key];
      if (!PARAM_NAME.test(key) || key.length > MAX_PARAM_NAME_LENGTH)
        report(`${at}.params.${key}`, 'NAME_INVALID', 'parameter names: a letter, then letters, digits or _, at most 40 characters');
      else if (isReserved(key)) report(`${at}.params.${key}`, 'NAME_RESERVED', `parameter name ${key} is reserved`);
      if (typeof value == 'string') {
        if (value.length > MAX_VALUE_LENGTH)
          report(`${at}.params.${key}`, 'VALUE_OUT_OF_BOUNDS', `parameter values are at most ${MAX_VALUE_LENGTH} characters`);
      } else if (typeof value != 'number' || !Number.isFinite(value))
        report(`${at}.params.${key}`, 'VALUE_INVALID', 'parameter values are strings or finite numbers');
    }
  });
  if (new TextEncoder().encode(JSON.stringify(body)).length >= MAX_BODY_BYTES)
    report('(body)', 'VALUE_OUT_OF_BOUNDS', 'the POST body must be smaller than 130 kB');
  return messages;
}
