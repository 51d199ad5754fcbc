/**
 * Cal.com: the embed's booking iframe posts `window` `message` events to the
 * host page, `{originator: 'CAL', type, namespace, fullType: 'CAL:<ns>:<type>', data}`
 * (npm `@calcom/embed-core`, embed-iframe.ts `messageParent`: `parent.postMessage(…, '*')`).
 * Events: https://cal.com/docs/developing/guides/embeds/embed-events and
 * https://cal.com/help/embedding/embed-events
 *
 * The bridge does not use `Cal('on', …)`: embed.js's own `message` listener
 * checks no origin and re-dispatches any `fullType` starting with `CAL:` to
 * those handlers, so a look-alike frame would reach them. This listener
 * accepts the embed's origins only, and leaves the site's own `Cal('on')`
 * handlers untouched.
 */
import { defineAdapter, type VendorEvent } from '../../core/adapter';
import { guard } from '../../core/guard';
import { originsOption } from '../../lib/originsOption';
import { isRecord } from '../../lib/isRecord';
import { ownValue } from '../../lib/ownValue';
import { toId } from '../../lib/toId';
import { calComKeys, type CalComOptions, type CalComParams } from './params';
import type { CalComAction } from './stages';
import { calComStages } from './stages';

export type { CalComOptions, CalComParams } from './params';
export { calComStages } from './stages';

/**
 * Whether a message origin is Cal.com's or one of the site's configured ones
 * (self-hosted Cal.com). embed.js (`createIframe`) builds the iframe on the
 * configured `calOrigin`, by default `https://app.cal.com`, and rewrites
 * `https://cal.com` to `https://app.cal.com`; `https://cal.com` is accepted
 * too because Cal.com's own snippets write `origin: "https://cal.com"`. Exact string comparisons on the browser-serialized
 * origin, so look-alikes (`https://app.cal.com.evil.net`,
 * `https://evilcal.com`, `http://app.cal.com`, `null`) fail before any data
 * is read.
 */
export function isCalComOrigin(origin: string, extraOrigins: readonly string[]): boolean {
  return origin == 'https://app.cal.com' || origin == 'https://cal.com' || extraOrigins.indexOf(origin) >= 0;
}

/** Epoch milliseconds of one of the booking's date strings (ISO 8601, as Cal.com sends them), or NaN. */
const timeOf = (value: unknown): number => (typeof value == 'string' ? Date.parse(value) : NaN);

/**
 * Reads one embed message: `{originator: 'CAL', fullType: 'CAL:<ns>:<type>', data}`.
 * The action is the third part of `fullType`, as embed.js's `parseAction`
 * reads it; the namespace (its second part) names the embed. Only the slot times and the booking `uid` are read from `data`: never `title` (it carries the
 * attendee's name), `videoCallUrl`, `organizer`, `booking`, `eventType` or
 * `routed`'s `actionValue`. Returns `undefined` for anything else.
 */
export function readCalComMessage(message: unknown): VendorEvent | undefined {
  if (!isRecord(message) || ownValue(message, 'originator') !== 'CAL') return undefined;
  const fullType = ownValue(message, 'fullType');
  if (typeof fullType != 'string') return undefined;
  const parts = fullType.split(':');
  if (parts[0] != 'CAL' || !parts[2]) return undefined;
  const data = ownValue(message, 'data');
  const start = timeOf(ownValue(data, 'startTime'));
  const end = timeOf(ownValue(data, 'endTime'));
  const minutes = (end - start) / 60000;
  return {
    widget_action: parts[2],
    // One interaction per embed: Cal.com names each embed of a page by its namespace (one iframe per
    // `Cal.ns[namespace]` instance), and so do its messages; the booking uid joins later.
    scope: 'ns:' + parts[1],
    widget_id: toId(parts[1]),
    widget_interaction_id: toId(ownValue(data, 'uid')),
    widget_slot_start: start > 0 ? new Date(start).toISOString() : undefined,
    widget_slot_end: end > 0 ? new Date(end).toISOString() : undefined,
    widget_duration_minutes: minutes > 0 ? minutes : undefined,
  };
}

export const calCom = defineAdapter<'cal_com', CalComParams, 'calCom', CalComOptions>({
  vendor: 'cal_com',
  product: 'booker',
  stages: calComStages,
  leadActions: ['bookingSuccessfulV2'] satisfies CalComAction[],
  keys: calComKeys,
  options: {
    key: 'calCom',
    fields: {
      origins: originsOption(),
    },
  },
  install({ report, options, log, track }) {
    const extraOrigins = options.origins;
    const handle = guard(log, (event: MessageEvent) => {
      const message = readCalComMessage(event.data);
      if (message) report(message);
      else log('cal_com: unread');
    });
    const onMessage = (event: MessageEvent): void => {
      // Foreign messages leave before event.data is touched.
      if (isCalComOrigin(event.origin, extraOrigins)) handle(event);
    };
    addEventListener('message', onMessage);
    track(() => removeEventListener('message', onMessage));
  },
});
