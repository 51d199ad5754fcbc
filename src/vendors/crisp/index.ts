/**
 * Crisp chatbox: the page listens with `$crisp.push(["on", name, callback])` and stops with
 * `$crisp.push(["off", name])` (https://docs.crisp.chat/guides/chatbox-sdks/web-sdk/dollar-crisp/);
 * `window.$crisp` is an array queue until the chatbox script loads. Crisp keeps ONE callback per event:
 * a second `on` replaces the first and `off` takes no callback (github.com/microsoft/clarity issue 979),
 * and npm `crisp-sdk-web` 1.2.1 pushes `off` before every `on` it registers. So the bridge registers the
 * one callback of each event it hears, and keeps the site's own in a table of its own: every `on` or
 * `off` the page pushes for those events is taken out of the queue (or the loaded chatbox's `push`) and
 * only changes which site callback the bridge's calls, with the same arguments, `this` and return value.
 */
import { isEmailShaped } from '../../lib/isEmailShaped';
import { defineAdapter, type VendorEvent } from '../../core/adapter';
import { hookProperty } from '../../lib/hookProperty';
import { toId } from '../../lib/toId';
import { crispKeys, type CrispParams } from './params';
import { crispStages, type CrispEvent } from './stages';

export type { CrispParams } from './params';
export { crispStages } from './stages';

const AVAILABILITY = 'website:availability:changed';

/** The events the bridge registers for: the stage table's names, the availability event once. */
const EVENTS = Object.keys(crispStages).filter((name) => name.indexOf(AVAILABILITY) < 0);
EVENTS.push(AVAILABILITY);

type Callback = (...args: unknown[]) => unknown;

/**
 * The push for one event, from its first argument alone: the availability (`true` online, `false` away), and whether `user:email:changed` carries an e-mail address
 * (the address itself only travels to the core for the opt-in hash). Never a phone number, nickname,
 * message or helpdesk query.
 */
export function readCrispCall(name: string, [first]: unknown[]): VendorEvent {
  const event: VendorEvent = { widget_action: name };
  if (name == AVAILABILITY) {
    const availability = first === true ? 'online' : first === false ? 'away' : undefined;
    event.widget_action = name + ':' + availability;
    event.widget_availability = availability;
  } else if (name == 'user:email:changed') {
    event.widget_email_provided = isEmailShaped(first);
    event.email = first;
  }
  return event;
}

export const crisp = defineAdapter<'crisp', CrispParams>({
  vendor: 'crisp',
  product: 'live_chat',
  stages: crispStages,
  leadActions: ['user:email:changed'] satisfies CrispEvent[],
  keys: crispKeys,
  install({ report, track }) {
    const w = window as unknown as Record<string, unknown>;
    let active = true;
    // The chatbox's session: its id is the interaction, and each message kind is pushed once in it.
    let sessionId: string | undefined;
    let heard: Record<string, boolean> = {};
    // The site's one callback per event; an own key for each event the current chatbox has the bridge's callback for.
    let site: Record<string, unknown> = {};

    const reportCall = (name: string, args: unknown[]) => {
      // message:sent and message:received once per session: every message would flood the dataLayer.
      if (name.indexOf('message:') == 0 && heard[name]) return;
      heard[name] = true;
      if (name == 'session:loaded') {
        const id = toId(args[0]);
        if (id != sessionId) heard = {};
        sessionId = id;
      }
      const event = readCrispCall(name, args);
      event.widget_interaction_id = sessionId;
      report(event);
    };
    const callbacks: Record<string, Callback> = {};
    for (const name of EVENTS)
      callbacks[name] = function (this: unknown, ...args: unknown[]): unknown {
        const own = site[name];
        // Reads strings and booleans only, and report never throws: nothing reaches the chatbox's call stack.
        if (active) reportCall(name, args);
        return typeof own == 'function' ? (own as Callback).apply(this, args) : undefined;
      };

    let crispObject: unknown;
    let push: unknown;
    let undoPush = () => {};
    const register = (target: unknown, name: string) => {
      site[name] = undefined;
      (push as Callback).call(target, ['on', name, callbacks[name]]);
    };
    /**
     * Takes the site's `on`/`off` of a heard event out of the chatbox's hands; true when it did. An item
     * whose reading throws throws to the site's own push, as the chatbox's would.
     */
    const claim = (target: unknown, item: unknown): boolean => {
      if (!Array.isArray(item) || (item[0] != 'on' && item[0] != 'off') || EVENTS.indexOf(item[1]) < 0) return false;
      if (item[2] === callbacks[item[1]]) return false;
      if (!(item[1] in site)) register(target, item[1]);
      site[item[1]] = item[0] == 'on' ? item[2] : undefined;
      return true;
    };
    const pushThrough = function (this: unknown, ...items: unknown[]): unknown {
      return (push as Callback).apply(
        this,
        items.filter((item) => !claim(this, item)),
      );
    };
    /**
     * Follows `window.$crisp`. A queue (an array without the loaded chatbox's `is`) is a new chatbox: the
     * site's queued `on`/`off` are taken out, and the bridge's callbacks queued for every event. A loaded
     * chatbox that replaced the queue keeps them; one the bridge meets already loaded has callbacks the
     * bridge cannot read, so the bridge registers its own for an event only once the site pushes one.
     */
    const hookCrisp = (next: unknown) => {
      if (next === crispObject) return;
      undoPush();
      undoPush = () => {};
      crispObject = next;
      if (!next) return;
      const queue = next as unknown[] & Record<string, unknown>;
      const isQueue = Array.isArray(next) && !queue.is;
      undoPush = hookProperty(
        queue,
        'push',
        (value) => {
          if (value !== pushThrough) push = value;
        },
        () => pushThrough,
        false,
      );
      if (!isQueue || typeof push != 'function') return;
      site = {};
      for (const name of EVENTS) register(queue, name);
      // The bridge's own items, now at the end of the queue, are left where they are.
      for (let i = 0; i < queue.length;)
        if (claim(queue, queue[i])) queue.splice(i, 1);
        else i++;
    };
    track(hookProperty(w, '$crisp', hookCrisp));
    track(() => {
      // The bridge's callbacks stay registered in the chatbox and keep calling the site's own ones.
      active = false;
      undoPush();
    });
  },
});
