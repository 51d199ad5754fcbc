import type { AssertNever } from '../../core/schema';

/**
 * Drift detail keys, all but one shared with other vendors. Read from the events' payloads: availability,
 * the team member's id, the booked meeting's time, length and time zone, the playbook id; never
 * the e-mail address, the phone number, names, message or button text.
 */
export interface DriftParams {
  /** The chat's availability as the vendor reports it, lower-case, from a fixed list per vendor: LiveChat `online`, `offline` (`ready`'s `state.availability`, `availability_changed`); Tidio `online`, `offline` (`setStatus`); tawk.to `online`, `away`, `offline` (`onStatusChange`); Crisp `online` for true, `away` for false (`website:availability:changed`); Drift `online`, `offline` (`ready`'s `isOnline`). */
  widget_availability: string | undefined;
  /** Whether the visitor left an e-mail address (never the address): Customerly `onLeadGenerated` and chatflow notifications, Tidio `preFormFilled`, tawk.to pre-chat and offline forms, Crisp `user:email:changed`, Intercom `onUserEmailSupplied`, Drift `emailCapture`. */
  widget_email_provided: boolean | undefined;
  /** CRM id of the rep the meeting was assigned to (Chili Piper `assigneeId`; Drift: the team member's `id`), not visitor data. */
  widget_assignee_id: string | undefined;
  /** Start of the booked or selected slot, ISO 8601 UTC (normalized from epoch seconds, epoch milliseconds or a date string; HubSpot meetings: the booking's `postResponse.timerange.start`; Drift: the booked meeting's `time`). */
  widget_slot_start: string | undefined;
  /** Meeting duration in minutes, as Chili Piper reports it with `timeslot-selected` (Cal.com and HubSpot meetings: from the booking's start and end times; Drift: the booked meeting's `duration`). */
  widget_duration_minutes: number | undefined;
  /** Time zone the visitor picked the slot in (IANA name, e.g. `America/Chicago`; Drift: the booked meeting's `timeZone`). */
  widget_timezone: string | undefined;
  /** The id of the automation that reached out: a Customerly trigger (`onTriggerFired`), a LiveChat greeting (`greeting_displayed` / `greeting_hidden`), a Drift playbook (`playbookId`) or a Zendesk proactive message's campaign (`campaignId`). */
  widget_trigger_id: string | undefined;
}

/** The keys of {@link DriftParams}, in push order. */
export const driftKeys = [
  'widget_availability',
  'widget_email_provided',
  'widget_assignee_id',
  'widget_slot_start',
  'widget_duration_minutes',
  'widget_timezone',
  'widget_trigger_id',
] as const satisfies readonly (keyof DriftParams)[];

/** Compile-time proof that the list names every key of the interface. */
export type DriftKeysComplete = AssertNever<Exclude<keyof DriftParams, (typeof driftKeys)[number]>>;
