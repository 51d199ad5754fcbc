/**
 * HubSpot: three products, each heard the way HubSpot publishes it.
 *
 * - Meetings: the scheduling iframe (`https://meetings.hubspot.com/<slug>?embed=true`, placed by
 *   MeetingsEmbedCode.js from static.hsappstatic.net) posts `window` `message` events; a booking
 *   sets `meetingBookSucceeded: true` (older pages `meetingCreated`) beside
 *   `meetingsPayload.bookingResponse`. HubSpot documents no message shape; this one is what sites
 *   read in public code (e.g. `meetingsPayload.bookingResponse.postResponse.timerange.start`).
 * - Forms (updated forms editor): `window` events `hs-form-event:on-ready`, `…:on-submission:success`,
 *   `…:on-submission:failed`, `…:on-interaction:navigate`, whose `detail` carries the form's ids
 *   (https://developers.hubspot.com/docs/api-reference/latest/marketing/forms/global-form-events).
 *   Legacy forms: `message` events `{type: 'hsFormCallback', eventName, id, data}` that the forms
 *   script posts to its own page (https://developers.hubspot.com/docs/cms/start-building/features/forms/legacy-forms).
 * - Chat: `window.HubSpotConversations.on(name, fn)`, reached through `window.hsConversationsOnReady`
 *   (https://developers.hubspot.com/docs/api-reference/latest/conversations/chat-configuration/chat-widget-sdk).
 *
 * Nothing of the site's is replaced: the bridge adds its own listeners, its own `on` handlers and
 * its own entry in `hsConversationsOnReady`, keeping the site's entries there.
 */
import { defineAdapter, type VendorEvent } from '../../core/adapter';
import { guard } from '../../core/guard';
import { originsOption } from '../../lib/originsOption';
import { hookProperty } from '../../lib/hookProperty';
import { isRecord } from '../../lib/isRecord';
import { ownValue } from '../../lib/ownValue';
import { toId } from '../../lib/toId';
import { toIsoTime } from '../../lib/toIsoTime';
import { hubspotKeys, type HubspotOptions, type HubspotParams } from './params';
import { chatStages, formsStages, hubspotStages, type HubspotAction } from './stages';

export type { HubspotOptions, HubspotParams } from './params';
export { hubspotStages } from './stages';

/**
 * HubSpot's own meetings origins: the scheduling pages of its US data centres and of its EU one
 * (`meetings-eu1.hubspot.com`), as meetings links and embeds name them.
 */
export const MEETINGS_ORIGINS = ['https://meetings.hubspot.com', 'https://meetings-eu1.hubspot.com', 'https://meetings-na2.hubspot.com'];

/**
 * Whether a message origin is a HubSpot meetings page, or one of the site's extra origins
 * (meetings links on a connected domain): exact string comparisons on the browser-serialized
 * origin, so `https://meetings.hubspot.com.evil.net`, `https://evilmeetings.hubspot.com`,
 * `http://meetings.hubspot.com` and `null` fail before any data is read.
 */
export function isMeetingsOrigin(origin: string, extraOrigins: readonly string[]): boolean {
  return MEETINGS_ORIGINS.indexOf(origin) >= 0 || extraOrigins.indexOf(origin) >= 0;
}

/**
 * Reads a meetings message: the booking flag (`meetingBookSucceeded` or
 * `meetingCreated`, `true`) and, from `meetingsPayload.bookingResponse`, only
 * the booked slot: `postResponse.timerange.start` / `.end` (or `event.dateTime`
 * for the start). Never `postResponse.contact` (the visitor's name and
 * e-mail), the organizer or anything else. `undefined` for any other message
 * of the iframe.
 */
export function readMeetingsMessage(data: unknown): VendorEvent | undefined {
  const action =
    ownValue(data, 'meetingBookSucceeded') === true
      ? 'meetingBookSucceeded'
      : ownValue(data, 'meetingCreated') === true
        ? 'meetingCreated'
        : '';
  if (!action) return undefined;
  const booking = ownValue(ownValue(data, 'meetingsPayload'), 'bookingResponse');
  const slot = ownValue(ownValue(booking, 'postResponse'), 'timerange');
  const start = toIsoTime(ownValue(slot, 'start')) || toIsoTime(ownValue(ownValue(booking, 'event'), 'dateTime'));
  const end = toIsoTime(ownValue(slot, 'end'));
  const minutes = start && end ? (Date.parse(end) - Date.parse(start)) / 60000 : 0;
  return {
    widget_action: action,
    widget_product: 'meetings',
    widget_slot_start: start,
    widget_slot_end: end,
    widget_duration_minutes: minutes > 0 ? minutes : undefined,
  };
}

/**
 * Reads a legacy form's message: `{type: 'hsFormCallback', eventName, id}`.
 * `id` is the form's id, which names the interaction too; `data` (the
 * submission's field values) is never read.
 */
export function readLegacyFormMessage(data: unknown): VendorEvent | undefined {
  const name = ownValue(data, 'eventName');
  if (ownValue(data, 'type') !== 'hsFormCallback' || typeof name != 'string') return undefined;
  const id = toId(ownValue(data, 'id'));
  return { widget_action: name, widget_product: 'forms', widget_id: id, widget_interaction_id: id };
}

