import type { AssertNever } from '../../core/schema';

/**
 * HubSpot detail keys, all shared with other vendors (the schema stays
 * small): the form's id (forms), the booked slot and its length (meetings).
 * Never a form field value, the booking's contact or organizer, a chat
 * message or the visitor's contact data.
 */
export interface HubspotParams {
  /** HubSpot forms: the form's id (`detail.formId` of a form event, `id` of a legacy `hsFormCallback` message). */
  widget_id: string | undefined;
  /** Start of the booked slot, ISO 8601 UTC (HubSpot meetings: `bookingResponse.postResponse.timerange.start`). */
  widget_slot_start: string | undefined;
  /** End of the booked slot, ISO 8601 UTC (HubSpot meetings: `…timerange.end`). */
  widget_slot_end: string | undefined;
  /** Meeting duration in minutes (HubSpot meetings: from the booked slot's start and end). */
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
