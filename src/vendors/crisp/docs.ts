/**
 * What the docs, the GTM template and the playground say about this vendor, and why each event has its
 * stage. Imported by the generators only (src/vendors/manifest.ts), never by the bundles.
 */
import type { VendorDocs } from '../../core/adapter';
import type { crispStages } from './stages';

/** What the docs, the GTM template and the playground say about Crisp. */
export const crispDocs = {
  reasons: {
    'session:loaded':
      "The chatbox loaded the visitor's session: the chat is available. Its session id (`session_id`) is the interaction id of every later event, until another session loads.",
    'website:availability:changed:online':
      '`website:availability:changed` reported true: the support team is online. Pushes `widget_availability` `online`; not a funnel step.',
    'website:availability:changed:away':
      '`website:availability:changed` reported false: the team is away (`$crisp.is("website:available")` is false "if away"). Pushes `widget_availability` `away`.',
    'chat:opened': 'The visitor opened the chatbox.',
    'helpdesk:queried': 'The visitor searched the helpdesk inside the chatbox; the query and results are never read.',
    'chat:initiated': 'A chat was initiated in the chatbox.',
    'message:sent':
      "The visitor's first message of the session: the conversation started. Later messages of the session are not pushed (one push per message would flood the dataLayer), and the content is never read.",
    'message:received':
      'The first message the visitor received in the session: an operator (or bot) answered. Later ones are not pushed (they would flood the dataLayer), and the content is never read.',
    'user:nickname:changed': 'The visitor gave or changed a nickname; the nickname is never read.',
    'user:phone:changed':
      'The visitor gave a phone number: contact details handed over. The number is never read; not a default lead (add it with `leadActions`).',
    'user:email:changed':
      'The visitor gave an e-mail address: contact details handed over, and the default lead (one per session). Pushes `widget_email_provided` (true only for an argument shaped like an e-mail address); with `hashEmail` the lead carries a SHA-256 of the address, which is never pushed.',
    'chat:closed': 'The visitor closed the chatbox.',
  },
  title: 'Crisp',
  groups: ['chat'],
  brand: '#1972f5',
  link: 'https://docs.crisp.chat/guides/chatbox-sdks/web-sdk/dollar-crisp/',
  mechanism:
    '`$crisp.push(["on", name, callback])`, which keeps one callback per event (a second `on` replaces the first; `["off", name]` removes it; npm `crisp-sdk-web` pushes `off` before each `on`). The bridge registers that one callback for each event it hears, through the `$crisp` queue before the chatbox loads, and keeps the site\'s own: every `on` or `off` the page pushes for those events, before or after the bridge, directly or through `crisp-sdk-web`, only changes which site callback the bridge\'s calls (same arguments, `this` and return value); other events pass through untouched. A new `$crisp` queue (a page re-creating the chatbox) starts afresh. A bridge that arrives after the chatbox loaded cannot read the callbacks already registered, so it hears an event only once the site pushes an `on` for it. The session id of `session:loaded` is the interaction id; no e-mail, phone, nickname, message content or helpdesk query is read.',
  ignored: {
    'message:compose:sent': 'The visitor is typing: fires with every keystroke pause and would flood the dataLayer.',
    'message:compose:received': 'An operator is typing: as frequent, and not the visitor acting.',
    'user:avatar:changed': "Carries the visitor's avatar image and nothing else.",
  },
  happyPaths: [
    {
      product: 'live_chat',
      name: 'chat to e-mail',
      events: [
        'session:loaded',
        'website:availability:changed:online',
        'chat:opened',
        'chat:initiated',
        'message:sent',
        'message:received',
        'user:email:changed',
        'chat:closed',
      ],
    },
  ],
  template: { param: 'crisp', label: 'Crisp (live chat)' },
} satisfies VendorDocs<typeof crispStages>;
