/**
 * Calendly: the embedded scheduling page (an iframe on https://calendly.com)
 * posts `window` `message` events `{event: 'calendly.<name>', payload}` to the
 * host page, and only when its URL carries `embed_domain`.
 * Events and payloads: https://developer.calendly.com/api-docs/overview/embedding/notifying-the-parent-window
 * The listening side many React sites run: npm `react-calendly` (useCalendlyEventListener reads
 * `e.data.event` and hands the whole MessageEvent to onEventScheduled etc.; its URL builder always adds
 * `embed_domain=1`, "must be defined to receive messages from the Calendly iframe").
 */
import { defineAdapter, type VendorEvent } from '../../core/adapter';
import { guard } from '../../core/guard';
import { originsOption } from '../../lib/originsOption';
import { ownValue } from '../../lib/ownValue';
import { toId } from '../../lib/toId';
import { calendlyKeys, type CalendlyOptions, type CalendlyParams } from './params';
import { calendlyStages, type CalendlyAction } from './stages';

export type { CalendlyOptions, CalendlyParams } from './params';
export { calendlyStages } from './stages';

/** The one origin Calendly's scheduling pages post from. */
export const CALENDLY_ORIGIN = 'https://calendly.com';

/**
 * Whether a message origin is Calendly's: exactly `https://calendly.com`, or
 * one of the site's extra origins. Plain string equality on the
 * browser-serialized origin, so `https://calendly.com.evil.net`,
 * `https://evilcalendly.com`, `http://calendly.com` and `null` fail before any
 * data is read.
 */
export function isCalendlyOrigin(origin: string, extraOrigins: readonly string[]): boolean {
  return origin === CALENDLY_ORIGIN || extraOrigins.indexOf(origin) >= 0;
}

/**
 * The scheduled event's UUID at the end of its API URI
 * (`https://api.calendly.com/scheduled_events/<uuid>`, older examples
 * `https://calendly.com/api/v2/scheduled_events/<uuid>`). An invitee's URI
 * (`…/scheduled_events/<uuid>/invitees/<uuid>`) never matches.
 */
const SCHEDULED_EVENT = /^https:\/\/[a-z0-9.]*calendly\.com\/[a-z0-9/]*scheduled_events\/([A-Za-z0-9-]{1,64})$/;

/**
 * Reads a Calendly message: `{event: 'calendly.<name>', payload}`. Returns
 * the event name without its prefix, and on `event_scheduled` the meeting's
 * UUID from `payload.event.uri` as both its id and the interaction's. Reads
 * nothing else: `payload.invitee` (a person) is never touched. `undefined`
 * for anything that is not a Calendly message.
 */
export function readCalendlyMessage(data: unknown): VendorEvent | undefined {
  const name = ownValue(data, 'event');
  if (typeof name != 'string' || name.indexOf('calendly.') != 0) return undefined;
  const action = name.slice(9);
  let id: string | undefined;
  if (action == ('event_scheduled' satisfies CalendlyAction)) {
    const uri = ownValue(ownValue(ownValue(data, 'payload'), 'event'), 'uri');
    const match = typeof uri == 'string' ? SCHEDULED_EVENT.exec(uri) : null;
    id = match ? toId(match[1]) : undefined;
  }
  return { widget_action: action, widget_interaction_id: id, widget_event_id: id };
}

export const calendly = defineAdapter<'calendly', CalendlyParams, 'calendly', CalendlyOptions>({
  vendor: 'calendly',
  product: 'scheduling',
  stages: calendlyStages,
  leadActions: ['event_scheduled'] satisfies CalendlyAction[],
  keys: calendlyKeys,
  options: {
    key: 'calendly',
    fields: {
      origins: originsOption(),
    },
  },
  install({ report, options, log, track }) {
    const extraOrigins = options.origins;
    // One scheduling iframe (the window that posts) is one interaction: two embeds on a page are two.
    const frames = new WeakMap<object, string>();
    let framesSeen = 0;
    const handle = guard(log, (event: MessageEvent) => {
      const message = readCalendlyMessage(event.data);
      if (!message) return log('calendly: ignored a message it cannot read (' + (event.data === null ? 'null' : typeof event.data) + ')');
      const source = event.source;
      if (source) {
        let scope = frames.get(source);
        if (!scope) frames.set(source, (scope = 'frame' + ++framesSeen));
        message.scope = scope;
      }
      report(message);
    });
    const onMessage = (event: MessageEvent): void => {
      // Foreign messages (ads, video embeds, extensions) leave before event.data is touched.
      if (isCalendlyOrigin(event.origin, extraOrigins)) handle(event);
    };
    addEventListener('message', onMessage);
    track(() => removeEventListener('message', onMessage));
  },
});
