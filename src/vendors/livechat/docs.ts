/**
 * What the docs, the GTM template and the playground say about this vendor, and why each event has its
 * stage. Imported by the generators only (src/vendors/manifest.ts), never by the bundles.
 */
import type { VendorDocs } from '../../core/adapter';
import type { livechatStages } from './stages';

const API_PAGE = 'https://platform.text.com/docs/extending-chat-widget/javascript-api';

/** What the docs, the GTM template and the playground say about LiveChat. */
export const livechatDocs = {
  reasons: {
    ready:
      "LiveChat's JavaScript API page: the widget has loaded and can be used: it is available to the visitor. Pushes `state.availability` as `widget_availability`; `customerData` (the customer's id, name, e-mail, session variables) is never read.",
    'availability_changed:online': 'The chat became available again (agents accepting chats): a state of the chat, not a visitor step.',
    'availability_changed:offline': 'No agent accepts chats now (`availability: offline`): the visitor can leave a ticket at most.',
    'visibility_changed:maximized': 'The chat window was maximized: the visitor opened the chat.',
    'visibility_changed:minimized': 'The chat window was minimized to its launcher: the visitor closed it; a running chat goes on.',
    'visibility_changed:hidden': 'The widget was hidden altogether (by the site or the widget): closed.',
    customer_status_changed:
      "The customer's status changed (`invited`, `queued`, `chatting`, `browsing`): a state of the customer, not a visitor step; the chat itself is counted by its first message.",
    'new_event:customer':
      "The customer's first chat event of the chat (`author.type: customer`): the conversation started. Later events of the customer in the same chat are not pushed (one per message would flood the dataLayer); only `type` (as `widget_item_type`) and `author.type` are read, never the text, the file or the author's id.",
    'new_event:agent':
      "The agent's first chat event of the chat (`author.type: agent`): the chat was answered, an interaction. Later agent events are not pushed, for they would flood the dataLayer and say nothing about the visitor; the author's id (an agent's login is an e-mail address) is never read.",
    'form_submitted:prechat':
      'The visitor sent the pre-chat form (`type: prechat`, also pushed as `widget_item_type`), the form that asks for contact details before the chat: a submit and the default lead, one per chat. The payload names only the form type; no field is read.',
    'form_submitted:ticket':
      'The visitor sent the ticket form (`type: ticket`), left when no agent is available, with contact details for the answer: a submit and the default lead, one per chat.',
    'form_submitted:postchat': 'The visitor sent the post-chat survey (`type: postchat`): after the conversation, not a funnel step.',
    rating_submitted: 'The visitor rated the chat: pushes the rating (`good`, `bad`, `none`) as `widget_rating`, never a comment.',
    greeting_displayed:
      'A greeting (targeted message) was shown to the visitor: proactive (`widget_proactive`), its `id` as `widget_trigger_id`.',
    greeting_hidden: 'A greeting was hidden again: proactive, its `id` as `widget_trigger_id`.',
    rich_message_button_clicked:
      "The visitor clicked a rich message's button: an interaction. The payload's event and postback ids are not read (a postback id can carry the button's text).",
  },
  title: 'LiveChat',
  groups: ['chat'],
  brand: '#ff5100',
  link: API_PAGE,
  mechanism:
    "`LiveChatWidget.on(name, fn)` of the Chat Widget JavaScript API, which adds a handler beside the site's own (`off` removes exactly the one it is given), so the site's handlers stay untouched. The bridge follows `window.LiveChatWidget` (the tracking code's queue, or `@livechat/widget-core`'s) and subscribes when the widget takes it over (its handler `_h` set: the first load, and a load after `destroy`), `off` before `on`, so it is subscribed once whether or not the widget kept earlier subscriptions; it never queues. The action is the event name followed by the payload's documented value that decides the stage (`visibility_changed:maximized`); other values are not pushed. The interaction id is the current chat's `chatId` (`LiveChatWidget.get('chat_data')`); one lead per chat. Of `new_event` only each side's first event per chat is pushed.",
  ignored: {
    'new_event (later events of the chat)':
      "Every further message, file or rich message of the customer or the agent in the same chat: one push per message would flood the dataLayer, and the first of each side already marks the chat's start and its answer.",
  },
  happyPaths: [
    {
      product: 'chat_widget',
      name: 'chat with pre-chat form',
      events: [
        'ready',
        'visibility_changed:maximized',
        'form_submitted:prechat',
        'customer_status_changed',
        'new_event:customer',
        'new_event:agent',
        'rating_submitted',
        'visibility_changed:minimized',
      ],
    },
    {
      product: 'chat_widget',
      name: 'chat without a form',
      events: [
        'ready',
        'greeting_displayed',
        'visibility_changed:maximized',
        'new_event:customer',
        'new_event:agent',
        'visibility_changed:minimized',
      ],
    },
  ],
  template: { param: 'livechat', label: 'LiveChat (chat widget)' },
} satisfies VendorDocs<typeof livechatStages>;
