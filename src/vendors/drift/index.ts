/**
 * Drift (Salesloft) chat widget: `drift.on(name, fn)`, registered once
 * `drift.on('ready', fn)` has fired (https://devdocs.drift.com/docs/drift-events).
 * Before the widget loads, `window.drift` is the install snippet's array
 * (also `window.driftt`), whose `on`, `off`, `load`… push each call onto it
 * for the widget to run.
 *
 * The bridge registers its own `ready` callback on every `window.drift` it
 * sees (the snippet's queue or the loaded widget), and the other events'
 * callbacks on the same object when that ready fires, once per object: only
 * the newest `window.drift`'s callbacks report, so a widget that swaps in an
 * object of its own for the queue, and runs the queued callbacks too, does
 * not double events. The site's own
 * callbacks are never touched: Drift keeps every callback registered for an
 * event (sites call `drift.off(name)` before registering a replacement).
 */
import { isEmailShaped } from '../../lib/isEmailShaped';
import { defineAdapter, type VendorEvent } from '../../core/adapter';
import { HOOKED, hookProperty } from '../../lib/hookProperty';
import { ownValue } from '../../lib/ownValue';
import { toId } from '../../lib/toId';
import { driftKeys, type DriftParams } from './params';
import { driftStages, type DriftEvent } from './stages';

export type { DriftParams } from './params';
export { driftStages } from './stages';

type On = (name: string, callback: (...args: unknown[]) => void) => unknown;

/** Every event but `ready`, registered once the widget is ready. */
const EVENTS = Object.keys(driftStages).slice(1);

/**
 * The push for one event, from its payload alone (for `ready`, the widget
 * state it passes second). Reads only: the conversation id (on the payload
 * or, for `emailCapture`, in its `data`), whether the team is online, the
 * team member's id, the booked meeting's `time`, `duration` and `timeZone`,
 * the playbook id, and that an e-mail was given (the address
 * itself only travels to the core for the opt-in hash). Never the address,
 * the phone number, names, message or button text.
 */
export function readDriftEvent(name: string, payload: unknown): VendorEvent {
  const data = ownValue(payload, 'data');
  const meeting = ownValue(payload, 'meeting');
  const online = name == 'ready' ? ownValue(payload, 'isOnline') : undefined;
  const email = name == 'emailCapture' ? ownValue(data, 'email') : undefined;
  const minutes = ownValue(meeting, 'duration');
  // The meeting's `time` is a date string (Drift's events page).
  const time = ownValue(meeting, 'time');
  const start = typeof time == 'string' ? Date.parse(time) : NaN;
  const event: VendorEvent = {
    widget_action: name,
    widget_interaction_id: toId(ownValue(payload, 'conversationId')) || toId(ownValue(data, 'conversationId')),
    widget_availability: online === true ? 'online' : online === false ? 'offline' : undefined,
    widget_assignee_id: toId(ownValue(ownValue(payload, 'teamMember'), 'id')),
    widget_slot_start: start > 0 ? new Date(start).toISOString() : undefined,
    widget_duration_minutes: typeof minutes == 'number' && minutes > 0 ? minutes : undefined,
    widget_timezone: toId(ownValue(meeting, 'timeZone')),
    widget_trigger_id: toId(ownValue(payload, 'playbookId')),
  };
  if (email !== undefined) {
    event.widget_email_provided = isEmailShaped(email);
    event.email = email;
  }
  return event;
}

export const drift = defineAdapter<'drift', DriftParams>({
  vendor: 'drift',
  product: 'chat',
  stages: driftStages,
  leadActions: ['emailCapture', 'phoneCapture', 'scheduling:meetingBooked'] satisfies DriftEvent[],
  keys: driftKeys,
  install({ report, track }) {
    let current: unknown;
    let active = true;
    /**
     * Registers a marked callback that reports while `target` is the current `window.drift`: through
     * `target.on`, or, on the snippet's array before its methods exist (it assigns `window.drift = []`
     * first), as the call its `on` would queue.
     */
    const listen = (target: object, name: string, onEvent: (payload: unknown) => void) => {
      const on = (target as { on?: unknown }).on;
      const callback = function (...args: unknown[]) {
        if (active && current === target) onEvent(name == 'ready' ? args[1] : args[0]);
      };
      (callback as unknown as Record<string, unknown>)[HOOKED] = true;
      if (typeof on == 'function') (on as On).call(target, name, callback);
      else if (Array.isArray(target)) target.push(['on', name, callback]);
    };
    const follow = (value: unknown) => {
      if (value === current || typeof value != 'object' || !value) return;
      current = value;
      let registered = false;
      listen(value, 'ready', (state) => {
        report(readDriftEvent('ready', state));
        if (registered) return;
        registered = true;
        // After ready, as Drift's page says: by now the widget has run the snippet's queue.
        for (const name of EVENTS) listen(value, name, (payload) => report(readDriftEvent(name, payload)));
      });
    };
    track(hookProperty(window as unknown as Record<string, unknown>, 'drift', follow));
    track(() => {
      active = false;
    });
  },
});
