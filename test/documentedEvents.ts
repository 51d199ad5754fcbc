/**
 * Every vendor event the vendors document, written out by hand from their
 * documentation and their published client code: the mapping tables are
 * tested against these lists, never against themselves. Shared by the unit
 * and end-to-end tests.
 */

/**
 * Chili Piper actions: the "JavaScript messaging in browser" article, plus what the loaders handle
 * (npm @chilipiper/concierge marketing.js: esc, CLOSE_IFRAME; @chilipiper/conciergejs-fire: routing, error,
 * prospect-routed, prospect-disqualified).
 */
export const CHILI_PIPER_ACTIONS = [
  'booked',
  'booking-confirmed',
  'availability-loaded',
  'rescheduled',
  'prospect_cancel',
  'no-free-slots',
  'close',
  'phone-selected',
  'meeting-selected',
  'video-selected',
  'phoneClose',
  'timeslot-selected',
  'no-action-choice',
  'error',
  'prospect-routed',
  'prospect-disqualified',
  'routing',
  'esc',
  'CLOSE_IFRAME',
];

/** Customerly callbacks: the live-chat API article plus the SDKs' (react-live-chat-customerly 1.0.13 types, the newer messenger). */
export const CUSTOMERLY_CALLBACKS = [
  'onChatOpened',
  'onChatClosed',
  'onLeadGenerated',
  'onNewConversation',
  'onProfilingQuestionAsked',
  'onProfilingQuestionAnswered',
  'onHelpCenterArticleOpened',
  'onRealtimeVideoAnswered',
  'onRealtimeVideoRejected',
  'onMessengerInitialized',
  'onNewMessageReceived',
  'onNewConversationReceived',
  'onMessageRead',
  'onSurveyPresented',
  'onSurveyAnswered',
  'onSurveyRejected',
  'onRealtimeVideoReceived',
  'onRealtimeVideoCanceled',
  'onTriggerFired',
  'onChatflowNotificationViewed',
  'onChatflowNotificationClicked',
];

/** Userlike events of the Client Tracking API article. */
export const USERLIKE_SEED_EVENTS = [
  'button_displayed',
  'chat_connected',
  'chat_connected_proactive',
  'chat_requested',
  'chat_started',
  'chat_started_proactive',
  'chat_window_maximized',
  'chat_window_minimized',
  'contact_first_message',
  'conversation_resume',
  'disclaimer_ok',
  'error_message',
  'feedback_rating_cancel',
  'feedback_rating_show',
  'feedback_submit',
  'group_select_show',
  'group_select_submit',
  'message_client_terminating',
  'message_operator_terminating',
  'post_survey_show',
  'post_survey_submit',
  'pre_survey_show',
  'pre_survey_submit',
  'proactive_offer',
  'proactive_timer',
  'rating_submit',
  'register_cancel',
  'register_show',
  'register_submit',
  'slot_available',
  'slot_check',
  'slot_unavailable',
  'transcript_cancel',
  'transcript_show',
  'transcript_submit',
];

/** Userlike names of older widget versions and one doc version's spelling. */
export const USERLIKE_OLDER_EVENTS = ['chat_quit', 'chat_window_minimzed'];

/**
 * Genesys Widgets bus events: each widget's lifecycle from its events page
 * (https://docs.genesys.com/Documentation/GWC/latest/WidgetsAPI/WebChatEvents and the ClickToCall,
 * Callback and SendMessage pages) and the WebChatService events the bridge follows.
 */
const GENESYS_LIFECYCLE = ['ready', 'opened', 'started', 'submitted', 'completed', 'cancelled', 'closed'];
export const GENESYS_EVENTS = [
  ...['ClickToCall', 'Callback', 'WebChat', 'SendMessage'].flatMap((widget) => GENESYS_LIFECYCLE.map((step) => widget + '.' + step)),
  'ClickToCall.expired',
  'WebChat.rejected',
  'WebChat.minimized',
  'WebChat.unminimized',
  ...['started', 'restored', 'agentConnected', 'agentDisconnected', 'ended', 'error'].map((event) => 'WebChatService.' + event),
];

/**
 * Calendly's parent-window events, without their `calendly.` prefix: the "Embed Parent Window Events"
 * page (https://developer.calendly.com/api-docs/overview/embedding/notifying-the-parent-window) and
 * react-calendly 4.4.0's CalendlyEvent enum, which lists the same five.
 */
export const CALENDLY_EVENTS = ['profile_page_viewed', 'event_type_viewed', 'date_and_time_selected', 'event_scheduled'];

