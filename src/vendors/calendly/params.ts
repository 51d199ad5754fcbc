import type { AssertNever } from '../../core/schema';

/**
 * Calendly detail keys: only the scheduled meeting's id, a key Chili Piper
 * already pushes with the same meaning. Never the invitee's URI, which
 * identifies a person.
 */
export interface CalendlyParams {
  /** Meeting id: Chili Piper's `eventId`, present once the booking is confirmed; Calendly's scheduled event UUID (the end of `payload.event.uri`) on `event_scheduled`. */
  widget_event_id: string | undefined;
}

/** The keys of {@link CalendlyParams}, in push order. */
export const calendlyKeys = ['widget_event_id'] as const satisfies readonly (keyof CalendlyParams)[];

/** Compile-time proof that the list names every key of the interface. */
export type CalendlyKeysComplete = AssertNever<Exclude<keyof CalendlyParams, (typeof calendlyKeys)[number]>>;

/** Calendly's options, under `calendly` in the configuration. */
export interface CalendlyOptions {
  /**
   * Extra exact origins (e.g. `https://scheduling.example.com`) accepted for
   * Calendly messages besides `https://calendly.com`.
   */
  origins: string[];
}
