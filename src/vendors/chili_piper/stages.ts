/**
 * Chili Piper action → stage, with the reason for each choice. `REDIRECT`
 * is deliberately absent: it is a navigation command, not something the
 * visitor did.
 */
import type { StageTable } from '../../core/adapter';

export const chiliPiperStages = {
  routing: 'open',
  'availability-loaded': 'open',
  'no-free-slots': 'unavailable',
  'phone-selected': 'start',
  'meeting-selected': 'start',
  'video-selected': 'start',
  'timeslot-selected': 'start',
  booked: 'submit',
  'booking-confirmed': 'complete',
  phoneClose: 'complete',
  rescheduled: 'interaction',
  prospect_cancel: 'cancel',
  'no-action-choice': 'cancel',
  close: 'close',
  esc: 'close',
  CLOSE_IFRAME: 'close',
  'prospect-routed': 'interaction',
  'prospect-disqualified': 'unavailable',
  error: 'error',
} as const satisfies StageTable;

/** A Chili Piper action name. */
export type ChiliPiperAction = keyof typeof chiliPiperStages;
