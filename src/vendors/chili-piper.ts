/**
 * Chili Piper: the booking iframe (tenant subdomain of chilipiper.com) posts
 * `window` `message` events to the host page.
 * Browser events: seeds/000 (Chili Piper "JavaScript messaging in browser");
 * ids and slot shape: seeds/001 (REST API webhook); extra actions: SPEC §6.
 */
import type { VendorAdapter, VendorEvent } from '../core/adapter';
import { guard } from '../core/guard';
import type { WidgetStage } from '../core/schema';
import { hasOwn } from '../lib/hasOwn';
import { isRecord } from '../lib/isRecord';
import { toId } from '../lib/toId';
import { toIsoTime } from '../lib/toIsoTime';

/**
 * Chili Piper action → stage. The reason for each choice is in
 * chili-piper.reasons.ts and docs/events.md. `REDIRECT` is deliberately
 * absent: it is a navigation command, not something the visitor did.
 */
export const chiliPiperStages = {
  'availability-loaded': 'open',
  'no-free-slots': 'unavailable',
  'phone-selected': 'start',
  'meeting-selected': 'start',
  'video-selected': 'start',
  'timeslot-selected': 'start',
  booked: 'submit',
  'booking-confirmed': 'complete',
  phoneClose: 'complete',
  rescheduled: 'interaction',
  prospect_cancel: 'cancel',
  'no-action-choice': 'cancel',
  close: 'close',
  routing: 'open',
  'prospect-routed': 'interaction',
  'prospect-disqualified': 'unavailable',
  error: 'error',
} as const satisfies Record<string, WidgetStage>;

/** A Chili Piper action name. */
export type ChiliPiperAction = keyof typeof chiliPiperStages;

const CHILI_PIPER_SUFFIX = '.chilipiper.com';


/**
 * Whether a message origin is Chili Piper's: `https://` + any depth of
 * subdomain of chilipiper.com, or one of the site's extra origins. Plain
 * string tests on the browser-serialized origin, so look-alikes such as
 * `https://chilipiper.com.evil.net`, `https://evilchilipiper.com`,
 * `http://acme.chilipiper.com` and `null` fail before any data is read.
 */
export function isChiliPiperOrigin(origin: string, extraOrigins: readonly string[]): boolean {
  return (
    // endsWith first: it rejects nearly every foreign origin, and neither test allocates a substring.
    (origin.endsWith(CHILI_PIPER_SUFFIX) && origin.startsWith('https://')) ||
    extraOrigins.indexOf(origin) >= 0
  );
}

/**
 * Reads every message shape Chili Piper is known to post (SPEC §6):
 * `{action}`, `{action, args: {…}}`, ids at the top level, the keyed form
 * `{"no-action-choice": {…}}`, and bare `{routeId}` (`booked`) /
 * `{routeId, eventId, …}` (`booking-confirmed`) as in the seed's examples.
 * Returns `undefined` for anything else. Only named fields are read, so
 * nothing else the message carries can reach the dataLayer.
 */
export function readChiliPiperMessage(data: unknown): VendorEvent | undefined {
  if (!isRecord(data)) return undefined;
  let action = data.action;
  let args = data.args;
  if (typeof action != 'string') {
    const keys = Object.keys(data);
    if (keys.length == 1 && hasOwn(chiliPiperStages, keys[0])) {
      action = keys[0];
      args = data[keys[0]];
    } else if (toId(data.routeId)) {
      // The seed's examples carry no action: the first message has only the routeId,
      // the confirmation adds the meeting's eventId.
      action = data.eventId != null ? 'booking-confirmed' : 'booked';
    } else {
      return undefined;
    }
  }
  const nested = isRecord(args) ? args : {};
  // Newer messages nest ids under `args`; older listeners read them at the top level.
  const read = (key: string): unknown => (nested[key] !== undefined ? nested[key] : data[key]);
  const slot = read('slot');
  const { start, end } = isRecord(slot) ? slot : ({} as Record<string, unknown>);
  const duration = read('duration');
  return {
    widget_action: action as string,
    widget_interaction_id: toId(read('routeId')),
    widget_event_id: toId(read('eventId')),
    widget_assignee_id: toId(read('assigneeId')),
    widget_action_type: toId(read('actionType')),
    widget_slot_start: toIsoTime(start !== undefined ? start : read('time')),
    widget_slot_end: toIsoTime(end),
    widget_timezone: toId(read('timezone')),
    widget_duration_minutes: typeof duration == 'number' ? duration : undefined,
  };
}

export const chiliPiper: VendorAdapter = {
  vendor: 'chili_piper',
  product: 'concierge',
  stages: chiliPiperStages,
  leadActions: ['booking-confirmed'] satisfies ChiliPiperAction[],
  install({ report, config, log }) {
    const extraOrigins = config.chiliPiperOrigins;
    const handle = guard(log, (event: MessageEvent) => {
      const message = readChiliPiperMessage(event.data);
      if (message) report(message);
      else log('chili_piper: ignored malformed message', event.data);
    });
    const onMessage = (event: MessageEvent): void => {
      // The common case is a foreign message (ads, video embeds, extensions):
      // leave before touching event.data, which may be large or hostile.
      if (isChiliPiperOrigin(event.origin, extraOrigins)) handle(event);
    };
    addEventListener('message', onMessage);
    return () => removeEventListener('message', onMessage);
  },
};
