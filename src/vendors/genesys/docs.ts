/**
 * What the docs, the GTM template and the playground say about Genesys Widgets, and why each bus event
 * has its stage. Imported by the generators only (src/vendors/manifest.ts), never by the bundles.
 */
import type { VendorDocs } from '../../core/adapter';
import { CHAT_SERVICE, GENESYS_WIDGETS, type genesysStages } from './stages';

/** Why each lifecycle step has its stage, unless a widget says otherwise below. */
const STEP_REASONS: Record<string, string> = {
  ready:
    'The widget is ready and its launcher can be used. Pushed only for widgets the page configured (`_genesys.widgets.<widget>`): the all-in-one `widgets.min.js` publishes `ready` for every widget it bundles.',
  opened: 'The visitor opened the widget.',
  started: 'The visitor started filling in the form.',
  submitted: 'The visitor submitted the form (call or callback requested).',
  completed: 'The interaction completed successfully (the Lead column says whether it is a default lead).',
  cancelled: 'The visitor gave up before the interaction completed.',
  closed: 'The widget was closed.',
  rejected: 'The chat failed to start.',
  expired: 'The number offered for the call expired before the visitor called: the interaction ended without one.',
  minimized: 'The visitor minimized the chat; it goes on.',
  unminimized: 'The visitor restored the minimized chat.',
};

/** Why WebChat's steps that differ have their stage. */
const WEBCHAT_REASONS: Record<string, string> = {
  submitted:
    'WebChat 9 publishes `submitted` when the visitor sends the registration form, before the chat session exists: the visitor began the chat.',
  started: 'WebChat 9 publishes `started` once the chat session is established, after `submitted`: the chat request is in.',
  completed: 'The chat ended after an agent had connected; not a lead by default.',
  cancelled: 'The chat ended before an agent connected.',
};

/** Why each WebChatService event has its stage. */
const CHAT_SERVICE_REASONS: Record<string, string> = {
  started:
    'The chat session started: the visitor sent the registration form and began the chat. Genesys Widgets 8.5 publishes nothing on WebChat between `opened` and the end, so this is its start step; in 9.x `WebChat.submitted` is the start and this one is pushed as an interaction. Its `sessionID` is the interaction id until WebChat names one.',
  restored: 'A running chat was restored, e.g. after the visitor navigated to another page.',
  agentConnected:
    "An agent joined the chat: the visitor's request was taken. The submit step of Genesys Widgets 8.5, which publishes no other event for it; in 9.x `WebChat.started` is the submit and a chat's agent (or a second agent after a transfer) is pushed as an interaction.",
  agentDisconnected: 'An agent left the chat.',
  ended:
    'The chat session ended after an agent had connected. An end before any agent joined is no completion: pushed as an interaction (WebChat publishes `cancelled` or `closed` for it). In 9.x the second of it and `WebChat.completed` is pushed as an interaction.',
  error: 'The chat service reported an error.',
};

/** Bus event name → reason, composed like the stage table. */
function genesysReasons(): Record<string, string> {
  const reasons: Record<string, string> = {};
  for (const name of Object.keys(GENESYS_WIDGETS))
    for (const step of GENESYS_WIDGETS[name].steps)
      reasons[name + '.' + step] = (name == 'WebChat' && WEBCHAT_REASONS[step]) || STEP_REASONS[step];
  for (const event of Object.keys(CHAT_SERVICE_REASONS)) reasons[CHAT_SERVICE + '.' + event] = CHAT_SERVICE_REASONS[event];
  return reasons;
}

/** What the docs, the GTM template and the playground say about Genesys Widgets. */
export const genesysDocs = {
  reasons: genesysReasons(),
  title: 'Genesys Widgets',
  groups: ['chat'],
  brand: '#ff4f1f',
  link: 'https://docs.genesys.com/Documentation/GWC/latest/WidgetsAPI/WebChatEvents',
  mechanism:
    "CXBus lifecycle events, subscribed as a plugin registered through `_genesys.widgets.extensions` (kept when the site reassigns its config after the bridge), `_genesys.widgets.bus` or `window.CXBus`, whichever comes first, each bus once; the site's `_genesys.widgets.onReady` is never touched. `widget_product` comes from the widget (`click_to_call`, `callback`, `web_chat`, `send_message`). From the metadata block: `widget_proactive`, `widget_prefilled`, `widget_auto_submitted`, `widget_error_count` and `widget_elapsed_ms` (from `opened` to this step). The interaction id is the vendor's: the metadata `id` (WebChat 9) or `sessionID` (`WebChatService.started`); without one, the product and the `opened` timestamp. `ready` is pushed only for widgets the page configured. WebChat and WebChatService events of one chat share its id and its funnel, which only goes forward: a step the chat already reached is pushed as `interaction`, so versions that publish both count each step once. Never form data or `userData`.",
  ignored: {
    'WebChat.messageAdded': 'One event per chat message would flood GA4, and its payload is the message itself.',
    'WebChatService.messageReceived': 'The same: one event per message, carrying its text.',
    'WebChatService.ready': 'The service being ready says nothing the visitor did; `WebChat.ready` is the view.',
    '_genesys.cxwidget (cx.plugin.*)':
      'The legacy widgets API is not supported: its bus is not documented well enough to hook safely; sites on it should upgrade to Genesys Widgets 9.',
  },
  happyPaths: [
    {
      product: 'click_to_call',
      name: 'call completed',
      events: [
        'ClickToCall.ready',
        'ClickToCall.opened',
        'ClickToCall.started',
        'ClickToCall.submitted',
        'ClickToCall.completed',
        'ClickToCall.closed',
      ],
    },
    {
      product: 'callback',
      name: 'callback completed',
      events: ['Callback.ready', 'Callback.opened', 'Callback.started', 'Callback.submitted', 'Callback.completed', 'Callback.closed'],
    },
    {
      product: 'web_chat',
      name: 'chat with an agent, Widgets 9',
      events: [
        'WebChat.ready',
        'WebChat.opened',
        'WebChat.submitted',
        'WebChatService.started',
        'WebChat.started',
        'WebChatService.agentConnected',
        'WebChatService.ended',
        'WebChat.completed',
        'WebChat.closed',
      ],
    },
    {
      product: 'web_chat',
      name: 'chat with an agent, Widgets 8.5',
      events: [
        'WebChat.ready',
        'WebChat.opened',
        'WebChatService.started',
        'WebChatService.agentConnected',
        'WebChatService.ended',
        'WebChat.closed',
      ],
    },
    {
      product: 'send_message',
      name: 'message sent',
      events: [
        'SendMessage.ready',
        'SendMessage.opened',
        'SendMessage.started',
        'SendMessage.submitted',
        'SendMessage.completed',
        'SendMessage.closed',
      ],
    },
  ],
  template: { param: 'genesys', label: 'Genesys Widgets (ClickToCall, WebChat, Callback, SendMessage)' },
} satisfies VendorDocs<typeof genesysStages>;
