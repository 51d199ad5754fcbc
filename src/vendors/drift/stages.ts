/**
 * Drift widget event → stage. The events are those of Drift's "Receiving
 * Information from Drift" page (https://devdocs.drift.com/docs/drift-events)
 * that say something about the visitor's chat funnel; the team's messages,
 * the legacy sidebar names, greetings and on-page campaigns are deliberately
 * absent (docs.ts `ignored`).
 */
import type { StageTable } from '../../core/adapter';

export const driftStages = {
  ready: 'view',
  chatOpen: 'open',
  chatClose: 'close',
  'awayMessage:open': 'unavailable',
  startConversation: 'start',
  'message:sent': 'interaction',
  'conversation:buttonClicked': 'interaction',
  'conversation:playbookFired': 'interaction',
  'conversation:playbookClicked': 'interaction',
  'conversation:playbookDismissed': 'cancel',
  emailCapture: 'submit',
  phoneCapture: 'submit',
  'scheduling:requestMeeting': 'interaction',
  'scheduling:meetingBooked': 'complete',
} as const satisfies StageTable;

/** A Drift widget event name. */
export type DriftEvent = keyof typeof driftStages;
