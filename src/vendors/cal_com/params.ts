import type { AssertNever } from '../../core/schema';

/**
 * Cal.com detail keys, all shared with other vendors (the schema stays small). Read from the message's
 * namespace, the booking actions' `startTime` / `endTime`; never the title (it carries
 * attendee names), the video link, the organizer or the booking object.
 */
export interface CalComParams {
  /** The widget's id at its vendor: Userlike widget id (`global_ctx.widget_id`), Typeform form id (`formId`), Cal.com the embed's namespace (it names one embed of the page), HubSpot the form's id (`detail.formId` of a form event, `id` of a legacy `hsFormCallback` message). */
  widget_id: string | undefined;
  /** Start of the booked or selected slot, ISO 8601 UTC (normalized from epoch seconds, epoch milliseconds or a date string; HubSpot meetings: the booking's `postResponse.timerange.start`; Drift: the booked meeting's `time`). */
  widget_slot_start: string | undefined;
  /** End of the booked slot, ISO 8601 UTC (HubSpot meetings: the booking's `postResponse.timerange.end`). */
  widget_slot_end: string | undefined;
  /** Meeting duration in minutes, as Chili Piper reports it with `timeslot-selected` (Cal.com and HubSpot meetings: from the booking's start and end times; Drift: the booked meeting's `duration`). */
  widget_duration_minutes: number | undefined;
}

/** The keys of {@link CalComParams}, in push order. */
export const calComKeys = [
  'widget_id',
  'widget_slot_start',
  'widget_slot_end',
  'widget_duration_minutes',
] as const satisfies readonly (keyof CalComParams)[];

/** Compile-time proof that the list names every key of the interface. */
export type CalComKeysComplete = AssertNever<Exclude<keyof CalComParams, (typeof calComKeys)[number]>>;

/** Cal.com's options, under `calCom` in the configuration. */
export interface CalComOptions {
  /**
   * Extra exact origins (e.g. `https://cal.example.com`, a self-hosted Cal.com) accepted for Cal.com
   * embed messages besides `https://app.cal.com` and `https://cal.com`.
   */
  origins: string[];
}
