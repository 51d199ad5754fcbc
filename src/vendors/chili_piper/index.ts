/**
 * Chili Piper: the booking iframe (a tenant subdomain of chilipiper.com, or of
 * chilipiper.io for the newer concierge.js loader, which builds the iframe on
 * the host its own script came from) posts `window` `message` events to the
 * host page.
 * Browser events: https://help.chilipiper.com/hc/en-us/articles/1500011381522-Capturing-Javascript-Messaging-in-Browser
 * The loaders' own handling: npm `@chilipiper/concierge` (marketing.js) and
 * `@chilipiper/conciergejs-fire` (concierge.js).
 */
import { defineAdapter, type VendorEvent } from '../../core/adapter';
import { extensions } from '../../core/extensions';
import { guard } from '../../core/guard';
import { originsOption } from '../../lib/originsOption';
import { hasOwn } from '../../lib/hasOwn';
import { isRecord } from '../../lib/isRecord';
import { ownValue } from '../../lib/ownValue';
import { toId } from '../../lib/toId';
import { toIsoTime } from '../../lib/toIsoTime';
import { chiliPiperKeys, type ChiliPiperOptions, type ChiliPiperParams } from './params';
import type { ChiliPiperRelayOptions, RelayClientStart } from './relay';
import { chiliPiperStages, type ChiliPiperAction } from './stages';

export type { ChiliPiperOptions, ChiliPiperParams } from './params';
export type { ChiliPiperRelayApi, ChiliPiperRelayOptions } from './relay';

/**
 * The webhook relay's browser client, when the page loaded it
 * (dist/vendors/chili_piper_relay.js, or `enableChiliPiperRelay()` from
 * `gtm-widget-bridge/vendors/chili_piper_relay`): opt-in code no other site
 * downloads.
 */
export type RelayClient = { read: (value: unknown) => ChiliPiperRelayOptions | undefined; start: RelayClientStart };
const relayClient = () => extensions.chiliPiperRelay as RelayClient | undefined;
export { chiliPiperStages } from './stages';

const SUFFIXES = ['.chilipiper.com', '.chilipiper.io'];

/**
 * Whether a message origin is Chili Piper's: `https://` + any depth of
 * subdomain of chilipiper.com or chilipiper.io, or one of the site's extra
 * origins. Plain string tests on the browser-serialized origin, so
 * look-alikes such as `https://chilipiper.com.evil.net`,
 * `https://evilchilipiper.com`, `http://acme.chilipiper.com` and `null` fail
 * before any data is read.
 */
export function isChiliPiperOrigin(origin: string, extraOrigins: readonly string[]): boolean {
  return (
    // endsWith first: it rejects nearly every foreign origin, and neither test allocates a substring.
    ((origin.endsWith(SUFFIXES[0]) || origin.endsWith(SUFFIXES[1])) && origin.startsWith('https://')) || extraOrigins.indexOf(origin) >= 0
  );
}

/**
 * Reads every message shape Chili Piper is known to post: `{action}`,
 * `{action, args: {…}}`, ids at the top level, the keyed form
 * `{"no-action-choice": {…}}`, bare `{routeId}` (`booked`) /
 * `{routeId, eventId, …}` (`booking-confirmed`) as in the vendor's examples,
 * and the back button's `{message: 'CP_BACK_PRESSED', action: 'CLOSE_IFRAME'}`.
 * Returns `undefined` for anything else. Only named own fields are read, so
 * nothing else the message carries can reach the dataLayer.
 */
export function readChiliPiperMessage(data: unknown): VendorEvent | undefined {
  if (!isRecord(data)) return undefined;
  let action = ownValue(data, 'action');
  let args = ownValue(data, 'args');
  if (typeof action != 'string') {
    const keys = Object.keys(data);
    if (keys.length == 1 && hasOwn(chiliPiperStages, keys[0])) {
      action = keys[0];
      args = data[keys[0]];
    } else if (toId(ownValue(data, 'routeId'))) {
      // The vendor's examples carry no action: the first message has only the routeId,
      // the confirmation adds the meeting's eventId.
      action = ownValue(data, 'eventId') != null ? 'booking-confirmed' : 'booked';
    } else {
      return undefined;
    }
  }
  // The legacy loader closes its popup on CLOSE_IFRAME only when the back button sent it.
  if (action == 'CLOSE_IFRAME' && ownValue(data, 'message') !== 'CP_BACK_PRESSED') return undefined;
  // Newer messages nest ids under `args`; older listeners read them at the top level.
  const read = (key: string): unknown => {
    const nested = ownValue(args, key);
    return nested !== undefined ? nested : ownValue(data, key);
  };
  const slot = read('slot');
  const start = ownValue(slot, 'start');
  const duration = read('duration');
  return {
    widget_action: action as string,
    widget_interaction_id: toId(read('routeId')),
    widget_event_id: toId(read('eventId')),
    widget_assignee_id: toId(read('assigneeId')),
    widget_action_type: toId(read('actionType')),
    widget_slot_start: toIsoTime(start !== undefined ? start : read('time')),
    widget_slot_end: toIsoTime(ownValue(slot, 'end')),
    widget_timezone: toId(read('timezone')),
    widget_duration_minutes: typeof duration == 'number' ? duration : undefined,
  };
}

