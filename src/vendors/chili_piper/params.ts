import type { AssertNever } from '../../core/schema';
import type { ChiliPiperRelayOptions } from './relay';

/** Chili Piper detail keys. Ids are Chili Piper's and the rep's CRM ids, never the visitor's. */
export interface ChiliPiperParams {
  /** Meeting id: Chili Piper's `eventId`, present once the booking is confirmed; Calendly's scheduled event UUID (the end of `payload.event.uri`) on `event_scheduled`. */
  widget_event_id: string | undefined;
  /** CRM id of the rep the meeting was assigned to (Chili Piper `assigneeId`; Drift: the team member's `id`), not visitor data. */
  widget_assignee_id: string | undefined;
  /** Chili Piper's `actionType` for the booking (`create`, `reschedule`, …). */
  widget_action_type: string | undefined;
  /** Start of the booked or selected slot, ISO 8601 UTC (normalized from epoch seconds, epoch milliseconds or a date string; HubSpot meetings: the booking's `postResponse.timerange.start`; Drift: the booked meeting's `time`). */
  widget_slot_start: string | undefined;
  /** End of the booked slot, ISO 8601 UTC (HubSpot meetings: the booking's `postResponse.timerange.end`). */
  widget_slot_end: string | undefined;
  /** Time zone the visitor picked the slot in (IANA name, e.g. `America/Chicago`; Drift: the booked meeting's `timeZone`). */
  widget_timezone: string | undefined;
  /** Meeting duration in minutes, as Chili Piper reports it with `timeslot-selected` (Cal.com and HubSpot meetings: from the booking's start and end times; Drift: the booked meeting's `duration`). */
  widget_duration_minutes: number | undefined;
}

/** The keys of {@link ChiliPiperParams}, in push order. */
export const chiliPiperKeys = [
  'widget_event_id',
  'widget_assignee_id',
  'widget_action_type',
  'widget_slot_start',
  'widget_slot_end',
  'widget_timezone',
  'widget_duration_minutes',
] as const satisfies readonly (keyof ChiliPiperParams)[];

/** Compile-time proof that the list names every key of the interface. */
export type ChiliPiperKeysComplete = AssertNever<Exclude<keyof ChiliPiperParams, (typeof chiliPiperKeys)[number]>>;

/** Chili Piper's options, under `chiliPiper` in the configuration. */
export interface ChiliPiperOptions {
  /**
   * Extra exact origins (e.g. `https://booking.example.com`) accepted for Chili
   * Piper messages besides `https://*.chilipiper.com` and `https://*.chilipiper.io`.
   */
  origins: string[];
  /**
   * Opt-in: the webhook relay that carries the booking's outcome (confirmed,
   * rescheduled, reassigned, canceled) to GA4 even after the visitor left.
   * `null` (the default) leaves it off. See docs/closing-the-loop.md.
   */
  relay: ChiliPiperRelayOptions | null;
}
