/**
 * Customerly callback → stage, with the reason for each choice.
 */
import type { StageTable } from '../../core/adapter';

export const customerlyStages = {
  onMessengerInitialized: 'view',
  onChatOpened: 'open',
  onNewConversation: 'start',
  onLeadGenerated: 'submit',
  onChatClosed: 'close',
  onProfilingQuestionAsked: 'interaction',
  onProfilingQuestionAnswered: 'interaction',
  onHelpCenterArticleOpened: 'interaction',
  onRealtimeVideoReceived: 'interaction',
  onRealtimeVideoAnswered: 'complete',
  onRealtimeVideoRejected: 'cancel',
  onRealtimeVideoCanceled: 'cancel',
  onNewMessageReceived: 'interaction',
  onNewConversationReceived: 'interaction',
  onMessageRead: 'interaction',
  onSurveyPresented: 'interaction',
  onSurveyAnswered: 'submit',
  onSurveyRejected: 'cancel',
  onTriggerFired: 'interaction',
  onChatflowNotificationViewed: 'interaction',
  onChatflowNotificationClicked: 'interaction',
} as const satisfies StageTable;

/** A Customerly callback name. */
export type CustomerlyCallback = keyof typeof customerlyStages;
