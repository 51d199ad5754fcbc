/**
 * Why each Chili Piper action maps to its stage; rendered into docs/events.md,
 * never bundled. Typed against the stage table, so an action cannot be added
 * to one without the other.
 */
import type { ChiliPiperAction } from './chili-piper';

export const chiliPiperReasons: Record<ChiliPiperAction, string> = {
  'availability-loaded': 'The calendar with free slots appeared: the booking step is open in front of the visitor.',
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
  routing: "The concierge modal opened and is routing the prospect (Chili Piper's concierge loader): the widget is open.",
  'prospect-routed': 'The router assigned the prospect to a queue or rep: an intermediate step, neither a visitor action nor an outcome.',
  'prospect-disqualified': 'The router disqualified the prospect: the widget has nothing to offer.',
  error: 'The concierge reported an error.',
};

/** Messages Chili Piper posts that are deliberately not analytics events. */
export const chiliPiperIgnored: Record<string, string> = {
  REDIRECT: 'A navigation command from the concierge loader, not something the visitor did.',
};
