import { readFileSync } from 'node:fs';
import { chatStages, formsStages, legacyFormsStages, meetingsStages } from '../../src/vendors/hubspot/stages';
import { postMessageFrom, testWindow } from '../helpers';

/** The chat widget mock (fixtures/hubspot-conversations.js), as the HubSpot tracking code would run it. */
export const CONVERSATIONS_SCRIPT = readFileSync('fixtures/hubspot-conversations.js', 'utf8');
export const loadConversations = () => new Function(CONVERSATIONS_SCRIPT)();
export const MEETINGS = 'https://meetings.hubspot.com';
export const FORM_ID = '7a1f3c2e-5b6d-4e8f-9a0b-1c2d3e4f5a6b';
export const INSTANCE_ID = 'inst-2f9c';
export const CONVERSATION_ID = 8842113;

/** The chat mock's way of playing an event to every handler registered with `HubSpotConversations.on`. */
export const chat = () => testWindow.__hubspotChat as { fire(name: string, payload?: unknown): void; handlers: Record<string, unknown[]> };

/**
 * A booking message as listeners in public code read it: the flag, and `meetingsPayload.bookingResponse`
 * with the slot (`postResponse.timerange`, epoch milliseconds) and the contact; the contact here is planted
 * personal data.
 */
export const meetingMessage = (flag = 'meetingBookSucceeded', start = Date.UTC(2030, 2, 4, 10), minutes = 30) => ({
  [flag]: true,
  meetingsPayload: {
    bookingResponse: {
      event: { dateTime: start, formFields: [{ name: 'firstName', value: 'Jane' }] },
      postResponse: {
        timerange: { start, end: start + minutes * 60000 },
        organizer: { firstName: 'Smith', email: 'smith@acme-ltd.x.test' },
        contact: { firstName: 'Jane', lastName: 'Doe', email: 'jane.doe@x.test' },
      },
    },
    isPaidMeeting: false,
  },
});

/** A legacy form's message as the forms script posts it to its own window (`event.source` is the page). */
export const postLegacyForm = (eventName: string, id: unknown = FORM_ID, data: unknown = []) =>
  window.dispatchEvent(
    new MessageEvent('message', {
      data: { type: 'hsFormCallback', eventName, id, data },
      origin: location.origin,
      source: window as unknown as MessageEventSource,
    }),
  );

/** A global form event of the updated forms editor, its detail carrying the form's ids. */
export const dispatchFormEvent = (name: string, detail: unknown = { formId: FORM_ID, instanceId: INSTANCE_ID }) =>
  window.dispatchEvent(new CustomEvent('hs-form-event:' + name, { detail }));

/** Payloads of the chat events, in the SDK's shapes. */
export const chatPayload = (name: string): unknown =>
  name == 'conversationStarted' || name == 'conversationClosed' || name == 'userSelectedThread'
    ? { conversation: { conversationId: CONVERSATION_ID } }
    : name == 'quickReplyButtonClick'
      ? { name: 'QUICK_REPLIES', multiSelect: false, value: ['Talk to sales'] }
      : { message: 'HubSpot event ' + name };

/**
 * Feeds one HubSpot event through its product's channel: meetings from the scheduling iframe's origin,
 * forms as window events or legacy messages, chat through the mock widget (loaded on the first chat event,
 * after the bridge, so that the bridge's hsConversationsOnReady entry subscribes).
 */
export function hubspotDriver(): (name: string) => void {
  return (name) => {
    if (name in meetingsStages) return postMessageFrom(MEETINGS, meetingMessage(name));
    if (name in formsStages) return dispatchFormEvent(name);
    if (name in legacyFormsStages) return postLegacyForm(name);
    if (!(name in chatStages)) throw new Error('not a HubSpot event: ' + name);
    if (!testWindow.__hubspotChat) {
      testWindow.hsConversationsSettings = { loadImmediately: false };
      loadConversations();
    }
    if (name == 'widgetLoaded') (testWindow.HubSpotConversations as { widget: { load(): void } }).widget.load();
    else chat().fire(name, chatPayload(name));
  };
}
