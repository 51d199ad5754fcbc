/**
 * Each product's documented happy path: the events a visitor's successful
 * interaction produces, in the order the vendor publishes them. Rendered into
 * docs/events.md and walked by test/funnelOrder.test.ts, which proves the
 * pushed stages never go backwards in view < open < start < submit <
 * complete. Never bundled.
 */
import type { WidgetVendor } from '../core/schema';

export interface HappyPath {
  /** The vendor. */
  vendor: WidgetVendor;
  /** `widget_product` of the path. */
  product: string;
  /** A name for the path when a product has several. */
  name: string;
  /** The vendor's event names, in the vendor's order. */
  events: string[];
  /** Where the order comes from. */
  source: string;
}

export const HAPPY_PATHS: HappyPath[] = [
  {
    vendor: 'chili_piper',
    product: 'concierge',
    name: 'meeting booked',
    events: ['routing', 'availability-loaded', 'meeting-selected', 'timeslot-selected', 'booked', 'booking-confirmed', 'close'],
    source: 'Chili Piper "JavaScript messaging in browser"; the concierge loaders (npm @chilipiper/concierge, @chilipiper/conciergejs-fire)',
  },
  {
    vendor: 'chili_piper',
    product: 'concierge',
    name: 'live call',
    events: ['routing', 'phone-selected', 'phoneClose'],
    source: 'Chili Piper "JavaScript messaging in browser"',
  },
  {
    vendor: 'customerly',
    product: 'live_chat',
    name: 'chat to lead',
    events: ['onMessengerInitialized', 'onChatOpened', 'onNewConversation', 'onNewMessageReceived', 'onLeadGenerated', 'onRealtimeVideoReceived', 'onRealtimeVideoAnswered', 'onChatClosed'],
    source: 'Customerly live-chat callbacks; react-live-chat-customerly 1.0.13 types',
  },
  {
    vendor: 'userlike',
    product: 'messenger',
    name: 'chat with pre-chat survey and register',
    events: [
      'button_displayed', 'chat_requested', 'chat_connected', 'group_select_show', 'group_select_submit', 'pre_survey_show',
      'pre_survey_submit', 'disclaimer_ok', 'chat_started', 'contact_first_message', 'register_show', 'register_submit',
      'feedback_rating_show', 'rating_submit', 'chat_quit',
    ],
    source: 'Userlike Client Tracking API (event descriptions)',
  },
  {
    vendor: 'genesys',
    product: 'click_to_call',
    name: 'call completed',
    events: ['ClickToCall.ready', 'ClickToCall.opened', 'ClickToCall.started', 'ClickToCall.submitted', 'ClickToCall.completed', 'ClickToCall.closed'],
    source: 'Genesys Widgets ClickToCall lifecycle',
  },
  {
    vendor: 'genesys',
    product: 'callback',
    name: 'callback completed',
    events: ['Callback.ready', 'Callback.opened', 'Callback.started', 'Callback.submitted', 'Callback.completed', 'Callback.closed'],
    source: 'Genesys Widgets Callback lifecycle',
  },
  {
    vendor: 'genesys',
    product: 'web_chat',
    name: 'chat with an agent, Widgets 9',
    events: [
      'WebChat.ready', 'WebChat.opened', 'WebChat.submitted', 'WebChatService.started', 'WebChat.started',
      'WebChatService.agentConnected', 'WebChatService.ended', 'WebChat.completed', 'WebChat.closed',
    ],
    source: 'Genesys Widgets 9 WebChat and WebChatService, as the bundle publishes them',
  },
  {
    vendor: 'genesys',
    product: 'web_chat',
    name: 'chat with an agent, Widgets 8.5',
    events: ['WebChat.ready', 'WebChat.opened', 'WebChatService.started', 'WebChatService.agentConnected', 'WebChatService.ended', 'WebChat.closed'],
    source: 'Genesys Widgets 8.5 WebChat and WebChatService, as the bundle publishes them',
  },
  {
    vendor: 'genesys',
    product: 'send_message',
    name: 'message sent',
    events: ['SendMessage.ready', 'SendMessage.opened', 'SendMessage.started', 'SendMessage.submitted', 'SendMessage.completed', 'SendMessage.closed'],
    source: 'Genesys Widgets SendMessage lifecycle',
  },
];
