/**
 * Cal.com embed action → stage. The actions are those of Cal.com's embed
 * events page (https://cal.com/docs/developing/guides/embeds/embed-events)
 * and of `EventDataMap` in @calcom/embed-core's sdk-action-manager.ts. The
 * dry-run actions, the deprecated V1 booking actions, `linkPrerendered` and
 * the internal `__…` actions are deliberately absent (docs.ts `ignored`).
 */
import type { StageTable } from '../../core/adapter';

export const calComStages = {
  linkReady: 'view',
  bookerViewed: 'view',
  bookerReopened: 'interaction',
  bookerReloaded: 'interaction',
  availabilityLoaded: 'interaction',
  availabilityRefreshed: 'interaction',
  navigatedToBooker: 'interaction',
  routed: 'interaction',
  eventTypeSelected: 'start',
  bookingSuccessfulV2: 'complete',
  rescheduleBookingSuccessfulV2: 'complete',
  bookingCancelled: 'cancel',
  linkFailed: 'error',
  bookingFailed: 'error',
} as const satisfies StageTable;

/** A Cal.com embed action name. */
export type CalComAction = keyof typeof calComStages;
