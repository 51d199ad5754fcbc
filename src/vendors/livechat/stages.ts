/**
 * LiveChat chat widget event → stage. The events are those of the Chat Widget JavaScript API
 * (https://platform.text.com/docs/extending-chat-widget/javascript-api) and of the `EventHandlers` type of
 * npm `@livechat/widget-core`. Where the event's payload decides the stage, the action is the event name
 * followed by that documented value (`visibility_changed:maximized`); a value the table does not list is
 * not pushed.
 */
import type { StageTable } from '../../core/adapter';

export const livechatStages = {
  ready: 'view',
  'availability_changed:online': 'interaction',
  'availability_changed:offline': 'unavailable',
  'visibility_changed:maximized': 'open',
  'visibility_changed:minimized': 'close',
  'visibility_changed:hidden': 'close',
  customer_status_changed: 'interaction',
  'new_event:customer': 'start',
  'new_event:agent': 'interaction',
  'form_submitted:prechat': 'submit',
  'form_submitted:ticket': 'submit',
  'form_submitted:postchat': 'interaction',
  rating_submitted: 'interaction',
  greeting_displayed: 'interaction',
  greeting_hidden: 'interaction',
  rich_message_button_clicked: 'interaction',
} as const satisfies StageTable;

/** A LiveChat action: an event name, with the payload value that decides its stage where one does. */
export type LivechatAction = keyof typeof livechatStages;
