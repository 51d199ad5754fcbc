/**
 * What the docs, the GTM template and the playground say about this vendor, and why each event has its
 * stage. Imported by the generators only (src/vendors/manifest.ts), never by the bundles.
 */
import type { VendorDocs } from '../../core/adapter';
import type { tawkToStages } from './stages';

/** What the docs, the GTM template and the playground say about tawk.to. */
export const tawkToDocs = {
  reasons: {
    onLoad: 'The widget was rendered on the page ("invoked right after the widget is rendered").',
    'onStatusChange:online':
      '`onStatusChange` reported the page status `online`: agents are there. Pushes `widget_availability` `online`; not a funnel step.',
    'onStatusChange:away':
      '`onStatusChange` reported `away`: no agent answers now, nothing to offer but a message. Pushes `widget_availability` `away`.',
    'onStatusChange:offline':
      '`onStatusChange` reported `offline`: the widget offers the offline form instead of a chat. Pushes `widget_availability` `offline`.',
    onChatMaximized: 'The visitor maximized the chat widget.',
    onChatMinimized: 'The chat widget was minimized: its window closed.',
    onChatHidden: 'The chat widget was hidden.',
    onPrechatSubmit:
      "The visitor sent the pre-chat form: contact details handed over, and a default lead. Pushes `widget_email_provided` (true only for an `email` shaped like an e-mail address); the form's name, e-mail and message are never pushed, and with `hashEmail` the lead carries a SHA-256 of the address.",
    onChatStarted: 'A chat started.',
    onChatMessageVisitor:
      "The visitor's first message of a chat: the conversation started. Later messages of the same chat are not pushed (one push per message would flood the dataLayer), and the text is never read.",
    onAgentJoinChat: "An agent joined the chat; pushes the agent's `id` as `widget_operator_id`, never the name, position or image.",
    onChatMessageAgent:
      'The first agent message of a chat: an agent answered. Later ones are not pushed (they would flood the dataLayer), and the text is never read.',
    onAgentLeaveChat: "An agent left the chat; pushes the agent's `id`.",
    onFileUpload: 'A file was uploaded in the chat; its link is never read.',
    onChatSatisfaction:
      'The visitor rated the chat: `widget_rating` is `like`, `neutral` or `dislike` (tawk.to passes 1, 0, -1); anything else is not pushed as a rating.',
    onChatEnded:
      'The chat ended. A completed conversation when an agent joined or answered in it; a chat no agent took part in is pushed as `interaction`. The next chat starts a funnel of its own.',
    onOfflineSubmit:
      "The visitor left a message in the offline form (`{name, email, message, questions}`): contact details handed over, and a default lead. Pushes `widget_email_provided` only, never the form's fields.",
  },
  title: 'tawk.to',
  groups: ['chat'],
  brand: '#03a84e',
  link: 'https://developer.tawk.to/jsapi/',
  mechanism:
    "Callbacks the page assigns on `window.Tawk_API` (`Tawk_API.onLoad = function(){…}`), one function per name: each property stays a function that pushes, then calls the site's own one with the same arguments, `this` and return value, whether the site assigns it before or after the bridge, and each time it assigns it again. Names the site never set do not show in `Object.keys(Tawk_API)`. A `Tawk_API` object that replaces the first one is followed (unless the first was declared with `var` before the bridge, which makes the global fixed). tawk.to names no chat: the funnel runs in one scope per chat, from the widget's load to `onChatEnded`, and a page sends at most one lead. The official framework wrappers (`@tawk.to/tawk-messenger-react`) hear the widget's `tawk<Name>` window events, which the bridge leaves alone.",
  ignored: {
    onBeforeLoad: 'Called before the widget is rendered: nothing the visitor sees yet (`onLoad` is the view).',
    onChatMessageSystem: 'System messages inside the chat: neither the visitor nor an agent acted.',
    onVisitorNameChanged: "Carries the visitor's name and nothing else.",
    onTagsUpdated: "The chat's tags, set by the site or the agents.",
    onUnreadCountChanged: 'Unread counts change with every agent message: they would flood the dataLayer.',
  },
  happyPaths: [
    {
      product: 'live_chat',
      name: 'pre-chat form to an answered chat',
      events: [
        'onLoad',
        'onStatusChange:online',
        'onChatMaximized',
        'onPrechatSubmit',
        'onChatStarted',
        'onChatMessageVisitor',
        'onAgentJoinChat',
        'onChatMessageAgent',
        'onChatSatisfaction',
        'onChatEnded',
        'onChatMinimized',
      ],
    },
    {
      product: 'live_chat',
      name: 'offline message',
      events: ['onLoad', 'onStatusChange:offline', 'onChatMaximized', 'onOfflineSubmit', 'onChatMinimized'],
    },
  ],
  template: { param: 'tawkTo', label: 'tawk.to (live chat)' },
} satisfies VendorDocs<typeof tawkToStages>;
