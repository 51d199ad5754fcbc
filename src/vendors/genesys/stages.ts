/**
 * Genesys Widgets bus event → stage, with the reason for each choice
 * (rendered into docs/events.md; `__DOCS__ &&` keeps reasons out of the
 * bundles). Built from the lifecycle steps every widget shares, each widget's
 * steps and exceptions, and the WebChatService events.
 * https://docs.genesys.com/Documentation/GWC/latest/WidgetsAPI/WebChatEvents
 */
import type { StageRow, StageTable, VendorDocs } from '../../core/adapter';

/** Each lifecycle step maps to its stage, unless a widget says otherwise below. */
const STEPS = {
  ready: [
    'view',
    __DOCS__ &&
      'The widget is ready and its launcher can be used. Pushed only for widgets the page configured (`_genesys.widgets.<widget>`): the all-in-one `widgets.min.js` publishes `ready` for every widget it bundles.',
  ],
  opened: ['open', __DOCS__ && 'The visitor opened the widget.'],
  started: ['start', __DOCS__ && 'The visitor started filling in the form.'],
  submitted: ['submit', __DOCS__ && 'The visitor submitted the form (call or callback requested).'],
  completed: ['complete', __DOCS__ && 'The interaction completed successfully (the Lead column says whether it is a default lead).'],
  cancelled: ['cancel', __DOCS__ && 'The visitor gave up before the interaction completed.'],
  closed: ['close', __DOCS__ && 'The widget was closed.'],
  rejected: ['error', __DOCS__ && 'The chat failed to start.'],
  expired: ['cancel', __DOCS__ && 'The number offered for the call expired before the visitor called: the interaction ended without one.'],
  minimized: ['interaction', __DOCS__ && 'The visitor minimized the chat; it goes on.'],
  unminimized: ['interaction', __DOCS__ && 'The visitor restored the minimized chat.'],
} as const satisfies Record<string, StageRow>;

type Step = keyof typeof STEPS;
const LIFECYCLE: Step[] = ['ready', 'opened', 'started', 'submitted', 'completed', 'cancelled', 'closed'];

/** One Genesys widget: how it is pushed, configured and which steps it publishes. */
export interface GenesysWidget {
  /** `widget_product`. */
  product: string;
  /** Its key in the page's `_genesys.widgets` configuration. */
  configKey: string;
  /** The steps it publishes as `<Widget>.<step>`. */
  steps: Step[];
  /** Steps whose stage differs for this widget. */
  rows?: Partial<Record<Step, StageRow>>;
}

/** The widgets, by the name their bus events start with. */
export const GENESYS_WIDGETS: Record<string, GenesysWidget> = {
  ClickToCall: { product: 'click_to_call', configKey: 'clicktocall', steps: LIFECYCLE.concat('expired') },
  Callback: { product: 'callback', configKey: 'callback', steps: LIFECYCLE },
  WebChat: {
    product: 'web_chat',
    configKey: 'webchat',
    steps: LIFECYCLE.concat('rejected', 'minimized', 'unminimized'),
    // WebChat 9 publishes opened → submitted → started → completed: the two middle steps swap stages
    // to keep the funnel in order.
    rows: {
      submitted: [
        'start',
        __DOCS__ &&
          'WebChat 9 publishes `submitted` when the visitor sends the registration form, before the chat session exists: the visitor began the chat.',
      ],
      started: [
        'submit',
        __DOCS__ && 'WebChat 9 publishes `started` once the chat session is established, after `submitted`: the chat request is in.',
      ],
      completed: ['complete', __DOCS__ && 'The chat ended after an agent had connected; not a lead by default.'],
      cancelled: ['cancel', __DOCS__ && 'The chat ended before an agent connected.'],
    },
  },
  SendMessage: { product: 'send_message', configKey: 'sendmessage', steps: LIFECYCLE },
};

/** The chat session service under WebChat. */
export const CHAT_SERVICE = 'WebChatService';

/**
 * WebChatService events. Genesys Widgets 8.5 publishes the conversation only
 * here (WebChat itself only ready/opened/minimized/unminimized/closed), so
 * these rows alone must give a chat with an agent its start, submit and
 * complete; 9.x publishes both, and the WebChat step that a chat has already
 * reached is pushed as an interaction, whichever arrives first.
 */
const CHAT_SERVICE_ROWS = {
  started: [
    'start',
    __DOCS__ &&
      'The chat session started: the visitor sent the registration form and began the chat. Genesys Widgets 8.5 publishes nothing on WebChat between `opened` and the end, so this is its start step; in 9.x `WebChat.submitted` is the start and this one is pushed as an interaction. Its `sessionID` is the interaction id until WebChat names one.',
  ],
  restored: ['interaction', __DOCS__ && 'A running chat was restored, e.g. after the visitor navigated to another page.'],
  agentConnected: [
    'submit',
    __DOCS__ &&
      "An agent joined the chat: the visitor's request was taken. The submit step of Genesys Widgets 8.5, which publishes no other event for it; in 9.x `WebChat.started` is the submit and a chat's agent (or a second agent after a transfer) is pushed as an interaction.",
  ],
  agentDisconnected: ['interaction', __DOCS__ && 'An agent left the chat.'],
  ended: [
    'complete',
    __DOCS__ &&
      'The chat session ended after an agent had connected. An end before any agent joined is no completion: pushed as an interaction (WebChat publishes `cancelled` or `closed` for it). In 9.x the second of it and `WebChat.completed` is pushed as an interaction.',
  ],
  error: ['error', __DOCS__ && 'The chat service reported an error.'],
} as const satisfies Record<string, StageRow>;

/** Bus event name (`ClickToCall.completed`, `WebChatService.ended`…) → row, built from the tables above. */
export const genesysStages: StageTable = {};
for (const name of Object.keys(GENESYS_WIDGETS)) {
  const widget = GENESYS_WIDGETS[name];
  for (const step of widget.steps)
    (genesysStages as Record<string, StageRow>)[name + '.' + step] = (widget.rows && widget.rows[step]) || STEPS[step];
}
for (const step of Object.keys(CHAT_SERVICE_ROWS) as (keyof typeof CHAT_SERVICE_ROWS)[]) {
  (genesysStages as Record<string, StageRow>)[CHAT_SERVICE + '.' + step] = CHAT_SERVICE_ROWS[step];
}

/** What the docs, the GTM template and the playground say about Genesys Widgets. */
export const genesysDocs =
  __DOCS__ &&
  ({
    title: 'Genesys Widgets',
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
  } satisfies VendorDocs);
