/**
 * What the docs, the GTM template and the playground say about this vendor, and why each event has its
 * stage. Imported by the generators only (src/vendors/manifest.ts), never by the bundles.
 */
import type { VendorDocs } from '../../core/adapter';
import type { chiliPiperStages } from './stages';

/** What the docs, the GTM template and the playground say about Chili Piper. */
export const chiliPiperDocs = {
  reasons: {
    routing: "The concierge modal opened and is routing the prospect (Chili Piper's loaders): the widget is open.",
    'availability-loaded':
      'The calendar with free slots appeared: the widget is open. One booking posts `routing` and then this: after `routing` it is pushed as an interaction.',
    'no-free-slots': 'The calendar loaded but no rep of the queue has a free slot: nothing to offer.',
    'phone-selected': 'The visitor chose the live-call option among those offered: the first active step of that path.',
    'meeting-selected': 'The visitor chose to book a meeting among the options offered: the first active step of that path.',
    'video-selected': 'The visitor chose the video option among those offered: the first active step of that path.',
    'timeslot-selected': 'The visitor picked a time slot (carries time, timezone and duration): the booking has begun.',
    booked: 'Sent before the booking workflow runs, with the routeId but no meeting id yet: the booking was requested, not confirmed.',
    'booking-confirmed':
      'The confirmation screen, with the meeting id: the confirmed outcome and the default lead (only with its `routeId`, which every genuine confirmation carries).',
    phoneClose:
      'A live call with a rep was completed/ended: a completed conversation, though not a lead by default (add it to leadActions if calls convert).',
    rescheduled: 'A reschedule workflow started for an existing meeting: not a new funnel step.',
    prospect_cancel: 'The prospect cancelled a meeting through the public cancel URL: an abandonment.',
    'no-action-choice': 'The prospect was offered options and took none: an abandonment of the offer.',
    close: 'The prospect clicked "X" on the options without taking any: the widget was closed.',
    esc: 'The visitor pressed Escape in the booking iframe. The legacy loader closes its popup then only when the site set `closeOnOutside`, so the close is pushed once the popup has really left the page.',
    CLOSE_IFRAME:
      'Sent with `message: "CP_BACK_PRESSED"` when the visitor used the back button of the booking app; the legacy loader closes the popup: the widget was closed.',
    'prospect-routed': 'The router assigned the prospect to a queue or rep: an intermediate step, neither a visitor action nor an outcome.',
    'prospect-disqualified': 'The router disqualified the prospect: the widget has nothing to offer.',
    error: 'The concierge reported an error.',
  },
  title: 'Chili Piper',
  groups: ['booking'],
  brand: '#ff5a3c',
  link: 'https://help.chilipiper.com/hc/en-us/articles/1500011381522-Capturing-Javascript-Messaging-in-Browser',
  mechanism:
    '`window` `message` events from the booking iframe, accepted only from `https://*.chilipiper.com` and `https://*.chilipiper.io` (any subdomain depth; the concierge.js loader builds its iframe on the host its script came from) and `chiliPiper.origins`. Shapes: `{action}`, `{action, args}`, ids at the top level, keyed `{"no-action-choice": {…}}`, bare `{routeId}` (→ `booked`) and bare `{routeId, eventId, …}` (→ `booking-confirmed`). `routeId` is the interaction id. Nothing is pushed from an iframe that is not shown (the concierge.js loader preloads one 0 px high and re-creates it after every close), and the funnel steps of one booking iframe only go forward (a step it already reached is pushed as `interaction`). A lead needs the `routeId`: a `booking-confirmed` without one is pushed but sends no `generate_lead`, so a malformed confirmation cannot take the lead of the genuine one.',
  ignored: {
    REDIRECT: 'A navigation command from the concierge loader, not something the visitor did.',
    SetIframeSize: "The legacy loader's layout command to resize its popup.",
    'started-listening-form-data-update': "The booking app's handshake with the concierge.js loader about form data, not a visitor step.",
    'stopped-listening-form-data-update': 'The end of that handshake.',
    '(any message from a hidden iframe)':
      'The concierge.js loader preloads the booking app in an iframe 0 px high and re-creates it after every close; nothing it posts before it is shown is a visitor step.',
  },
  happyPaths: [
    {
      product: 'concierge',
      name: 'meeting booked',
      events: ['routing', 'availability-loaded', 'meeting-selected', 'timeslot-selected', 'booked', 'booking-confirmed', 'close'],
    },
    { product: 'concierge', name: 'live call', events: ['routing', 'phone-selected', 'phoneClose'] },
  ],
  template: { param: 'chiliPiper', label: 'Chili Piper (booking, concierge router)' },
  optionHelp: {
    origins:
      'extra exact origins allowed to post booking messages, besides https://*.chilipiper.com and https://*.chilipiper.io, e.g. "https://booking.example.com".',
    relay:
      'opt-in webhook relay, with the relay client file (vendors/chili_piper_relay.js, which the template, the command line and the playground add), e.g. {url: "https://relay.example.com", analyticsConsent: true, measurementId: "G-XXXXXXXXXX"}: with analytics consent, bookings made with the legacy snippet get a per-booking webhook URL and their outcomes reach GA4 from the relay (docs/closing-the-loop.md).',
  },
} satisfies VendorDocs<typeof chiliPiperStages>;