/** Calendly events documented but deliberately not pushed (layout). */
export const CALENDLY_IGNORED_EVENTS = ['page_height'];

/**
 * Typeform: the form iframe's message types that npm @typeform/embed 6.1.1 turns into callbacks
 * (build/index.js, getForm…Handler: onReady, onStarted, onQuestionChanged, onSubmit,
 * onEndingButtonClick, onDuplicateDetected) and `form-close`, on which it closes a popup, slider,
 * popover or side tab (and calls onClose). Layout and redirect messages are not listed: not pushed.
 */
export const TYPEFORM_EVENTS = [
  'form-ready',
  'form-started',
  'form-screen-changed',
  'form-submit',
  'thank-you-screen-button-click',
  'duplicate-detected',
  'form-close',
];

/**
 * Cal.com embed actions the bridge pushes: Cal.com's embed events page
 * (cal.com/docs/developing/guides/embeds/embed-events, cal.com/help/embedding/embed-events) and
 * `EventDataMap` in @calcom/embed-core's sdk-action-manager.ts, plus `bookingFailed`, expected for a booking that could not be made.
 */
export const CAL_COM_EVENTS = [
  'eventTypeSelected',
  'bookingSuccessfulV2',
  'rescheduleBookingSuccessfulV2',
  'bookingCancelled',
  'linkReady',
  'linkFailed',
  'bookingFailed',
  'availabilityLoaded',
  'bookerViewed',
  'bookerReopened',
  'bookerReloaded',
  'availabilityRefreshed',
  'routed',
  'navigatedToBooker',
];

/** Cal.com embed actions of the same sources that are never pushed: test mode, deprecated V1 twins, prerendering, internal. */
export const CAL_COM_IGNORED = [
  'dryRunBookingSuccessfulV2',
  'dryRunRescheduleBookingSuccessfulV2',
  'bookingSuccessful',
  'rescheduleBookingSuccessful',
  'linkPrerendered',
  '__iframeReady',
  '__windowLoadComplete',
  '__dimensionChanged',
  '__routeChanged',
  '__closeIframe',
  '__scrollByDistance',
  '__connectInitiated',
  '__connectCompleted',
];

/**
 * HubSpot events the bridge pushes, per product. Meetings: the booking flags of the scheduling iframe's message
 * (no HubSpot page documents it; read in public code). Forms: the global form events
 * (developers.hubspot.com/docs/api-reference/latest/marketing/forms/global-form-events) without their
 * `hs-form-event:` prefix, and the legacy forms' `hsFormCallback` event names. Chat: the conversations SDK's
 * events (developers.hubspot.com/docs/api-reference/latest/conversations/chat-configuration/chat-widget-sdk).
 */
export const HUBSPOT_MEETINGS_EVENTS = ['meetingBookSucceeded', 'meetingCreated'];
export const HUBSPOT_FORMS_EVENTS = ['on-ready', 'on-interaction:navigate', 'on-submission:success', 'on-submission:failed'];
export const HUBSPOT_LEGACY_FORMS_EVENTS = ['onFormReady', 'onBeforeFormSubmit', 'onFormSubmitted'];
export const HUBSPOT_CHAT_EVENTS = [
  'widgetLoaded',
  'userInteractedWithWidget',
  'conversationStarted',
  'contactAssociated',
  'conversationClosed',
  'widgetClosed',
  'quickReplyButtonClick',
  'userSelectedThread',
];

/** HubSpot events of the same sources that are never pushed: duplicate twins, not yet visible, a badge count. */
export const HUBSPOT_IGNORED = {
  forms: ['on-interaction:navigate:next', 'on-interaction:navigate:previous'],
  legacyForms: ['onBeforeFormInit', 'onFormSubmit'],
  chat: ['unreadConversationCountChanged'],
};

/**
 * LiveChat actions: the Chat Widget JavaScript API's events (platform.text.com) with the payload values
 * npm @livechat/widget-core 1.4.1 types (`WidgetState`, `ChatEvent.author.type`, the form types) that decide
 * their stage.
 */
export const LIVECHAT_EVENTS = [
  'ready',
  'availability_changed:online',
  'availability_changed:offline',
  'visibility_changed:maximized',
  'visibility_changed:minimized',
  'visibility_changed:hidden',
  'customer_status_changed',
  'new_event:customer',
  'new_event:agent',
  'form_submitted:prechat',
  'form_submitted:ticket',
  'form_submitted:postchat',
  'rating_submitted',
  'greeting_displayed',
  'greeting_hidden',
  'rich_message_button_clicked',
];

