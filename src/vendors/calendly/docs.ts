/**
 * What the docs, the GTM template and the playground say about Calendly, and why each event has its
 * stage. Imported by the generators only (src/vendors/manifest.ts), never by the bundles.
 * Source of every event and payload: https://developer.calendly.com/api-docs/overview/embedding/notifying-the-parent-window
 */
import type { VendorDocs } from '../../core/adapter';
import type { calendlyStages } from './stages';

/** What the docs, the GTM template and the playground say about Calendly. */
export const calendlyDocs = {
  reasons: {
    profile_page_viewed:
      'The scheduling page showed the host’s profile (the list of their event types): the widget became available to the visitor.',
    event_type_viewed:
      'The visitor is looking at one event type’s calendar: the widget is available. An embed of one event type’s link starts here; after `profile_page_viewed` in the same iframe it is pushed as an interaction.',
    date_and_time_selected: 'The visitor picked a date and time and is shown the booking form: the booking has begun.',
    event_scheduled:
      'The meeting is booked (the payload carries the scheduled event’s and the invitee’s API URIs): the confirmed outcome and the default lead, once per scheduled event.',
  },
  title: 'Calendly',
  groups: ['booking'],
  brand: '#006bff',
  link: 'https://developer.calendly.com/api-docs/overview/embedding/notifying-the-parent-window',
  mechanism:
    '`window` `message` events `{event: "calendly.<name>", payload}` from the scheduling iframe, accepted only from `https://calendly.com` and `calendly.origins` (exact strings). Calendly posts them only when the iframe URL carries `embed_domain` (react-calendly adds it; a hand-written iframe must too). On `event_scheduled` the UUID at the end of `payload.event.uri` (the scheduled meeting, not a person) is pushed as `widget_event_id` and is the interaction id, so one booking is one `generate_lead` however often its message arrives (a confirmation without a readable URI still sends one, once per page); `payload.invitee.uri` identifies the invitee and is never read. Each scheduling iframe is one interaction: its funnel steps only go forward, and two embeds on a page are two interactions.',
  ignored: {
    page_height: 'Sent with the scheduling page’s height in pixels so the site can size the embed: layout, not something the visitor did.',
  },
  happyPaths: [
    {
      product: 'scheduling',
      name: 'booked from the profile page',
      events: ['profile_page_viewed', 'event_type_viewed', 'date_and_time_selected', 'event_scheduled'],
    },
    {
      product: 'scheduling',
      name: 'booked from an event type link',
      events: ['event_type_viewed', 'date_and_time_selected', 'event_scheduled'],
    },
  ],
  template: { param: 'calendly', label: 'Calendly (scheduling embed)' },
  optionHelp: {
    origins: 'extra exact origins allowed to post Calendly messages, besides https://calendly.com, e.g. "https://scheduling.example.com".',
  },
} satisfies VendorDocs<typeof calendlyStages>;
