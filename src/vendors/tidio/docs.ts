/**
 * What the docs, the GTM template and the playground say about this vendor, and why each event has its
 * stage. Imported by the generators only (src/vendors/manifest.ts), never by the bundles.
 */
import type { VendorDocs } from '../../core/adapter';
import type { tidioStages } from './stages';

/** What the docs, the GTM template and the playground say about Tidio. */
export const tidioDocs = {
  reasons: {
    ready: "Tidio's listeners page: the widget has loaded (`tidioChatApi` exists from now on): it is available to the visitor.",
    open: 'The chat window was opened (by the visitor, or by `tidioChatApi.open()`, which Tidio says fires the same event).',
    close: 'The chat window was closed.',
    conversationStart:
      'The visitor started a conversation: the start. A later conversation on the same page is a new interaction for the funnel steps.',
    preFormFilled:
      'The visitor sent the pre-chat form (its `form_data`: e-mail, name, phone…): contact details handed over, a submit and the default lead (once per page view: Tidio names no conversation). Pushes only `widget_email_provided`; with `hashEmail` the lead carries a SHA-256 of the e-mail; no field is ever pushed.',
    messageFromVisitor:
      "The visitor's first message of the conversation: an interaction (`conversationStart` is the start). Later visitor messages are not pushed, for one push per message would flood the dataLayer; the text is never read.",
    messageFromOperator:
      'The first operator (or bot) message of the conversation: the chat was answered, an interaction. Later ones are not pushed (they would flood the dataLayer and say nothing about the visitor); the text is never read.',
    'setStatus:online':
      'The chat is online again (`setStatus` with `online`): a state of the chat, not a visitor step; `widget_availability` says `online`.',
    'setStatus:offline': 'The chat went offline (`setStatus` with `offline`): no operator can answer now.',
  },
  title: 'Tidio',
  groups: ['chat'],
  brand: '#0566ff',
  link: 'https://developers.tidio.com/docs/widget-listeners-events',
  mechanism:
    "Both ways Tidio documents its listeners: `tidioChatApi.on(name, fn)` on every `window.tidioChatApi` the widget script creates (followed through an accessor, so before or after the bridge, and again after a single-page app loads the script anew), and `tidioChat-<name>` events on `document` (their `detail`, or their own `data` property), which need no widget yet. `on` adds a handler beside the site's own and the document listeners are the bridge's own, so the site's handlers are untouched. An event that arrives both ways is pushed once: the second delivery of the same event name by the other way right after the first is dropped. `setStatus` is pushed with its status (`setStatus:offline` → unavailable); of `messageFromVisitor` and `messageFromOperator` only the first per conversation. Tidio names no conversation and no visitor in these events (the bridge reads none), so no interaction id is pushed and one lead is sent per page view.",
  ignored: {
    'messageFromVisitor, messageFromOperator (later messages)':
      'Every further message of the visitor, an operator or a bot in the same conversation: one push per message would flood the dataLayer; the first of each side already says the chat went on and was answered.',
  },
  happyPaths: [
    {
      product: 'chat_widget',
      name: 'chat with the pre-chat form',
      events: ['ready', 'open', 'conversationStart', 'preFormFilled', 'messageFromVisitor', 'messageFromOperator', 'close'],
    },
  ],
  template: { param: 'tidio', label: 'Tidio (chat widget)' },
} satisfies VendorDocs<typeof tidioStages>;
