/**
 * Userlike event → stage, with the reason for each choice.
 */
import type { StageTable } from '../../core/adapter';

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
} as const satisfies StageTable;

/** A Userlike event name. */
export type UserlikeEvent = keyof typeof userlikeStages;
