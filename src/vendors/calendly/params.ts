import type { AssertNever } from '../../core/schema';

/**
 * Calendly detail keys: only the scheduled meeting's id, a key Chili Piper
 * already pushes with the same meaning. Never the invitee's URI, which
 * identifies a person.
 */
export interface CalendlyParams {
  /**
   * Calendly meeting id: the UUID at the end of `payload.event.uri`
   * (`…/scheduled_events/<uuid>`) on `event_scheduled`.
   */
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
