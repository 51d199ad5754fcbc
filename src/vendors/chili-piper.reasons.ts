/**
 * Why each Chili Piper action maps to its stage; rendered into docs/events.md,
 * never bundled. Typed against the stage table, so an action cannot be added
 * to one without the other.
 */
import type { ChiliPiperAction } from './chili-piper';

export const chiliPiperReasons: Record<ChiliPiperAction, string> = {
  routing: "The concierge modal opened and is routing the prospect (Chili Piper's loaders): the widget is open.",
  'availability-loaded': 'The calendar with free slots appeared: the widget is open. One booking posts `routing` and then this; the open step is pushed once per booking iframe.',
  'no-free-slots': 'The calendar loaded but no rep of the queue has a free slot: nothing to offer.',
  'phone-selected': 'The visitor chose the live-call option among those offered: the first active step of that path.',
  'meeting-selected': 'The visitor chose to book a meeting among the options offered: the first active step of that path.',
  'video-selected': 'The visitor chose the video option among those offered: the first active step of that path.',
  'timeslot-selected': 'The visitor picked a time slot (carries time, timezone and duration): the booking has begun.',
  booked: 'Sent before the booking workflow runs, with the routeId but no meeting id yet: the booking was requested, not confirmed.',
  'booking-confirmed': 'The confirmation screen, with the meeting id: the confirmed outcome and the default lead.',
  phoneClose: 'A live call with a rep was completed/ended: a completed conversation, though not a lead by default (add it to leadActions if calls convert).',
  rescheduled: 'A reschedule workflow started for an existing meeting: not a new funnel step.',
  prospect_cancel: 'The prospect cancelled a meeting through the public cancel URL: an abandonment.',
  'no-action-choice': 'The prospect was offered options and took none: an abandonment of the offer.',
  close: 'The prospect clicked "X" on the options without taking any: the widget was closed.',
  esc: 'The visitor pressed Escape in the booking iframe. The legacy loader closes its popup then only when the site set `closeOnOutside`, so the close is pushed once the popup has really left the page.',
  CLOSE_IFRAME: 'Sent with `message: "CP_BACK_PRESSED"` when the visitor used the back button of the booking app; the legacy loader closes the popup: the widget was closed.',
  'prospect-routed': 'The router assigned the prospect to a queue or rep: an intermediate step, neither a visitor action nor an outcome.',
  'prospect-disqualified': 'The router disqualified the prospect: the widget has nothing to offer.',
  error: 'The concierge reported an error.',
};

/** Messages Chili Piper posts that are deliberately not analytics events. */
export const chiliPiperIgnored: Record<string, string> = {
  REDIRECT: 'A navigation command from the concierge loader, not something the visitor did.',
  SetIframeSize: "The legacy loader's layout command to resize its popup.",
  'started-listening-form-data-update': "The booking app's handshake with the concierge.js loader about form data, not a visitor step.",
  'stopped-listening-form-data-update': 'The end of that handshake.',
  '(any message from a hidden iframe)': 'The concierge.js loader preloads the booking app in an iframe 0 px high and re-creates it after every close; nothing it posts before it is shown is a visitor step.',
};
