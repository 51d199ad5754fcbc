/**
 * HubSpot event → stage, one table per product (the vendor's three products
 * share the vendor's stage table, so their event names never collide). Why
 * each event has its stage: docs.ts. Left out on purpose: the forms'
 * `on-interaction:navigate:next` / `:previous` twins, the legacy forms'
 * `onBeforeFormInit` and `onFormSubmit`, the chat's
 * `unreadConversationCountChanged` (docs.ts `ignored` says why).
 */
import type { StageTable } from '../../core/adapter';

/** Meetings: the scheduling iframe's booking message, named by the flag it sets. */
export const meetingsStages = {
  meetingBookSucceeded: 'complete',
  meetingCreated: 'complete',
} as const satisfies StageTable;

/** Forms of the updated forms editor: the window events, without their `hs-form-event:` prefix. */
export const formsStages = {
  'on-ready': 'view',
  'on-interaction:navigate': 'start',
  'on-submission:success': 'submit',
  'on-submission:failed': 'error',
} as const satisfies StageTable;

/** Legacy forms: the `eventName` of the `hsFormCallback` messages the page posts to itself. */
export const legacyFormsStages = {
  onFormReady: 'view',
  onBeforeFormSubmit: 'start',
  onFormSubmitted: 'submit',
} as const satisfies StageTable;

/** Chat: the conversations SDK's events, as `HubSpotConversations.on` names them. */
export const chatStages = {
  widgetLoaded: 'view',
  userInteractedWithWidget: 'open',
  conversationStarted: 'start',
  contactAssociated: 'submit',
  conversationClosed: 'complete',
  widgetClosed: 'close',
  quickReplyButtonClick: 'interaction',
  userSelectedThread: 'interaction',
} as const satisfies StageTable;

export const hubspotStages = Object.assign({}, meetingsStages, formsStages, legacyFormsStages, chatStages);

/** A HubSpot event name of any of the three products. */
export type HubspotAction = keyof typeof hubspotStages;
