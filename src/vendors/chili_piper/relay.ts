/**
 * The browser half of the webhook relay (opt-in, analytics consent only):
 * obtains a sealed, per-booking webhook URL from the site's relay and hands
 * it to Chili Piper as the `webHook` option of the legacy snippet's calls
 * (`ChiliPiper.submit`, `scheduling`, `bookMeeting`, `showCalendar`,
 * `getQuery`; npm `@chilipiper/concierge`), or to the site for its own REST
 * API call. Chili Piper then reports the booking's outcome (confirmed,
 * rescheduled, reassigned, canceled) to the relay even after the visitor
 * left, and the relay sends it to GA4 with the Measurement Protocol.
 * Webhook option: Chili Piper help center, "Concierge REST API", section
 * "Webhook"; GA ids: https://developers.google.com/tag-platform/gtagjs/reference#get
 */
import { HOOKED, hookProperty } from '../../lib/hookProperty';
import { isRecord } from '../../lib/isRecord';
import { ownValue } from '../../lib/ownValue';
import { CLIENT_ID_PATTERN, MEASUREMENT_ID_PATTERN, SESSION_ID_PATTERN } from '../../core/ga4';
import type { Log } from '../../core/log';
import { extensions } from '../../core/extensions';

/** The relay option of the Chili Piper adapter. */
export interface ChiliPiperRelayOptions {
  /** The relay's base URL, e.g. `https://relay.example.com`. */
  url: string;
  /** Whether the visitor granted analytics consent; without it the bridge asks the relay for nothing. */
  analyticsConsent: boolean;
  /** GA4 measurement id (`G-…`) whose client and session ids are read with `gtag('get', …)`. */
  measurementId?: string;
  /** The GA client id, when the page already has it (the GTM template reads it from analytics storage). */
  clientId?: string;
  /** The GA session id, likewise. */
  sessionId?: string;
  /**
   * Consent Mode's `ad_user_data` and `ad_personalization`, sealed into each webhook URL and sent with
   * its events. Unset: read from the page's Consent Mode commands (`gtag('consent', …)` in
   * `window.dataLayer`); denied where the page has none.
   */
  adUserData?: boolean;
  adPersonalization?: boolean;
}

/** What the bridge exposes as `gtmWidgetBridge.chiliPiper` when the relay is on. */
export interface ChiliPiperRelayApi {
  /**
   * A fresh webhook URL for a booking the site requests itself (Chili
   * Piper's REST API, `options.webHook`); undefined without consent or
   * relay. The next booking shown on the page is then the relay's: its
   * `generate_lead` comes from the relay.
   */
  webhookUrl(): Promise<string | undefined>;
  /**
   * Consent changed: withdrawn forgets any URL held and asks for none; granted asks for one, with the
   * GA client and session ids when the caller has them (the GTM template reads them from analytics
   * storage), otherwise read with `gtag('get', …)`. `adUserData` and `adPersonalization`, when given,
   * replace the advertising consent sealed into the next URLs.
   */
  setAnalyticsConsent(granted: boolean, clientId?: string, sessionId?: string, adUserData?: boolean, adPersonalization?: boolean): void;
}

