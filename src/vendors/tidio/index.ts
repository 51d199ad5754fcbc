/**
 * Tidio chat widget: its listeners (https://developers.tidio.com/docs/widget-listeners-events), heard two
 * ways, as Tidio's JavaScript API page (https://docs.tidio.com/, "Fully loading Tidio Chat") shows them:
 * `tidioChatApi.on(name, fn)`, once the widget script has created `window.tidioChatApi`, and
 * `tidioChat-<name>` events on `document`, which exist before the script loads. The bridge listens to
 * both, so an event is heard whichever way the widget delivers it and whenever the bridge loads; when
 * both deliver the same event, the second is the same event and is not pushed again. `on` adds a handler
 * beside the site's own; no documented `off` exists, so on uninstall the bridge's handlers fall silent.
 */
import { defineAdapter, type VendorEvent } from '../../core/adapter';
import { guard } from '../../core/guard';
import { isEmailShaped } from '../../lib/isEmailShaped';
import { hookProperty } from '../../lib/hookProperty';
import { isRecord } from '../../lib/isRecord';
import { ownValue } from '../../lib/ownValue';
import { tidioKeys, type TidioParams } from './params';
import type { TidioAction } from './stages';
import { tidioStages } from './stages';

export type { TidioParams } from './params';
export { tidioStages } from './stages';

/** The events the bridge listens to: the stage table's actions without the status. */
const EVENTS = ['ready', 'open', 'close', 'conversationStart', 'preFormFilled', 'messageFromVisitor', 'messageFromOperator', 'setStatus'];

/**
 * The push for one widget event. `setStatus` carries the status (`online`, `offline`), as a string or
 * as `{setStatus}`; `preFormFilled` carries `{form_data}`, of which only whether `email` is an address
 * is pushed (the address itself only travels to the core for the opt-in hash). Nothing else is read:
 * never the form's other fields nor a message's text.
 */
export function readTidioEvent(name: string, data: unknown): VendorEvent {
  const status = typeof data == 'string' ? data : ownValue(data, 'setStatus');
  const email = name == 'preFormFilled' ? ownValue(ownValue(data, 'form_data'), 'email') : undefined;
  return {
    widget_action: name == 'setStatus' && typeof status == 'string' ? name + ':' + status : name,
    widget_availability: status == 'online' || status == 'offline' ? status : undefined,
    widget_email_provided: name == 'preFormFilled' ? isEmailShaped(email) : undefined,
    email,
  };
}

/** A `tidioChat-<name>` event's data: its `detail` (a CustomEvent) or its own `data` property. */
const dataOf = (event: Event) => {
  const detail = (event as CustomEvent).detail;
  return detail != null ? detail : ownValue(event, 'data');
};

type On = (name: string, handler: (data: unknown) => void) => unknown;

export const tidio = defineAdapter<'tidio', TidioParams>({
  vendor: 'tidio',
  product: 'chat_widget',
  stages: tidioStages,
  leadActions: ['preFormFilled'] satisfies TidioAction[],
  keys: tidioKeys,
  install({ report, log, track }) {
    let active = true;
    // The way ('a' API, 'd' document) and name of the last event pushed: the same event by the other way follows it.
    let last = '';
    // A conversation after the first is a new interaction scope, with its own first messages.
    let conversations = 0;
    let started = false;
    let heard: string[] = [];
    const onEvent = (way: string, name: string, data: unknown) => {
      if (!active) return;
      if (last == (way == 'a' ? 'd' : 'a') + name) {
        last = '';
        return log('tidio: ' + name + ' heard both ways');
      }
      last = way + name;
      if (name == 'conversationStart') {
        if (started) {
          conversations++;
          heard = [];
        }
        started = true;
      }
      // Only the first message of each side per conversation: one push per message would flood the dataLayer.
      if (name.indexOf('messageFrom') == 0) {
        if (heard.indexOf(name) >= 0) return log('tidio: later message');
        heard.push(name);
      }
      const event = readTidioEvent(name, data);
      event.scope = 'conversation' + conversations;
      report(event);
    };
    const subscribed: unknown[] = [];
    const subscribe = (api: unknown) => {
      if (!isRecord(api) || typeof api.on != 'function' || subscribed.indexOf(api) >= 0) return;
      subscribed.push(api);
      for (const name of EVENTS)
        (api.on as On)(
          name,
          guard(log, (data: unknown) => onEvent('a', name, data)),
        );
    };
    for (const name of EVENTS) {
      const listener = guard(log, (event: Event) => onEvent('d', name, dataOf(event)));
      document.addEventListener('tidioChat-' + name, listener);
      track(() => document.removeEventListener('tidioChat-' + name, listener));
    }
    track(hookProperty(window as unknown as Record<string, unknown>, 'tidioChatApi', subscribe));
    track(() => {
      active = false;
    });
  },
});
