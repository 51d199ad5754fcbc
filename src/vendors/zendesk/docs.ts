/**
 * What the docs, the GTM template and the playground say about this vendor, and why each event has its
 * stage. Imported by the generators only (src/vendors/manifest.ts), never by the bundles.
 */
import type { VendorDocs } from '../../core/adapter';
import type { zendeskStages } from './stages';

const EVENTS_PAGE = 'https://developer.zendesk.com/api-reference/widget-messaging/web/events/';

/** What the docs, the GTM template and the playground say about Zendesk messaging. */
export const zendeskDocs = {
  reasons: {
    open: "Zendesk's events API: `open` (`messagingOpened`) runs when the messaging Web Widget opens: the visitor opened the chat.",
    close: "Zendesk's events API: `close` (`messagingClosed`) runs when the messaging Web Widget closes.",
    proactiveMessageDisplayed:
      "Zendesk's events API: a proactive message was shown: Zendesk reaching out (`widget_proactive`), its campaign id pushed as `widget_trigger_id`.",
    proactiveMessageClicked: 'The visitor clicked a proactive message: engagement with it, not yet a conversation.',
    newConversationButtonClicked:
      'The visitor clicked the button for a new conversation: the conversation starts with its first message (`conversationStarted`).',
    conversationStarted: 'A conversation started; its `conversationId` is the interaction id from here on.',
    conversationOpened: 'An existing conversation was opened again: the same conversation, no new funnel step.',
    postbackButtonClicked: "The visitor clicked a bot message's button; never its text.",
    conversationWithAgentRequested:
      'The visitor asked to talk to a person (the conversation is handed to the team): the request sent. No default lead, as nothing says contact details were given (set `leadActions` to count it).',
    conversationAgentAssigned: 'An agent took the conversation: the team side of it, pushed as an interaction.',
  },
  title: 'Zendesk messaging',
  groups: ['chat'],
  brand: '#03363d',
  link: EVENTS_PAGE,
  mechanism:
    "Subscriptions with `zE('messenger:on', name, callback)`, each a subscription of its own (every call returns its unsubscribe function), so the site's own callbacks are left alone. The bridge follows `window.zE` (a queue a page may define first, then the widget's) and subscribes through each new one; only the newest one's callbacks report, and older subscriptions are ended where `zE` returned an unsubscribe function. The interaction id is the event object's `conversationId` (in its `data`, or on it); a proactive message's `campaignId` is pushed as `widget_trigger_id`. Nothing else is read: no message, button or article text, no user data.",
  ignored: {
    unreadMessages:
      "Zendesk's core API: called with the unread count whenever it changes, the team's messages included: a counter that would flood the dataLayer, not a visitor step.",
    messagesShown:
      'Messages were rendered in the widget: one event per batch of messages, the team’s included; it carries message data, and is no visitor step.',
    'conversationExtensionOpened, conversationExtensionDisplayed':
      'A webview inside a conversation opened or was shown: a detail of a bot flow.',
  },
  happyPaths: [
    {
      product: 'messaging',
      name: 'conversation handed to an agent',
      events: [
        'open',
        'newConversationButtonClicked',
        'conversationStarted',
        'postbackButtonClicked',
        'conversationWithAgentRequested',
        'conversationAgentAssigned',
        'close',
      ],
    },
  ],
  template: { param: 'zendesk', label: 'Zendesk messaging (Web Widget)' },
} satisfies VendorDocs<typeof zendeskStages>;
