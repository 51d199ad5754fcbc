/**
 * Why each Customerly callback maps to its stage; rendered into
 * docs/events.md, never bundled. Typed against the stage table.
 */
import type { CustomerlyCallback } from './customerly';

export const customerlyReasons: Record<CustomerlyCallback, string> = {
  onMessengerInitialized: 'The messenger booted and its launcher is available to the visitor.',
  onChatOpened: 'The visitor opened the chat window.',
  onNewConversation: 'The visitor sent the first message of a new conversation; pushes `widget_attachment_count`, never the text or the files.',
  onLeadGenerated: 'The visitor left an e-mail address in the chat: a contact submitted, and the default lead. Pushes `widget_email_provided`; with `hashEmail` the lead carries a SHA-256 of the address. It belongs to the visitor\'s current conversation (the one a callback last named), so a lead in another conversation is a lead of its own.',
  onChatClosed: 'The visitor closed the chat window.',
  onProfilingQuestionAsked: 'A profiling question was shown; pushes the attribute name.',
  onProfilingQuestionAnswered: 'The visitor answered a profiling question; pushes the attribute name, never the answer.',
  onHelpCenterArticleOpened: 'A help-center article was opened inside the messenger; pushes its id, slug and title (not a title that holds an e-mail address or a phone number), never body or author.',
  onRealtimeVideoReceived: 'A realtime video call was offered to the visitor; its `conversation_id` is the interaction id.',
  onRealtimeVideoAnswered: 'The visitor answered a realtime video call: a live conversation with the team happened.',
  onRealtimeVideoRejected: 'The visitor rejected a realtime video call.',
  onRealtimeVideoCanceled: 'The realtime video call was cancelled before it was answered.',
  onNewMessageReceived: 'A message from the team arrived; its `conversationId` is the interaction id, never its text.',
  onNewConversationReceived: 'The team or an automation started a conversation with the visitor; `widget_proactive` is true and the conversation id is the interaction id.',
  onMessageRead: 'The visitor read a message; the conversation id is the interaction id.',
  onSurveyPresented: 'A survey was shown in the messenger; its `survey_id` is the interaction id.',
  onSurveyAnswered: 'The visitor sent a survey answer: a form sent, never its content.',
  onSurveyRejected: 'The visitor dismissed the survey.',
  onTriggerFired: 'A Customerly trigger (automation) fired; pushes the trigger id.',
  onChatflowNotificationViewed: 'An automated chatflow notification was shown to the visitor: proactive, the notification id is the interaction id; an e-mail that comes along is only said to be there.',
  onChatflowNotificationClicked: 'The visitor clicked an item of a chatflow notification; pushes the kind of item (`button`, `article`, `close_button`…), never its caption, link or the e-mail.',
};