/** The snippet's methods that take `(domain, router, options)` and post `options.webHook` to Chili Piper. */
const SNIPPET_METHODS = ['submit', 'scheduling', 'bookMeeting', 'showCalendar', 'getQuery'];
/** A URL the relay handed out: an http(s) URL without spaces or quotes, of sane length. */
const WEBHOOK_URL = /^https?:\/\/[^\s"'<>]{1,2000}$/;

/** The option's rule: a valid relay option, or undefined. */
export function readRelayOptions(value: unknown): ChiliPiperRelayOptions | undefined {
  if (!isRecord(value)) return undefined;
  const url = ownValue(value, 'url');
  const consent = ownValue(value, 'analyticsConsent');
  const measurementId = ownValue(value, 'measurementId');
  const clientId = ownValue(value, 'clientId');
  const sessionId = ownValue(value, 'sessionId');
  const adUserData = ownValue(value, 'adUserData');
  const adPersonalization = ownValue(value, 'adPersonalization');
  // https, or plain http to the machine itself (a relay under development).
  if (typeof url != 'string' || !/^(https:\/\/[^\s/?#]+|http:\/\/(127\.0\.0\.1|localhost)(:\d+)?)(\/[^\s?#]*)?$/.test(url))
    return undefined;
  if (typeof consent != 'boolean') return undefined;
  if (
    (adUserData !== undefined && typeof adUserData != 'boolean') ||
    (adPersonalization !== undefined && typeof adPersonalization != 'boolean')
  )
    return undefined;
  const optional = (field: unknown, pattern: RegExp) =>
    field === undefined || field === '' || (typeof field == 'string' && pattern.test(field));
  if (
    !optional(measurementId, MEASUREMENT_ID_PATTERN) ||
    !optional(clientId, CLIENT_ID_PATTERN) ||
    !optional(sessionId, SESSION_ID_PATTERN)
  )
    return undefined;
  return {
    url: url.replace(/\/+$/, ''),
    analyticsConsent: consent,
    measurementId: (measurementId as string) || undefined,
    clientId: (clientId as string) || undefined,
    sessionId: (sessionId as string) || undefined,
    adUserData: adUserData as boolean | undefined,
    adPersonalization: adPersonalization as boolean | undefined,
  };
}

/**
 * The page's Consent Mode state for `type`: the last `gtag('consent', 'default' | 'update', {…})` in
 * `window.dataLayer` that sets it (gtag() pushes its arguments there); denied when none does.
 * https://developers.google.com/tag-platform/security/guides/consent
 */
function consentModeGrants(type: string): boolean {
  const layer = (window as { dataLayer?: unknown }).dataLayer;
  let granted = false;
  if (Array.isArray(layer))
    for (const command of layer) {
      const state = isRecord(command) && command[0] == 'consent' ? ownValue(command[2], type) : undefined;
      if (typeof state == 'string') granted = state == 'granted';
    }
  return granted;
}

interface Ids {
  clientId: string;
  sessionId?: string;
}

/** The ids when `clientId` (and `sessionId`, if any) have GA's shapes. */
const idsOf = (clientId: unknown, sessionId: unknown): Ids | undefined =>
  typeof clientId == 'string' && CLIENT_ID_PATTERN.test(clientId)
    ? { clientId, sessionId: typeof sessionId == 'string' && SESSION_ID_PATTERN.test(sessionId) ? sessionId : undefined }
    : undefined;

/** How long the Google tag may take to answer `get` before the bridge gives up on this URL. */
const GTAG_WAIT_MS = 5000;

/**
 * The GA ids: given, or read from the Google tag with `gtag('get', …)` (its callback runs once the
 * tag loaded); undefined when there are none to read, or the tag did not answer in time.
 */
function readIds(given: Ids | undefined, options: ChiliPiperRelayOptions, done: (ids: Ids | undefined) => void): void {
  if (given) return done(given);
  const gtag = (window as { gtag?: unknown }).gtag;
  if (!options.measurementId || typeof gtag != 'function') return done(undefined);
  let answered = false;
  const answer = (ids: Ids | undefined) => {
    if (!answered) done(ids);
    answered = true;
  };
  setTimeout(() => answer(undefined), GTAG_WAIT_MS);
  gtag('get', options.measurementId, 'client_id', (clientId: unknown) =>
    gtag('get', options.measurementId, 'session_id', (sessionId: unknown) =>
      answer(idsOf(clientId, sessionId == null ? '' : String(sessionId))),
    ),
  );
}

/** A URL held for the next booking, and when the relay stops accepting it. */
interface Held {
  url: string;
  expiresAt: number;
}

/** The type of {@link startRelayClient}, for the adapter that calls it. */
export type RelayClientStart = typeof startRelayClient;

/**
 * Includes the relay client: call once before `install()` (bundler users);
 * its plugin file (dist/vendors/chili_piper_relay.js) calls it itself.
 * Without it the `chiliPiper.relay` option is unused.
 */
export function enableChiliPiperRelay(): void {
  extensions.chiliPiperRelay = { read: readRelayOptions, start: startRelayClient };
}

/**
 * Starts the relay client. `countsLead`: whether the browser would count a
 * confirmed booking as a lead (the relay then sends that `generate_lead`).
 * Returns the public API, the snippet hook's undo, and `claimBooking()`, which
 * the adapter calls when a booking iframe is first shown: true when a URL was
 * handed out for it, so its lead is the relay's.
 */
export function startRelayClient(options: ChiliPiperRelayOptions, countsLead: boolean, log: Log) {
  let consent = options.analyticsConsent;
  let given = idsOf(options.clientId, options.sessionId);
  let ads: [boolean | undefined, boolean | undefined] = [options.adUserData, options.adPersonalization];
  let held: Held | undefined;
  let pending: Promise<Held | undefined> | undefined;
  // Handed out and not yet claimed by a booking iframe.
  let handedOut = false;
  let generation = 0;
  let snippetSeen = false;

  /** Asks the relay for a URL once at a time; resolves undefined when it cannot. */
  function obtain(): Promise<Held | undefined> {
    if (held && held.expiresAt > Date.now()) return Promise.resolve(held);
    if (!consent || typeof fetch != 'function') return Promise.resolve(undefined);
    if (pending) return pending;
    const asked = generation;
    const request: Promise<Held | undefined> = new Promise<Held | undefined>((resolve) => {
      readIds(given, options, (ids) => {
        if (!ids) return resolve(undefined);
        fetch(options.url + '/v1/tokens', {
          method: 'POST',
          // text/plain keeps it a simple request: no CORS preflight round trip.
          headers: { 'content-type': 'text/plain;charset=UTF-8' },
          body: JSON.stringify({
            clientId: ids.clientId,
            sessionId: ids.sessionId,
            analyticsConsent: true,
            adUserData: ads[0] === undefined ? consentModeGrants('ad_user_data') : ads[0],
            adPersonalization: ads[1] === undefined ? consentModeGrants('ad_personalization') : ads[1],
            lead: countsLead,
          }),
          credentials: 'omit',
        })
          .then((response) => (response.ok ? response.json() : undefined))
          .then((answer: unknown) => {
            const url = ownValue(answer, 'webhookUrl');
            const expiresAt = ownValue(answer, 'expiresAt');
            // Consent withdrawn meanwhile: the answer is dropped.
            if (asked != generation || typeof url != 'string' || !WEBHOOK_URL.test(url) || typeof expiresAt != 'number')
              return resolve(undefined);
            held = { url, expiresAt };
            log('chili_piper relay: webhook URL ready');
            resolve(held);
          })
          .catch(() => {
            log('chili_piper relay: no webhook URL (relay unreachable)');
            resolve(undefined);
          });
      });
    }).then((result) => {
      if (pending === request) pending = undefined;
      return result;
    });
    return (pending = request);
  }

  /** Takes the held URL for one booking (the next one is asked for at once). */
  function take(): string | undefined {
    if (!held || held.expiresAt <= Date.now()) return undefined;
    const url = held.url;
    held = undefined;
    handedOut = true;
    void obtain();
    return url;
  }

  /** Puts back each method `wrapMethod` replaced. */
  const undoMethods: (() => void)[] = [];
  /** Wraps one snippet method so a call without its own `webHook` gets the held URL. */
  function wrapMethod(snippet: Record<string, unknown>, name: string): void {
    const original = snippet[name];
    if (typeof original != 'function' || HOOKED in original) return;
    const wrapper = function (this: unknown) {
      // eslint-disable-next-line prefer-rest-params
      const args = Array.prototype.slice.call(arguments);
      const siteOptions = args[2];
      if ((siteOptions === undefined || isRecord(siteOptions)) && ownValue(siteOptions, 'webHook') === undefined) {
        const url = take();
        // A copy: the site's options object is never written to.
        if (url) args[2] = Object.assign({}, siteOptions, { webHook: url });
      }
      return original.apply(this, args);
    };
    (wrapper as unknown as Record<string, unknown>)[HOOKED] = () => original;
    // The stub snippet queues calls on the method itself (`ChiliPiper.submit.q`): keep what is queued.
    if ((original as unknown as Record<string, unknown>).q)
      (wrapper as unknown as Record<string, unknown>).q = (original as unknown as Record<string, unknown>).q;
    snippet[name] = wrapper;
    undoMethods.push(() => {
      if (snippet[name] === wrapper) snippet[name] = original;
    });
  }

  const hookSnippet = () => {
    // Follows `window.ChiliPiper` however often it is replaced: the stub first, the loader's object later.
    const restore = hookProperty(
      window as unknown as Record<string, unknown>,
      'ChiliPiper',
      (snippet) => {
        if (!isRecord(snippet) && typeof snippet != 'function') return;
        snippetSeen = true;
        for (const name of SNIPPET_METHODS) wrapMethod(snippet as Record<string, unknown>, name);
        // A page with the snippet will likely book: have a URL ready before the visitor submits.
        void obtain();
      },
      undefined,
      false,
    );
    return () => {
      restore();
      while (undoMethods.length) undoMethods.pop()!();
    };
  };

  const api: ChiliPiperRelayApi = {
    webhookUrl: () => obtain().then(() => take()),
    setAnalyticsConsent(granted, clientId, sessionId, adUserData, adPersonalization) {
      if (typeof granted != 'boolean') return;
      consent = granted;
      given = idsOf(clientId, sessionId) || given;
      if (
        typeof adUserData == 'boolean' &&
        typeof adPersonalization == 'boolean' &&
        (adUserData !== ads[0] || adPersonalization !== ads[1])
      ) {
        // A URL held is sealed with the old advertising consent: ask for another.
        ads = [adUserData, adPersonalization];
        generation++;
        held = pending = undefined;
      }
      if (!granted) {
        generation++;
        held = pending = undefined;
        handedOut = false;
      } else if (snippetSeen) void obtain();
    },
  };

  return {
    api,
    hookSnippet,
    /** Whether the booking now shown was handed a URL whose relay counts its lead. */
    claimBooking(): boolean {
      const claimed = handedOut && countsLead;
      handedOut = false;
      return claimed;
    },
  };
}
