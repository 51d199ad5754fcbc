/**
 * What the docs, the GTM template and the playground say about this vendor, and why each event has its
 * stage. Imported by the generators only (src/vendors/manifest.ts), never by the bundles.
 */
import type { VendorDocs } from '../../core/adapter';
import type { customerlyStages } from './stages';

/** What the docs, the GTM template and the playground say about Customerly. */
export const customerlyDocs = {
  reasons: {
    onMessengerInitialized: 'The messenger booted and its launcher is available to the visitor.',
    onChatOpened: 'The visitor opened the chat window.',
    onNewConversation:
      'The visitor sent the first message of a new conversation; pushes `widget_attachment_count`, never the text or the files.',
    onLeadGenerated:
      "The visitor left an e-mail address in the chat: a contact submitted, and the default lead. Pushes `widget_email_provided` (true only for an argument shaped like an e-mail address); with `hashEmail` the lead carries a SHA-256 of the address. It belongs to the visitor's current conversation (the one a callback last named), so a lead in another conversation is a lead of its own.",
    onChatClosed: 'The visitor closed the chat window.',
    onProfilingQuestionAsked: 'A profiling question was shown; pushes the attribute name.',
    onProfilingQuestionAnswered: 'The visitor answered a profiling question; pushes the attribute name, never the answer.',
    onHelpCenterArticleOpened:
      'A help-center article was opened inside the messenger; pushes its id, slug and title (not a title that holds an e-mail address or a phone number), never body or author.',
    onRealtimeVideoReceived: 'A realtime video call was offered to the visitor; its `conversation_id` is the interaction id.',
    onRealtimeVideoAnswered: 'The visitor answered a realtime video call: a live conversation with the team happened.',
    onRealtimeVideoRejected: 'The visitor rejected a realtime video call.',
    onRealtimeVideoCanceled: 'The realtime video call was cancelled before it was answered.',
    onNewMessageReceived: 'A message from the team arrived; its `conversationId` is the interaction id, never its text.',
    onNewConversationReceived:
      'The team or an automation started a conversation with the visitor; `widget_proactive` is true and the conversation id is the interaction id.',
    onMessageRead: 'The visitor read a message; the conversation id is the interaction id.',
    onSurveyPresented: 'A survey was shown in the messenger; its `survey_id` is the interaction id.',
    onSurveyAnswered: 'The visitor sent a survey answer: a form sent, never its content.',
    onSurveyRejected: 'The visitor dismissed the survey.',
    onTriggerFired: 'A Customerly trigger (automation) fired; pushes the trigger id.',
    onChatflowNotificationViewed:
      'An automated chatflow notification was shown to the visitor: proactive, the notification id is the interaction id; an e-mail that comes along is only said to be there.',
    onChatflowNotificationClicked:
      'The visitor clicked an item of a chatflow notification; pushes the kind of item (`button`, `article`, `close_button`…), never its caption, link or the e-mail.',
  },
  title: 'Customerly',
  groups: ['chat'],
  brand: '#0ea5e9',
  link: 'https://docs.customerly.io/api/receiving-information-from-customerly-live-chat',
  mechanism:
    "Callbacks registered in `customerly.load({callbacks})` and as `customerly.onX` properties (Customerly's own SDKs register them there, e.g. `registerCallback` of npm react-live-chat-customerly); the bridge keeps the site's own callbacks, set either way and before or after the bridge (also a callback added to the `load()` callbacks object afterwards), called with the same arguments, `this` and return value. Callbacks the site did not set are answered from a prototype layer, so the objects the messenger is handed gain no properties. The interaction id is the conversation id the callback carries (`onNewMessageReceived`, `onNewConversationReceived`, `onMessageRead`, `onRealtimeVideo*`), the survey id (`onSurvey*`) or the chatflow notification id; callbacks without one inside a conversation (`onLeadGenerated`, profiling questions, …) take the visitor's current conversation, so a lead in a second conversation is a lead of its own.",
  ignored: {},
  happyPaths: [
    {
      product: 'live_chat',
      name: 'chat to lead',
      events: [
        'onMessengerInitialized',
        'onChatOpened',
        'onNewConversation',
        'onNewMessageReceived',
        'onLeadGenerated',
        'onRealtimeVideoReceived',
        'onRealtimeVideoAnswered',
        'onChatClosed',
      ],
    },
  ],
  template: { param: 'customerly', label: 'Customerly (live chat)' },
} satisfies VendorDocs<typeof customerlyStages>;
