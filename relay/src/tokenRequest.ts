/**
 * The body of `POST /v1/tokens`, as the bridge sends it:
 *   {clientId, sessionId?, analyticsConsent, adUserData?, adPersonalization?, lead}
 * read strictly; a refusal names the field and what it must be.
 * GA ids: https://developers.google.com/tag-platform/gtagjs/reference#get
 * Consent types: https://developers.google.com/tag-platform/security/guides/consent
 */
import { CLIENT_ID_PATTERN, SESSION_ID_PATTERN } from 'gtm-widget-bridge/ga4';
import type { FieldProblem } from './webhook';

/** A token request as the relay reads it; the ad consents default to denied. */
export interface TokenRequest {
  clientId: string;
  sessionId?: string;
  analyticsConsent: boolean;
  adUserData: boolean;
  adPersonalization: boolean;
  lead: boolean;
}

const FIELDS = ['clientId', 'sessionId', 'analyticsConsent', 'adUserData', 'adPersonalization', 'lead'];

/** The request, or the first field that is wrong. */
export function parseTokenRequest(body: unknown): { request: TokenRequest } | { error: FieldProblem } {
  const refuse = (field: string, expected: string) => ({ error: { field, expected } });
  if (typeof body != 'object' || body === null || Array.isArray(body))
    return refuse('(body)', 'a JSON object {clientId, sessionId, analyticsConsent, adUserData, adPersonalization, lead}');
  const fields = body as Record<string, unknown>;
  for (const key of Object.keys(fields))
    if (FIELDS.indexOf(key) < 0) return refuse(key.slice(0, 40), 'no such field: only ' + FIELDS.join(', '));
  const { clientId, sessionId, analyticsConsent, adUserData, adPersonalization, lead } = fields;
  if (typeof clientId != 'string' || !CLIENT_ID_PATTERN.test(clientId))
    return refuse('clientId', "the GA4 client id, digits.digits (gtag('get', …, 'client_id'), e.g. 1234567890.1763726400)");
  if (sessionId !== undefined && (typeof sessionId != 'string' || !SESSION_ID_PATTERN.test(sessionId)))
    return refuse('sessionId', "absent, or the GA4 session id as a string of digits (gtag('get', …, 'session_id'))");
  if (typeof analyticsConsent != 'boolean') return refuse('analyticsConsent', 'true or false (analytics_storage)');
  if (adUserData !== undefined && typeof adUserData != 'boolean')
    return refuse('adUserData', 'absent (denied), true or false (ad_user_data)');
  if (adPersonalization !== undefined && typeof adPersonalization != 'boolean')
    return refuse('adPersonalization', 'absent (denied), true or false (ad_personalization)');
  if (typeof lead != 'boolean')
    return refuse('lead', 'true when the browser counts the booking as a lead (the relay then sends generate_lead), else false');
  return {
    request: {
      clientId,
      sessionId: sessionId as string | undefined,
      analyticsConsent,
      adUserData: adUserData === true,
      adPersonalization: adPersonalization === true,
      lead,
    },
  };
}