/** What the bridge remembers of one booking iframe (a window that posts to the page). */
interface FrameState {
  /** One booking shown in this iframe: its funnel steps are pushed once. */
  scope: string;
  /** Whether the iframe was on screen at its last message. */
  shown: boolean;
  /** Whether the relay sends this booking's lead (decided when the iframe is first shown). */
  leadByRelay?: boolean;
}

/** The page's iframe whose window is `source`, if it is in the document. */
function frameOf(source: unknown): HTMLIFrameElement | undefined {
  const frames = document.getElementsByTagName('iframe');
  for (let i = 0; i < frames.length; i++) if (frames[i].contentWindow === source) return frames[i];
  return undefined;
}

/**
 * Whether a visitor can see the iframe. The concierge.js loader preloads the
 * booking app in an iframe 0 px high (and 1 px wide) and re-creates it after
 * every close; what that app posts before it is shown is not a visitor step.
 */
function isShown(frame: HTMLIFrameElement): boolean {
  const box = frame.getBoundingClientRect();
  return box.width >= 2 && box.height >= 2;
}

export const chiliPiper = defineAdapter<'chili_piper', ChiliPiperParams, 'chiliPiper', ChiliPiperOptions>({
  vendor: 'chili_piper',
  product: 'concierge',
  stages: chiliPiperStages,
  leadActions: ['booking-confirmed'] satisfies ChiliPiperAction[],
  leadsNeedId: true,
  keys: chiliPiperKeys,
  options: {
    key: 'chiliPiper',
    fields: {
      origins: originsOption(),
      relay: [
        // Without the relay's client (its plugin may load later) the value is kept as given and unused.
        (value) => {
          const client = relayClient();
          return client ? client.read(value) : isRecord(value) ? (value as unknown as ChiliPiperRelayOptions) : undefined;
        },
        '{url, analyticsConsent}, with the relay plugin loaded',
        () => null,
      ],
    },
    renamed: { chiliPiperOrigins: 'origins' },
  },
  install({ report, options, log, track, isLeadAction }) {
    const extraOrigins = options.origins;
    const client = relayClient();
    const relay = options.relay && client ? client.start(options.relay, isLeadAction('booking-confirmed'), log) : undefined;
    if (options.relay && !client) log('chili_piper: the relay option is set but the relay plugin is not loaded');
    if (relay) track(relay.hookSnippet());
    const frames = new WeakMap<object, FrameState>();
    let framesSeen = 0;
    // The one 'esc' waiting to see whether the loader closes its popup.
    let pendingEscape: MutationObserver | undefined;
    const stopWaiting = () => {
      if (pendingEscape) pendingEscape.disconnect();
      pendingEscape = undefined;
    };

    const handle = guard(log, (event: MessageEvent) => {
      const message = readChiliPiperMessage(event.data);
      if (!message)
        return log('chili_piper: ignored a message it cannot read (' + (event.data === null ? 'null' : typeof event.data) + ')');
      const source = event.source;
      let state: FrameState | undefined;
      let frame: HTMLIFrameElement | undefined;
      if (source) {
        stopWaiting();
        state = frames.get(source);
        if (!state) frames.set(source, (state = { scope: 'frame' + ++framesSeen, shown: true }));
        frame = frameOf(source);
        // A removed iframe (the loader closed it before this listener ran) keeps what it was last.
        if (frame) state.shown = isShown(frame);
        if (!state.shown) return log('chili_piper "' + message.widget_action + '": booking iframe not shown, ignored');
        message.scope = state.scope;
        // The first booking shown after a webhook URL was handed out is the one Chili Piper reports to the relay.
        if (relay && state.leadByRelay === undefined) state.leadByRelay = relay.claimBooking();
        message.leadSentElsewhere = state.leadByRelay;
      }
      // The legacy loader closes on 'esc' only when the site set closeOnOutside: push close once it has.
      if (message.widget_action == 'esc' && frame) {
        const popup = frame;
        pendingEscape = new MutationObserver(() => {
          if (!document.documentElement.contains(popup)) {
            stopWaiting();
            report(message);
          }
        });
        pendingEscape.observe(document.documentElement, { childList: true, subtree: true });
        return;
      }
      report(message);
    });
    const onMessage = (event: MessageEvent): void => {
      // The common case is a foreign message (ads, video embeds, extensions):
      // leave before touching event.data, which may be large or hostile.
      if (isChiliPiperOrigin(event.origin, extraOrigins)) handle(event);
    };
    addEventListener('message', onMessage);
    track(() => {
      stopWaiting();
      removeEventListener('message', onMessage);
    });
    return relay && relay.api;
  },
});
