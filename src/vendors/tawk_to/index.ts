/**
 * tawk.to: the widget calls the functions the page assigns on `window.Tawk_API`, one per callback name
 * (`Tawk_API.onLoad = function(){…}`; https://developer.tawk.to/jsapi/). The bridge keeps each of those
 * properties a function that pushes, then calls the site's own one, whether the site assigns it before or
 * after the bridge, and again later. tawk.to's official framework wrappers (npm
 * `@tawk.to/tawk-messenger-react` 2.0.2, `src/index.js`) listen to the `tawk<Name>` window events the
 * widget dispatches instead, which the bridge leaves alone.
 */
import { isEmailShaped } from '../../lib/isEmailShaped';
import { defineAdapter, type VendorEvent } from '../../core/adapter';
import { hookCallback } from '../../lib/hookCallback';
import { hookProperty } from '../../lib/hookProperty';
import { ownValue } from '../../lib/ownValue';
import { toId } from '../../lib/toId';
import { tawkToKeys, type TawkToParams } from './params';
import { tawkToStages, type TawkToEvent } from './stages';

export type { TawkToParams } from './params';
export { tawkToStages } from './stages';

/** The `Tawk_API` callbacks the bridge hooks: the stage table's names, `onStatusChange` once. */
const CALLBACKS = Object.keys(tawkToStages).filter((name) => name.indexOf(':') < 0);
CALLBACKS.push('onStatusChange');

/** `onChatSatisfaction`'s values and their names in tawk.to's docs. */
const RATINGS = ['dislike', 'neutral', 'like'];

/** Callbacks pushed once per chat: the rest of a chat's messages would flood the dataLayer. */
const FIRST_PER_CHAT = ['onChatMessageVisitor', 'onChatMessageAgent'];

/**
 * The push for one callback call, from its first argument alone: the status (`online`, `away`,
 * `offline`), the rating's name, the agent's `id`, and whether a form's `email` is an e-mail address (the
 * address itself only travels to the core for the opt-in hash). Never a form's name or message, a
 * message text, an agent's name or image, or a file link.
 */
export function readTawkToCall(name: string, [first]: unknown[]): VendorEvent {
  const event: VendorEvent = { widget_action: name };
  if (name == 'onStatusChange') {
    const status = ['online', 'away', 'offline'].indexOf(first as string) >= 0 ? (first as string) : undefined;
    event.widget_action = name + ':' + status;
    event.widget_availability = status;
  } else if (name == 'onPrechatSubmit' || name == 'onOfflineSubmit') {
    const email = ownValue(first, 'email');
    event.widget_email_provided = isEmailShaped(email);
    event.email = email;
  } else if (name == 'onAgentJoinChat' || name == 'onAgentLeaveChat') {
    event.widget_operator_id = toId(ownValue(first, 'id'));
  } else if (name == 'onChatSatisfaction') {
    event.widget_rating = typeof first == 'number' ? RATINGS[first + 1] : undefined;
  }
  return event;
}

export const tawkTo = defineAdapter<'tawk_to', TawkToParams>({
  vendor: 'tawk_to',
  product: 'live_chat',
  stages: tawkToStages,
  leadActions: ['onPrechatSubmit', 'onOfflineSubmit'] satisfies TawkToEvent[],
  keys: tawkToKeys,
  install({ report, track }) {
    // tawk.to names no chat: the visit's funnel runs in one scope per chat, a new one after onChatEnded.
    let chats = 0;
    let heard: Record<string, boolean> = {};
    const reportCall = (name: string) => (args: unknown[]) => {
      if (FIRST_PER_CHAT.indexOf(name) >= 0 && heard[name]) return;
      heard[name] = true;
      const event = readTawkToCall(name, args);
      event.scope = 'chat' + chats;
      if (name == 'onChatEnded') {
        // A chat no agent joined or answered is no completed conversation.
        event.notAStep = !heard.onAgentJoinChat && !heard.onChatMessageAgent;
        chats++;
        heard = {};
      }
      report(event);
    };

    // window.Tawk_API is the snippet's object, or whatever replaces it later; only the current one is hooked.
    let api: unknown;
    let undoApi = () => {};
    const hookApi = (next: unknown) => {
      if (next === api) return;
      undoApi();
      undoApi = () => {};
      api = next;
      if (typeof next != 'object' || !next) return;
      const undos = CALLBACKS.map((name) => hookCallback(next as Record<string, unknown>, name, reportCall(name), false));
      undoApi = () => {
        for (const undo of undos) undo();
      };
    };
    track(hookProperty(window as unknown as Record<string, unknown>, 'Tawk_API', hookApi));
    track(() => hookApi(undefined));
  },
});
