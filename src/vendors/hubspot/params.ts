import type { AssertNever } from '../../core/schema';

/**
 * HubSpot detail keys, all shared with other vendors (the schema stays
 * small): the form's id (forms), the booked slot and its length (meetings).
 * Never a form field value, the booking's contact or organizer, a chat
 * message or the visitor's contact data.
 */
export interface HubspotParams {
  /** The widget's id at its vendor: Userlike widget id (`global_ctx.widget_id`), Typeform form id (`formId`), Cal.com the embed's namespace (it names one embed of the page), HubSpot the form's id (`detail.formId` of a form event, `id` of a legacy `hsFormCallback` message). */
  widget_id: string | undefined;
  /** Start of the booked or selected slot, ISO 8601 UTC (normalized from epoch seconds, epoch milliseconds or a date string; HubSpot meetings: the booking's `postResponse.timerange.start`; Drift: the booked meeting's `time`). */
  widget_slot_start: string | undefined;
  /** End of the booked slot, ISO 8601 UTC (HubSpot meetings: the booking's `postResponse.timerange.end`). */
  widget_slot_end: string | undefined;
  /** Meeting duration in minutes, as Chili Piper reports it with `timeslot-selected` (Cal.com and HubSpot meetings: from the booking's start and end times; Drift: the booked meeting's `duration`). */
  widget_duration_minutes: number | undefined;
}

/** The keys of {@link HubspotParams}, in push order. */
export const hubspotKeys = [
  'widget_id',
  'widget_slot_start',
  'widget_slot_end',
  'widget_duration_minutes',
] as const satisfies readonly (keyof HubspotParams)[];

/** Compile-time proof that the list names every key of the interface. */
export type HubspotKeysComplete = AssertNever<Exclude<keyof HubspotParams, (typeof hubspotKeys)[number]>>;

/** HubSpot's options, under `hubspot` in the configuration. */
export interface HubspotOptions {
  /**
   * Extra exact origins (e.g. `https://meet.example.com`, a meetings link on
   * the site's own connected domain) accepted for meetings messages besides
   * HubSpot's own meetings origins.
   */
  origins: string[];
}
