/**
 * Userlike website messenger: the widget calls the page's global
 * `userlikeTrackingEvent(event_name, global_ctx, session_ctx)`, looked up at
 * call time (https://docs.userlike.com/developers/client-tracking-api; npm
 * `@userlike/messenger` runs the widget in a same-origin iframe and hands it
 * the host window). The bridge keeps that global a function that pushes, then
 * calls the site's own one, however and whenever the site defines it.
 */
import type { VendorAdapter, VendorEvent } from '../core/adapter';
import type { WidgetStage } from '../core/schema';
import { guard } from '../core/guard';
import { hookCallback } from '../lib/hookCallback';
import { ownValue } from '../lib/ownValue';
import { toId } from '../lib/toId';

/** Userlike event → stage. Reasons: userlike.reasons.ts and docs/events.md. */
export const userlikeStages = {
  button_displayed: 'view',
  slot_check: 'interaction',
  slot_available: 'interaction',
  slot_unavailable: 'unavailable',
  proactive_offer: 'interaction',
  proactive_timer: 'interaction',
  chat_requested: 'open',
  chat_connected: 'open',
  chat_connected_proactive: 'open',
  chat_window_maximized: 'open',
  conversation_resume: 'open',
  group_select_show: 'interaction',
  group_select_submit: 'interaction',
  pre_survey_show: 'interaction',
  pre_survey_submit: 'start',
  disclaimer_ok: 'interaction',
  chat_started: 'start',
  chat_started_proactive: 'start',
  contact_first_message: 'start',
  message_client_terminating: 'interaction',
  message_operator_terminating: 'interaction',
  register_show: 'interaction',
  register_submit: 'submit',
  register_cancel: 'cancel',
  chat_window_minimized: 'interaction',
  chat_window_minimzed: 'interaction',
  feedback_rating_show: 'interaction',
  feedback_rating_cancel: 'interaction',
  feedback_submit: 'interaction',
  rating_submit: 'interaction',
  post_survey_show: 'interaction',
  post_survey_submit: 'interaction',
  transcript_show: 'interaction',
  transcript_submit: 'interaction',
  transcript_cancel: 'interaction',
  chat_quit: 'close',
  error_message: 'error',
} as const satisfies Record<string, WidgetStage>;

/** A Userlike event name. */
export type UserlikeEvent = keyof typeof userlikeStages;

/**
 * The push for one `userlikeTrackingEvent` call: widget, language, operator
 * group and operator ids; `chat_id`, else `session_id`, as the interaction.
 * Never `client_name`, `client_email`, `operator_name`, `custom_data` or
 * `client_uuid`.
 */
export function readUserlikeCall([name, globalContext, sessionContext]: unknown[]): VendorEvent {
  const action = typeof name == 'string' ? name : '';
  const sessionId = toId(ownValue(sessionContext, 'session_id'));
  return {
    widget_action: action,
    widget_interaction_id: toId(ownValue(sessionContext, 'chat_id')) || sessionId,
    // One visit's funnel steps belong to its session, also before a chat id exists.
    scope: sessionId,
    widget_proactive: action.indexOf('proactive') >= 0 || undefined,
    widget_id: toId(ownValue(globalContext, 'widget_id')),
    widget_lang: toId(ownValue(globalContext, 'widget_lang')),
    widget_operator_group_id: toId(ownValue(globalContext, 'operator_group_id')),
    widget_operator_id: toId(ownValue(sessionContext, 'operator_id')),
  };
}

const GLOBAL_NAME = 'userlikeTrackingEvent';

export const userlike: VendorAdapter = {
  vendor: 'userlike',
  product: 'messenger',
  stages: userlikeStages,
  leadActions: [],
  install({ report, log, track }) {
    const w = window as unknown as Record<string, unknown>;
    const reportCall = (args: unknown[]) => report(readUserlikeCall(args));
    let undoHook = hookCallback(w, GLOBAL_NAME, reportCall);
    let wrapper = w[GLOBAL_NAME];
    /**
     * A site script that declares `function userlikeTrackingEvent(){}` after
     * the bridge replaces its accessor with a plain, non-configurable global
     * (https://tc39.es/ecma262/#sec-createglobalfunctionbinding), and no hook
     * can see that happen. The widget only calls the global once its own
     * script or iframe has loaded, so the bridge wraps the site's function
     * again whenever a script, an iframe or the page finishes loading.
     */
    const rewrap = guard(log, () => {
      if (w[GLOBAL_NAME] === wrapper) return;
      undoHook();
      undoHook = hookCallback(w, GLOBAL_NAME, reportCall);
      wrapper = w[GLOBAL_NAME];
      log('userlike: the site replaced userlikeTrackingEvent; wrapped again');
    });
    // Capture phase: load events of scripts and iframes do not bubble, but pass window first.
    addEventListener('load', rewrap, true);
    document.addEventListener('DOMContentLoaded', rewrap);
    track(() => {
      removeEventListener('load', rewrap, true);
      document.removeEventListener('DOMContentLoaded', rewrap);
      undoHook();
    });
  },
};
