/**
 * Userlike website messenger: the widget calls the page's global
 * `userlikeTrackingEvent(event_name, global_ctx, session_ctx)` (seeds/003).
 * The bridge keeps that global a function that pushes, then calls the site's
 * own one, however and whenever the site defines it (SPEC §6).
 */
import type { VendorAdapter, VendorEvent } from '../core/adapter';
import type { WidgetStage } from '../core/schema';
import { hookCallback } from '../lib/hookCallback';
import { isRecord } from '../lib/isRecord';
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
  pre_survey_submit: 'submit',
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
  const global = isRecord(globalContext) ? globalContext : {};
  const session = isRecord(sessionContext) ? sessionContext : {};
  const action = typeof name == 'string' ? name : '';
  return {
    widget_action: action,
    widget_interaction_id: toId(session.chat_id) || toId(session.session_id),
    widget_proactive: action.indexOf('proactive') >= 0 || undefined,
    widget_id: toId(global.widget_id),
    widget_lang: toId(global.widget_lang),
    widget_operator_group_id: toId(global.operator_group_id),
    widget_operator_id: toId(session.operator_id),
  };
}

export const userlike: VendorAdapter = {
  vendor: 'userlike',
  product: 'messenger',
  stages: userlikeStages,
  leadActions: [],
  install({ report }) {
    return hookCallback(window as unknown as Record<string, unknown>, 'userlikeTrackingEvent', (args) => report(readUserlikeCall(args)));
  },
};
