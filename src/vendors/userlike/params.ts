import type { AssertNever } from '../../core/schema';

/**
 * Userlike detail keys, from `global_ctx` and `session_ctx`; never `client_name`,
 * `client_email`, `operator_name` or `custom_data`.
 */
export interface UserlikeParams {
  /** The widget's id at its vendor: Userlike widget id (`global_ctx.widget_id`), Typeform form id (`formId`), Cal.com the embed's namespace (it names one embed of the page), HubSpot the form's id (`detail.formId` of a form event, `id` of a legacy `hsFormCallback` message). */
  widget_id: string | undefined;
  /** Widget language, ISO 639-1 (`global_ctx.widget_lang`). */
  widget_lang: string | undefined;
  /** Operator group connected to the widget (`global_ctx.operator_group_id`). */
  widget_operator_group_id: string | undefined;
  /** Operator of the current chat, an id, never the name: Userlike `session_ctx.operator_id`, tawk.to the agent's `id` on `onAgentJoinChat` / `onAgentLeaveChat`. */
  widget_operator_id: string | undefined;
}

/** The keys of {@link UserlikeParams}, in push order. */
export const userlikeKeys = [
  'widget_id',
  'widget_lang',
  'widget_operator_group_id',
  'widget_operator_id',
] as const satisfies readonly (keyof UserlikeParams)[];

/** Compile-time proof that the list names every key of the interface. */
export type UserlikeKeysComplete = AssertNever<Exclude<keyof UserlikeParams, (typeof userlikeKeys)[number]>>;
