/**
 * LiveChat chat widget: `LiveChatWidget.on(name, fn)` / `.off(name, fn)` of the Chat Widget JavaScript API
 * (https://platform.text.com/docs/extending-chat-widget/javascript-api). The tracking code makes
 * `window.LiveChatWidget` a queue (`_q`) whose calls go to its handler `_h` once tracking.js has loaded
 * and set it; npm `@livechat/widget-core` (`createJSApi`) builds the same object and keeps an existing
 * one. `on` adds a handler next to the site's own ones and `off` removes exactly the one it is given, so
 * the bridge never touches the site's handlers.
 *
 * The bridge subscribes each time a widget takes the object over (`_h` set: the first load, a load after
 * `destroy`), first `off` then `on` with the same functions, so it is subscribed once whether or not the
 * widget kept the earlier subscriptions; it never queues (a queued call replayed after its own direct
 * one would subscribe twice).
 */
import { defineAdapter, type VendorEvent } from '../../core/adapter';
import { guard } from '../../core/guard';
import { hookProperty } from '../../lib/hookProperty';
import { isRecord } from '../../lib/isRecord';
import { ownValue } from '../../lib/ownValue';
import { toId } from '../../lib/toId';
import { livechatKeys, type LivechatParams } from './params';
import type { LivechatAction } from './stages';
import { livechatStages } from './stages';

export type { LivechatParams } from './params';
export { livechatStages } from './stages';

/** The events the bridge subscribes to (the API's `on` names): the stage table's actions without their values. */
const EVENTS = [
  'ready',
  'availability_changed',
  'visibility_changed',
  'customer_status_changed',
  'new_event',
  'form_submitted',
  'rating_submitted',
  'greeting_displayed',
  'greeting_hidden',
  'rich_message_button_clicked',
];

/** The field whose documented value decides the stage, per event (`new_event`: of its `author`). */
const DECIDING_FIELD: Record<string, string> = {
  availability_changed: 'availability',
  visibility_changed: 'visibility',
  form_submitted: 'type',
  new_event: 'type',
};

/** `value` when it is one of `allowed`, else undefined. */
const oneOf = (value: unknown, allowed: string[]) => (allowed.indexOf(value as string) >= 0 ? (value as string) : undefined);

/**
 * The push for one widget event, from allow-listed values only: availability, visibility, form type,
 * a chat event's kind and author type, the rating, a greeting's id. Never
 * `customerData` (id, name, e-mail, session variables), an author's id (an agent's is an e-mail
 * address) nor a rich message button's ids. The deciding value joins the event name in the action.
 */
export function readLivechatEvent(name: string, payload: unknown): VendorEvent {
  const value = ownValue(name == 'new_event' ? ownValue(payload, 'author') : payload, DECIDING_FIELD[name]);
  // `greeting_displayed`, `greeting_hidden`: the only events whose name starts with a g.
  const greeting = name[0] == 'g';
  return {
    widget_action: typeof value == 'string' ? name + ':' + value : name,
    widget_availability: oneOf(ownValue(name == 'ready' ? ownValue(payload, 'state') : payload, 'availability'), ['online', 'offline']),
    // Only `rating_submitted` has a string payload.
    widget_rating: oneOf(payload, ['good', 'bad', 'none']),
    // A chat event's kind, or a form's.
    widget_item_type: toId(ownValue(payload, 'type')),
    widget_trigger_id: greeting ? toId(ownValue(payload, 'id')) : undefined,
    widget_proactive: greeting || undefined,
  };
}

type Method = (name: string, handler: (payload: unknown) => void) => unknown;

export const livechat = defineAdapter<'livechat', LivechatParams>({
  vendor: 'livechat',
  product: 'chat_widget',
  stages: livechatStages,
  leadActions: ['form_submitted:prechat', 'form_submitted:ticket'] satisfies LivechatAction[],
  keys: livechatKeys,
  install({ report, log, track }) {
    let widget: Record<string, unknown> | undefined;
    // Each side's (customer, agent) chat whose first chat event was pushed, as `new_event:<author>|<chatId>`.
    const heard: string[] = [];
    /** The current chat's id (`get('chat_data').chatId`); the getter throws before the widget loaded. */
    const chatId = () => {
      try {
        return toId(ownValue((widget!.get as (name: string) => unknown)('chat_data'), 'chatId'));
      } catch {
        // Not loaded yet, or not the documented getter: no id.
        return undefined;
      }
    };
    const onEvent = (name: string, payload: unknown) => {
      const event = readLivechatEvent(name, payload);
      const id = (event.widget_interaction_id = chatId());
      // Only each side's first chat event per chat: one push per message would flood the dataLayer.
      const side = event.widget_action + '|' + id;
      if (name == 'new_event') {
        if (heard.indexOf(side) >= 0) return log('livechat: later message');
        heard.push(side);
      }
      report(event);
    };
    const subscriptions = EVENTS.map((name) => [name, guard(log, (payload: unknown) => onEvent(name, payload))] as const);
    const each = (method: string) => {
      for (const [name, handler] of subscriptions) (widget![method] as Method)(name, handler);
    };
    const loaded = () => typeof (widget && widget._h) == 'function';
    // A widget took the queue over: subscribed once, whatever it kept of earlier subscriptions. (hookProperty
    // runs these callbacks guarded, and the core runs undo steps guarded.)
    const subscribe = () => {
      if (!loaded()) return;
      each('off');
      each('on');
    };
    let undoLoaded = () => {};
    const follow = (next: unknown) => {
      if (next === widget) return;
      undoLoaded();
      if (loaded()) each('off');
      widget = isRecord(next) ? next : undefined;
      undoLoaded = widget ? hookProperty(widget, '_h', subscribe) : () => {};
    };
    track(hookProperty(window as unknown as Record<string, unknown>, 'LiveChatWidget', follow));
    track(() => follow(undefined));
  },
});
