/**
 * Why each Genesys lifecycle step maps to its stage; rendered into
 * docs/events.md, never bundled. The stage follows the step one to one, the
 * same for every widget.
 */
export const genesysStepReasons: Record<string, string> = {
  ready: 'The widget is ready and its launcher can be used.',
  opened: 'The visitor opened the widget.',
  started: 'The visitor started filling in the form.',
  submitted: 'The visitor submitted the form (chat, call or callback requested).',
  completed: 'The interaction completed successfully: for ClickToCall and Callback the default lead.',
  cancelled: 'The visitor gave up before the interaction completed.',
  closed: 'The widget was closed.',
  rejected: 'The chat failed to start.',
  expired: 'The number offered for the call expired before the visitor called: the interaction ended without one.',
  minimized: 'The visitor minimized the chat; it goes on.',
  unminimized: 'The visitor restored the minimized chat.',
};

/** Bus events deliberately not pushed. */
export const genesysIgnored: Record<string, string> = {
  'WebChat.messageAdded': 'One event per chat message would flood GA4, and its payload is the message itself.',
  '_genesys.cxwidget (cx.plugin.*)': 'The legacy widgets API is not supported: its bus is not documented well enough to hook safely; sites on it should upgrade to Genesys Widgets 9.',
};
