/**
 * What the docs, the GTM template and the playground say about HubSpot, and why each event has its
 * stage. Imported by the generators only (src/vendors/manifest.ts), never by the bundles.
 */
import type { VendorDocs } from '../../core/adapter';
import type { hubspotStages } from './stages';

const FORM_EVENTS = 'https://developers.hubspot.com/docs/api-reference/latest/marketing/forms/global-form-events';
const CHAT_SDK = 'https://developers.hubspot.com/docs/api-reference/latest/conversations/chat-configuration/chat-widget-sdk';

/** What the docs, the GTM template and the playground say about HubSpot. */
export const hubspotDocs = {
  reasons: {
    meetingBookSucceeded:
      'Meetings: the scheduling iframe reports a booked meeting (`meetingBookSucceeded: true`, the flag sites read in public code; HubSpot documents no message shape): the confirmed outcome and the default lead, one per scheduling iframe.',
    meetingCreated:
      'Meetings: the older name of the same booking flag, still read by listeners in public code: the same confirmed outcome and lead; after `meetingBookSucceeded` of the same iframe it is pushed as an interaction and sends no second lead.',
    'on-ready':
      'Forms (HubSpot\'s global form events): "the form has finished loading and has been fully rendered": the form is shown to the visitor.',
    'on-interaction:navigate':
      'Forms: "on a multi-step form, the user has navigated to either the previous step or next step": the visitor is filling the form in, its first active step (later ones are interactions).',
    'on-submission:success':
      'Forms: "the form has been submitted successfully": the submission and the default lead, one per form instance.',
    'on-submission:failed': 'Forms: "the form submission failed": the widget reported an error.',
    onFormReady: 'Legacy forms (`hsFormCallback`): the form was inserted into the page and is ready: the form is shown.',
    onBeforeFormSubmit:
      'Legacy forms: the visitor sent the form, before HubSpot stored the submission (its field values in `data` are never read): the first active step; the stored submission follows as `onFormSubmitted`.',
    onFormSubmitted: 'Legacy forms: the submission was stored: the submission and the default lead, one per form.',
    widgetLoaded: `Chat (HubSpot's conversations SDK, ${CHAT_SDK}): the widget loaded and shows its launcher: the chat is available to the visitor; a reload (\`widget.remove()\` then \`widget.load()\`) is a new view.`,
    userInteractedWithWidget:
      'Chat: the visitor interacted with the widget (opened it, clicked its welcome message): the chat is open; later interactions of the same widget are pushed as interactions.',
    conversationStarted:
      'Chat: a new conversation was started (its `conversation.conversationId` is the interaction id): the chat has begun.',
    contactAssociated:
      "Chat: the visitor was associated with a contact in the CRM (they left their contact details): the conversation's conversion and the default lead, one per conversation.",
    conversationClosed:
      'Chat: the conversation was closed in the inbox ("unrelated to the user minimizing or closing the chat widget"): the conversation\'s outcome.',
    widgetClosed: 'Chat: the visitor closed the widget: it was dismissed.',
    quickReplyButtonClick:
      "Chat: the visitor clicked a quick reply of a bot (its `value`, the reply's text, is never read): an exchange inside the conversation, not a funnel step.",
    userSelectedThread:
      'Chat: the visitor picked one of their conversations in the thread list (its id becomes the current conversation): navigation, not a funnel step.',
  },
  title: 'HubSpot',
  groups: ['forms', 'booking', 'chat'],
  brand: '#ff7a59',
  link: FORM_EVENTS,
  mechanism:
    'Three products, pushed with `widget_product` `meetings`, `forms` or `chat`. **Meetings**: `window` `message` events from the scheduling iframe, accepted only from `https://meetings.hubspot.com`, `https://meetings-eu1.hubspot.com`, `https://meetings-na2.hubspot.com` and `hubspot.origins` (meetings links on a connected domain), compared as exact strings before `event.data` is read; a booking is the message whose `meetingBookSucceeded` (or older `meetingCreated`) is `true`, read from `meetingsPayload.bookingResponse` for the slot only (`postResponse.timerange.start`/`end`, else `event.dateTime`): never `postResponse.contact` (the visitor) or the organizer. The message names no booking, so each scheduling iframe is one interaction (`meetings-<n>`) and one lead. **Forms** of the updated editor: the window events `hs-form-event:on-ready`, `…:on-interaction:navigate`, `…:on-submission:success`, `…:on-submission:failed` (' +
    FORM_EVENTS +
    "), read for `detail.formId` (`widget_id`) and `detail.instanceId` (the interaction, so two forms on a page are two). **Legacy forms**: `message` events `{type: \"hsFormCallback\", eventName, id, data}` that the forms script posts to its own page, accepted only when `event.source` is the page's own window; `id` (the form) is `widget_id` and the interaction, `data` (the field values) is never read. **Chat**: the bridge calls `HubSpotConversations.on` for each event with its own handlers, on the object that exists when it installs or, when there is none yet, from its own entry in `window.hsConversationsOnReady` (created if absent; an array the page assigns later gets the entry after the site's own, so every load order works), never touching the site's `on` handlers or entries; `off` undoes it. Only `conversation.conversationId` (a thread, not a person) is read, as the interaction id of the conversation's events; never the contact, a message or a quick reply's text.",
  ignored: {
    'on-interaction:navigate:next, on-interaction:navigate:previous':
      'Forms: sent in addition to the generic `on-interaction:navigate` for the same step change: the same interaction twice.',
    onBeforeFormInit: 'Legacy forms: the form is about to be built and the visitor has seen nothing yet.',
    onFormSubmit: 'Legacy forms: an older twin of `onBeforeFormSubmit` whose `data` holds the field values; the same step twice.',
    unreadConversationCountChanged:
      'Chat: the number of conversations with unread messages changed, with every agent message and every read: a badge count that would flood the dataLayer, not something the visitor did.',
    'other meetings messages':
      'Any other message from the scheduling iframe (without a `true` booking flag, such as layout messages for the embed script): not a booking.',
  },
  happyPaths: [
    { product: 'meetings', name: 'booked', events: ['meetingBookSucceeded'] },
    { product: 'forms', name: 'multi-step form', events: ['on-ready', 'on-interaction:navigate', 'on-submission:success'] },
    { product: 'forms', name: 'legacy form', events: ['onFormReady', 'onBeforeFormSubmit', 'onFormSubmitted'] },
    {
      product: 'chat',
      name: 'conversation',
      events: ['widgetLoaded', 'userInteractedWithWidget', 'conversationStarted', 'contactAssociated', 'conversationClosed'],
    },
  ],
  template: { param: 'hubspot', label: 'HubSpot (meetings, forms, chat)' },
  optionHelp: {
    origins:
      'extra exact origins allowed to post meetings messages, besides https://meetings.hubspot.com, https://meetings-eu1.hubspot.com and https://meetings-na2.hubspot.com: a meetings link on a connected domain, e.g. "https://meet.example.com".',
  },
} satisfies VendorDocs<typeof hubspotStages>;
