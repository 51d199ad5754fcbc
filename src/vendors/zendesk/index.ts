/**
 * Zendesk messaging Web Widget: `zE('messenger:on', name, callback)`
 * (https://developer.zendesk.com/api-reference/widget-messaging/web/events/),
 * each call a subscription of its own that returns its unsubscribe function,
 * so the bridge subscribes beside the site and leaves the site's callbacks
 * alone. `window.zE` is followed as the page and the widget's snippet
 * assign it (a queue first, then the widget): the bridge subscribes through
 * each new `zE` and only the newest one's callbacks report, so a widget that
 * also runs the queued subscriptions does not double events; the older
 * subscriptions are ended where `zE` returned an unsubscribe function.
 */
import { defineAdapter, type VendorEvent } from '../../core/adapter';
import { hookProperty } from '../../lib/hookProperty';
import { ownValue } from '../../lib/ownValue';
import { toId } from '../../lib/toId';
import { zendeskKeys, type ZendeskParams } from './params';
import { zendeskStages } from './stages';

export type { ZendeskParams } from './params';
export { zendeskStages } from './stages';

const EVENTS = Object.keys(zendeskStages);

/** Ids of an event object, found on it or in its `data`. */
const idOf = (event: unknown, name: string) => toId(ownValue(ownValue(event, 'data'), name)) || toId(ownValue(event, name));

/**
 * The push for one event, from its event object alone (`{id, createdAt,
 * type, data}`): the conversation id and a proactive message's campaign id.
 * Never message, button or article text.
 */
export function readZendeskEvent(name: string, event: unknown): VendorEvent {
  return {
    widget_action: name,
    widget_interaction_id: idOf(event, 'conversationId'),
    widget_proactive: name.indexOf('proactive') == 0 || undefined,
    widget_trigger_id: idOf(event, 'campaignId'),
  };
}

export const zendesk = defineAdapter<'zendesk', ZendeskParams>({
  vendor: 'zendesk',
  product: 'messaging',
  stages: zendeskStages,
  leadActions: [],
  keys: zendeskKeys,
  install({ report, track }) {
    let current: unknown;
    let unsubscribe: unknown[] = [];
    const end = () => {
      for (const stop of unsubscribe) if (typeof stop == 'function') stop();
      unsubscribe = [];
    };
    const follow = (value: unknown) => {
      if (value === current) return;
      current = value;
      try {
        end();
      } catch {
        // The previous widget's own business.
      }
      if (typeof value != 'function') return;
      for (const name of EVENTS)
        unsubscribe.push(
          value('messenger:on', name, (event: unknown) => {
            if (current === value) report(readZendeskEvent(name, event));
          }),
        );
    };
    track(hookProperty(window as unknown as Record<string, unknown>, 'zE', follow));
    track(() => follow(undefined));
  },
});