/**
 * Reads a form event of the updated forms editor: only `detail.formId` and
 * `detail.instanceId` (one rendering of the form, so two forms on a page are
 * two interactions). Field values are never read.
 */
export function readFormEvent(name: string, detail: unknown): VendorEvent {
  const formId = toId(ownValue(detail, 'formId'));
  return {
    widget_action: name,
    widget_product: 'forms',
    widget_id: formId,
    widget_interaction_id: toId(ownValue(detail, 'instanceId')) || formId,
  };
}

/** Chat events about the widget, not one conversation. */
const WIDGET_EVENTS: readonly string[] = ['widgetLoaded', 'userInteractedWithWidget', 'widgetClosed'];

export const hubspot = defineAdapter<'hubspot', HubspotParams, 'hubspot', HubspotOptions>({
  vendor: 'hubspot',
  product: 'chat',
  stages: hubspotStages,
  leadActions: [
    'meetingBookSucceeded',
    'meetingCreated',
    'on-submission:success',
    'onFormSubmitted',
    'contactAssociated',
  ] satisfies HubspotAction[],
  keys: hubspotKeys,
  options: {
    key: 'hubspot',
    fields: {
      origins: originsOption(),
    },
  },
  install({ report, options, log, track }) {
    const extraOrigins = options.origins;

    // Meetings and legacy forms: one message listener.
    const frames = new WeakMap<object, string>();
    let framesSeen = 0;
    const handleMeeting = guard(log, (event: MessageEvent) => {
      const message = readMeetingsMessage(event.data);
      if (!message) return log('hubspot: unread meetings message');
      // HubSpot's message names no booking: each scheduling iframe is one interaction and one lead.
      const source = event.source || handleMeeting;
      let frame = frames.get(source);
      if (!frame) frames.set(source, (frame = 'meetings-' + ++framesSeen));
      message.widget_interaction_id = frame;
      report(message);
    });
    const handleLegacyForm = guard(log, (event: MessageEvent) => {
      const message = readLegacyFormMessage(event.data);
      if (message) report(message);
    });
    const onMessage = (event: MessageEvent): void => {
      // The forms script posts to its own window; anything else must come from a meetings origin,
      // checked before event.data is touched.
      if (event.source === window) handleLegacyForm(event);
      else if (isMeetingsOrigin(event.origin, extraOrigins)) handleMeeting(event);
    };
    addEventListener('message', onMessage);
    track(() => removeEventListener('message', onMessage));

    // Forms of the updated editor: one listener per documented event.
    for (const name of Object.keys(formsStages)) {
      const type = 'hs-form-event:' + name;
      const onFormEvent = guard(log, (event: Event) => report(readFormEvent(name, (event as CustomEvent).detail)));
      addEventListener(type, onFormEvent);
      track(() => removeEventListener(type, onFormEvent));
    }

    // Chat: the bridge's own `on` handlers on every HubSpotConversations object it meets, once each.
    let widgetLoads = 0;
    let conversation: string | undefined;
    const subscribed = new WeakSet<object>();
    const handlers = Object.keys(chatStages).map((name) => {
      const handler = guard(log, (payload: unknown) => {
        if (name == 'widgetLoaded') widgetLoads++;
        // Only the conversation's id (a thread, not a person); the payload's message and values are never read.
        const own = toId(ownValue(ownValue(payload, 'conversation'), 'conversationId'));
        if (own) conversation = own;
        const id = own || (WIDGET_EVENTS.indexOf(name) < 0 ? conversation : undefined);
        // Widget events belong to the widget as loaded (a reload is a new one); the rest to their conversation.
        report({ widget_action: name, widget_product: 'chat', widget_interaction_id: id, scope: id || 'widget' + widgetLoads });
      });
      return [name, handler] as const;
    });
    const subscribe = (api: unknown) => {
      if (!isRecord(api) || typeof api.on != 'function' || subscribed.has(api)) return;
      subscribed.add(api);
      for (const [name, handler] of handlers) (api.on as (name: string, fn: unknown) => void)(name, handler);
      track(() => {
        if (typeof api.off == 'function')
          for (const [name, handler] of handlers) (api.off as (name: string, fn: unknown) => void)(name, handler);
      });
    };
    const onReady = guard(log, () => subscribe((window as unknown as Record<string, unknown>).HubSpotConversations));
    // The documented snippet assigns a fresh array when the API is not there yet: each array the
    // page assigns gets the bridge's entry too, after the site's own.
    const addEntry = (list: unknown) => {
      if (Array.isArray(list) && list.indexOf(onReady) < 0) list.push(onReady);
    };
    const page = window as unknown as Record<string, unknown>;
    track(hookProperty(page, 'hsConversationsOnReady', addEntry));
    if (page.hsConversationsOnReady === undefined) page.hsConversationsOnReady = [onReady];
    track(() => {
      const list = page.hsConversationsOnReady;
      if (Array.isArray(list) && list.indexOf(onReady) >= 0) list.splice(list.indexOf(onReady), 1);
    });
    // "If external API methods are already available, use them."
    onReady();
  },
});
