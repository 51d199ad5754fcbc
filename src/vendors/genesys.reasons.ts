/**
 * Why each Genesys bus event maps to its stage; rendered into docs/events.md,
 * never bundled. The stage follows the lifecycle step, the same for every
 * widget, except where an event has a reason of its own.
 */
export const genesysStepReasons: Record<string, string> = {
  ready: 'The widget is ready and its launcher can be used. Pushed only for widgets the page configured (`_genesys.widgets.<widget>`): the all-in-one `widgets.min.js` publishes `ready` for every widget it bundles.',
  opened: 'The visitor opened the widget.',
  started: 'The visitor started filling in the form.',
  submitted: 'The visitor submitted the form (call or callback requested).',
  completed: 'The interaction completed successfully: for ClickToCall and Callback the default lead.',
  cancelled: 'The visitor gave up before the interaction completed.',
  closed: 'The widget was closed.',
  rejected: 'The chat failed to start.',
  expired: 'The number offered for the call expired before the visitor called: the interaction ended without one.',
  minimized: 'The visitor minimized the chat; it goes on.',
  unminimized: 'The visitor restored the minimized chat.',
};

/** Events whose reason differs from their step's. */
export const genesysEventReasons: Record<string, string> = {
  'WebChat.submitted': 'WebChat 9 publishes `submitted` when the visitor sends the registration form, before the chat session exists: the visitor began the chat.',
  'WebChat.started': 'WebChat 9 publishes `started` once the chat session is established, after `submitted`: the chat request is in. Pushed once per chat with `WebChatService.started`.',
  'WebChat.completed': 'The chat session ended. Pushed once per chat with `WebChatService.ended`; not a lead by default.',
  'WebChatService.started': 'The chat session started (Genesys Widgets 8.5 publishes the conversation only on WebChatService); its `sessionID` is the interaction id until WebChat names one. Pushed once per chat with `WebChat.started`.',
  'WebChatService.restored': 'A running chat was restored, e.g. after the visitor navigated to another page.',
  'WebChatService.agentConnected': 'An agent joined the chat: a step inside the running conversation.',
  'WebChatService.agentDisconnected': 'An agent left the chat.',
  'WebChatService.ended': 'The chat session ended. Pushed once per chat with `WebChat.completed`.',
  'WebChatService.error': 'The chat service reported an error.',
};

/** Bus events deliberately not pushed. */
export const genesysIgnored: Record<string, string> = {
  'WebChat.messageAdded': 'One event per chat message would flood GA4, and its payload is the message itself.',
  'WebChatService.messageReceived': 'The same: one event per message, carrying its text.',
  'WebChatService.ready': 'The service being ready says nothing the visitor did; `WebChat.ready` is the view.',
  '_genesys.cxwidget (cx.plugin.*)': 'The legacy widgets API is not supported: its bus is not documented well enough to hook safely; sites on it should upgrade to Genesys Widgets 9.',
};