/**
 * Tidio actions: the widget listeners of Tidio's docs (developers.tidio.com, docs.tidio.com), `setStatus`
 * with each status it reports (`online`, `offline`).
 */
export const TIDIO_EVENTS = [
  'ready',
  'open',
  'close',
  'conversationStart',
  'preFormFilled',
  'messageFromVisitor',
  'messageFromOperator',
  'setStatus:online',
  'setStatus:offline',
];

/**
 * tawk.to callbacks of the JavaScript API (https://developer.tawk.to/jsapi/) the bridge pushes, with
 * `onStatusChange` once per status it documents (online, away, offline).
 */
export const TAWK_TO_EVENTS = [
  'onLoad',
  'onStatusChange:online',
  'onStatusChange:away',
  'onStatusChange:offline',
  'onChatMaximized',
  'onChatMinimized',
  'onChatHidden',
  'onChatStarted',
  'onChatEnded',
  'onPrechatSubmit',
  'onOfflineSubmit',
  'onChatMessageVisitor',
  'onChatMessageAgent',
  'onAgentJoinChat',
  'onAgentLeaveChat',
  'onChatSatisfaction',
  'onFileUpload',
];

/** tawk.to callbacks of the same page the bridge deliberately leaves alone. */
export const TAWK_TO_IGNORED = ['onBeforeLoad', 'onChatMessageSystem', 'onVisitorNameChanged', 'onTagsUpdated', 'onUnreadCountChanged'];

/**
 * Crisp chatbox events of the $crisp page (https://docs.crisp.chat/guides/chatbox-sdks/web-sdk/dollar-crisp/)
 * and npm crisp-sdk-web 1.2.1 the bridge pushes, with `website:availability:changed` once per value
 * (true online, false away).
 */
export const CRISP_EVENTS = [
  'session:loaded',
  'website:availability:changed:online',
  'website:availability:changed:away',
  'chat:opened',
  'chat:initiated',
  'chat:closed',
  'message:sent',
  'message:received',
  'helpdesk:queried',
  'user:nickname:changed',
  'user:phone:changed',
  'user:email:changed',
];

/** Crisp events of the same sources the bridge deliberately leaves alone. */
export const CRISP_IGNORED = ['message:compose:sent', 'message:compose:received', 'user:avatar:changed'];

/**
 * Intercom Messenger callbacks the bridge pushes: Intercom's JavaScript API methods page
 * (developers.intercom.com/installing-intercom/web/methods) and npm @intercom/messenger-js-sdk's exports.
 */
export const INTERCOM_CALLBACKS = ['ready', 'onShow', 'onHide', 'onUserEmailSupplied'];

/** Intercom callbacks of the same sources that are never pushed: the unread counter. */
export const INTERCOM_IGNORED = ['onUnreadCountChange'];

/** Drift widget events the bridge pushes: Drift's "Receiving Information from Drift" page (devdocs.drift.com/docs/drift-events). */
export const DRIFT_EVENTS = [
  'ready',
  'chatOpen',
  'chatClose',
  'awayMessage:open',
  'startConversation',
  'message:sent',
  'conversation:buttonClicked',
  'conversation:playbookFired',
  'conversation:playbookClicked',
  'conversation:playbookDismissed',
  'emailCapture',
  'phoneCapture',
  'scheduling:requestMeeting',
  'scheduling:meetingBooked',
];

/** Drift events of the same page that are never pushed: the team's messages, legacy names, greetings, campaigns, consent. */
export const DRIFT_IGNORED = [
  'message',
  'sidebarOpen',
  'sidebarClose',
  'welcomeMessage:open',
  'welcomeMessage:close',
  'awayMessage:close',
  'sliderMessage:close',
  'campaign:open',
  'campaign:click',
  'campaign:submit',
  'campaign:dismiss',
  'conversation:selected',
  'conversation:firstInteraction',
  'gdprClicked',
];

/**
 * Zendesk messaging Web Widget events the bridge pushes: the messaging Web Widget events API
 * (developer.zendesk.com/api-reference/widget-messaging/web/events/) and the tracking guide's event list.
 */
export const ZENDESK_EVENTS = [
  'open',
  'close',
  'proactiveMessageDisplayed',
  'proactiveMessageClicked',
  'newConversationButtonClicked',
  'conversationStarted',
  'conversationOpened',
  'postbackButtonClicked',
  'conversationWithAgentRequested',
  'conversationAgentAssigned',
];

/** Zendesk messaging events of the same sources that are never pushed: counters, rendered messages, webviews. */
export const ZENDESK_IGNORED = ['unreadMessages', 'messagesShown', 'conversationExtensionOpened', 'conversationExtensionDisplayed'];
