/**
 * What the docs, the GTM template and the playground say about this vendor, and why each event has its
 * stage. Imported by the generators only (src/vendors/manifest.ts), never by the bundles.
 */
import type { VendorDocs } from '../../core/adapter';
import type { calComStages } from './stages';

const EVENTS_PAGE = 'https://cal.com/docs/developing/guides/embeds/embed-events';

/** What the docs, the GTM template and the playground say about Cal.com. */
export const calComDocs = {
  reasons: {
    linkReady:
      'Cal.com\'s events page: "the link is ready to be shown now" (the embed shows the booker and removes its loader): the widget is available to the visitor.',
    bookerViewed:
      "@calcom/embed-core's `EventDataMap` (sdk-action-manager.ts): the booker was viewed for the first time (sent on the first `linkReady` of a page view, not while prerendering): the widget is shown. After `linkReady` of the same embed it is pushed as an interaction.",
    bookerReopened:
      "@calcom/embed-core's `EventDataMap`: a closed modal booker was opened again without a reload: the same booker seen again, not a new funnel step.",
    bookerReloaded: "Cal.com's events page: the booker inside the modal was reloaded: the same booker seen again, not a new funnel step.",
    availabilityLoaded:
      "Cal.com's events page: the free slots loaded for the first time (with the event type's id and slug): a loading step the embed reports around `linkReady`, not something the visitor did.",
    availabilityRefreshed: "@calcom/embed-core's `EventDataMap`: the free slots were refreshed after the first load: not a visitor step.",
    navigatedToBooker:
      "@calcom/embed-core's `EventDataMap`: a routing form led to the booker: an intermediate step, not a funnel step of its own.",
    routed:
      "@calcom/embed-core's `EventDataMap`: a routing form applied its rule (custom message, external redirect or event-type redirect; neither is read): an intermediate step.",
    eventTypeSelected: 'Cal.com\'s events page: "when user chooses an event-type from the listing": the first active step of a booking.',
    bookingSuccessfulV2:
      'Cal.com\'s events page: "a booking is successfully created. It might not be confirmed" (the booking `uid` is the interaction id): the booking\'s outcome and the default lead, one per booking `uid`.',
    rescheduleBookingSuccessfulV2:
      "Cal.com's events page: an existing booking was moved to a new time: a completed outcome, but not a new lead (the visitor converted when first booking).",
    bookingCancelled: "Cal.com's events page: a booking was cancelled in the embed: an abandonment.",
    linkFailed: 'Cal.com\'s events page: "fired if link fails to load" (non-200 status in the iframe): the widget reported an error.',
    bookingFailed:
      "Expected for a booking that could not be made; not (yet) in @calcom/embed-core's `EventDataMap` nor on the events page read for this adapter, so kept as an error in case the booker sends it.",
  },
  title: 'Cal.com',
  groups: ['booking'],
  brand: '#292929',
  link: EVENTS_PAGE,
  mechanism:
    "`window` `message` events from the embed iframe, `{originator: 'CAL', type, namespace, fullType: 'CAL:<namespace>:<action>', data}` (what @calcom/embed-core's embed.js re-dispatches to `Cal('on')` handlers), accepted only from `https://app.cal.com` and `https://cal.com` (embed.js builds the iframe on `calOrigin`, default `https://app.cal.com`) and `calCom.origins` (self-hosted instances), compared as exact strings before `event.data` is read. The bridge does not register `Cal('on')` handlers: embed.js's own listener checks no origin, so handlers registered there also hear look-alike frames; the site's own handlers keep working untouched. The action is the third part of `fullType`, the namespace (`widget_id`) the second. Read from `data`: the booking `uid` (interaction id), `startTime`/`endTime` (slot and duration); never the title (it carries attendee names), the video link, the organizer, the booking or the event-type object. Each embed (its namespace, one iframe per `Cal.ns[namespace]` instance) is its own interaction, so two embeds on a page are two, whose funnel steps only go forward; one lead per booking `uid`.",
  ignored: {
    dryRunBookingSuccessfulV2: "A test booking (Cal.com's dry-run mode): nothing was booked.",
    dryRunRescheduleBookingSuccessfulV2: "A test reschedule (Cal.com's dry-run mode): nothing was moved.",
    bookingSuccessful:
      "Deprecated by `bookingSuccessfulV2` (Cal.com's events page); it carries the whole booking and the organizer (name, e-mail), older versions are reported to send it after a cancellation, and a booker sending both would count one booking twice.",
    rescheduleBookingSuccessful:
      "Deprecated by `rescheduleBookingSuccessfulV2` (Cal.com's events page); it carries the whole booking and the organizer.",
    linkPrerendered: 'The embed was prerendered hidden in the background: the visitor has seen nothing yet.',
    '__iframeReady, __windowLoadComplete, __dimensionChanged, __routeChanged, __closeIframe, __scrollByDistance, __connectInitiated, __connectCompleted':
      'Cal.com\'s internal actions between the iframe and embed.js ("actions that start with __ are internal"): layout and handshake, not visitor steps.',
  },
  happyPaths: [{ product: 'booker', name: 'booking', events: ['linkReady', 'bookerViewed', 'eventTypeSelected', 'bookingSuccessfulV2'] }],
  template: { param: 'calCom', label: 'Cal.com (booking embed)' },
  optionHelp: {
    origins:
      'extra exact origins allowed to post embed messages, besides https://app.cal.com and https://cal.com: a self-hosted Cal.com, e.g. "https://cal.example.com".',
  },
} satisfies VendorDocs<typeof calComStages>;
