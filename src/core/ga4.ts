/**
 * GA4 collection rules the bridge enforces in code.
 * https://support.google.com/analytics/answer/13316687 (naming, reserved names)
 * https://support.google.com/analytics/answer/9267744 (limits)
 */

/** Event names: start with a letter, letters/digits/underscores, at most 40 characters. */
export const EVENT_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;

/**
 * A GA4 client id as gtag.js (`gtag('get', …, 'client_id')`), the `_ga` cookie and GTM's
 * `readAnalyticsStorage` give it: a random number, a dot, the first visit in seconds.
 * https://developers.google.com/tag-platform/gtagjs/reference#get
 */
export const CLIENT_ID_PATTERN = /^\d{1,20}\.\d{1,20}$/;

/** A GA4 session id: the session's start in seconds. */
export const SESSION_ID_PATTERN = /^\d{1,20}$/;

/** A GA4 measurement id (a web data stream's `G-…`). */
export const MEASUREMENT_ID_PATTERN = /^G-[A-Z0-9]{4,16}$/;

/** At most this many parameters per event. */
export const MAX_PARAMS = 25;

/** String parameter values are truncated to this many characters. */
export const MAX_VALUE_LENGTH = 100;

/** Parameter names: at most 40 characters. */
export const MAX_PARAM_NAME_LENGTH = 40;

/** Prefixes GA4 reserves for event and parameter names. */
export const RESERVED_PREFIXES = ['_', 'firebase_', 'ga_', 'google_', 'gtag.', 'query_id'] as const;

/** Event names GA4 reserves on web streams (they are rejected or collide with automatic events). */
export const RESERVED_EVENT_NAMES = [
  'ad_activeview',
  'ad_click',
  'ad_exposure',
  'ad_impression',
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
  'click',
  'dynamic_link_app_open',
  'dynamic_link_app_update',
  'dynamic_link_first_open',
  'error',
  'file_download',
  'first_open',
  'first_visit',
  'form_start',
  'form_submit',
  'in_app_purchase',
  'notification_dismiss',
  'notification_foreground',
  'notification_open',
  'notification_receive',
  'os_update',
  'page_view',
  'screen_view',
  'scroll',
  'session_start',
  'user_engagement',
  'video_complete',
  'video_progress',
  'video_start',
  'view_complete',
  'view_search_results',
] as const;

/**
 * Whether every `<prefix><stage>` name is one GA4 accepts, in one expression
 * to keep the lists above out of the bundle: a letter first, then letters,
 * digits or `_`, short enough for the longest stage (`interaction`) to fit
 * in 40 characters; not a reserved prefix; and none of the prefixes that
 * turn a stage into a reserved name (`page_` + `view` = `page_view`, `` + `error`…).
 * A unit test proves it agrees with EVENT_NAME_PATTERN, RESERVED_PREFIXES and
 * RESERVED_EVENT_NAMES for every stage.
 */
const EVENT_PREFIX =
  /^(?!firebase_|ga_|google_|query_id|(ad_active|app_store_subscription_|dynamic_link_app_|dynamic_link_first_|first_|form_|notification_|page_|screen_|session_|video_|view_)$)[A-Za-z]\w{0,28}$/;

/** Whether `prefix` + any stage is a valid, non-reserved GA4 event name. */
export function isValidEventPrefix(prefix: string): boolean {
  return EVENT_PREFIX.test(prefix);
}
