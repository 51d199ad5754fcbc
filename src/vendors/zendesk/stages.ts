/**
 * Zendesk messaging Web Widget event → stage. The events are those of the
 * Messaging Web Widget events API (https://developer.zendesk.com/api-reference/widget-messaging/web/events/)
 * that say something about the visitor's funnel; the unread counter, shown
 * messages and conversation extensions are deliberately absent (docs.ts
 * `ignored`).
 */
import type { StageTable } from '../../core/adapter';

export const zendeskStages = {
  open: 'open',
  close: 'close',
  proactiveMessageDisplayed: 'interaction',
  proactiveMessageClicked: 'interaction',
  newConversationButtonClicked: 'interaction',
  conversationStarted: 'start',
  conversationOpened: 'interaction',
  postbackButtonClicked: 'interaction',
  conversationWithAgentRequested: 'submit',
  conversationAgentAssigned: 'interaction',
} as const satisfies StageTable;

/** A Zendesk messaging Web Widget event name. */
export type ZendeskEvent = keyof typeof zendeskStages;
