/**
 * The normalized event schema (v1): the public contract between the bridge and
 * every GTM trigger, variable and GA4 report built on it. See
 * docs/events.md (generated from the vendor mapping tables).
 */

type AssertNever<T extends never> = T;

/** Version of this schema, pushed as `widget_schema` on every event. */
export const SCHEMA_VERSION = 1;

/** Every stage, the funnel steps first in funnel order. Each vendor event maps to exactly one. */
export const STAGES = [
  'view',
  'open',
  'start',
  'submit',
  'complete',
  'cancel',
  'close',
  'unavailable',
  'error',
  'interaction',
] as const;

/** One of the funnel stages of {@link STAGES}. */
export type WidgetStage = (typeof STAGES)[number];

/**
 * The stages by name, for code that reads better with `Stage.Complete` than
 * with a string. An `as const` object rather than a TS enum: plain data at
 * runtime, and its values are the strings that end up in GA4.
 */
export const Stage = {
  /** The widget or its button became available to the visitor. */
  View: 'view',
  /** The visitor opened the widget; the calendar or form appeared. */
  Open: 'open',
  /** The visitor began: first message, started the form, picked a time slot. */
  Start: 'start',
  /** The visitor submitted: booking requested, form or survey sent. */
  Submit: 'submit',
  /** A confirmed outcome: booking confirmed, chat or call completed with an agent. */
  Complete: 'complete',
  /** The visitor abandoned or cancelled. */
  Cancel: 'cancel',
  /** The widget was closed. */
  Close: 'close',
  /** Nothing to offer: no free slots, no agent, disqualified. */
  Unavailable: 'unavailable',
  /** The widget reported an error. */
  Error: 'error',
  /** Any other documented vendor event (feedback, rating, article opened, minimise…). */
  Interaction: 'interaction',
} as const satisfies Record<string, WidgetStage>;

/** Compile-time proof that {@link Stage} names every stage of {@link STAGES}. */
export type StageComplete = AssertNever<Exclude<WidgetStage, (typeof Stage)[keyof typeof Stage]>>;

/** Every vendor the bridge knows, as pushed in `widget_vendor`. */
export const VENDORS = ['chili_piper', 'customerly', 'userlike', 'genesys'] as const;

/** A vendor id as pushed in `widget_vendor` and used in configuration. */
export type WidgetVendor = (typeof VENDORS)[number];

/** The GA4 recommended event pushed once per interaction on a conversion action. */
export const LEAD_EVENT = 'generate_lead';

/**
 * Keys common to every vendor's push.
 */
export interface WidgetCommonParams {
  /** Which vendor reported the event. */
  widget_vendor: WidgetVendor;
  /** The widget within the vendor: `concierge`, `live_chat`, `messenger`, `click_to_call`, `web_chat`, `callback`, `send_message`. */
  widget_product: string;
  /** The vendor's own event name, verbatim (e.g. `timeslot-selected`, `onChatOpened`, `ClickToCall.completed`). */
  widget_action: string;
  /** The funnel stage of this event; also set when the event-name prefix is customised. */
  widget_stage: WidgetStage;
  /** The vendor's correlation id when known (Chili Piper routeId, Userlike chat_id/session_id…). Never personal data. */
  widget_interaction_id: string | undefined;
  /** `true` when the vendor says the interaction was started proactively. */
  widget_proactive: boolean | undefined;
}

/**
 * Chili Piper detail keys. Ids are Chili Piper's and the rep's CRM ids, never the visitor's.
 */
export interface ChiliPiperParams {
  /** Chili Piper meeting id (`eventId`), present once the booking is confirmed. */
  widget_event_id: string | undefined;
  /** CRM id of the rep the meeting was assigned to (`assigneeId`), not visitor data. */
  widget_assignee_id: string | undefined;
  /** Chili Piper's `actionType` for the booking (`create`, `reschedule`, …). */
  widget_action_type: string | undefined;
  /** Start of the booked or selected slot, ISO 8601 UTC (normalized from epoch seconds, epoch milliseconds or a date string). */
  widget_slot_start: string | undefined;
  /** End of the booked slot, ISO 8601 UTC. */
  widget_slot_end: string | undefined;
  /** Time zone the visitor picked the slot in (IANA name, e.g. `America/Chicago`). */
  widget_timezone: string | undefined;
  /** Meeting duration in minutes, as Chili Piper reports it with `timeslot-selected`. */
  widget_duration_minutes: number | undefined;
}

/**
 * Customerly detail keys: that something was given, never what.
 */
export interface CustomerlyParams {
  /** `onLeadGenerated`: whether the visitor left an e-mail address (never the address). */
  widget_email_provided: boolean | undefined;
  /** `onNewConversation`: how many attachments the first message had (never names or contents). */
  widget_attachment_count: number | undefined;
  /** `onProfilingQuestionAsked/Answered`: the profiling attribute asked about (never the answer). */
  widget_profiling_attribute: string | undefined;
  /** `onHelpCenterArticleOpened`: the article's `knowledge_base_article_id`. */
  widget_article_id: string | undefined;
  /** `onHelpCenterArticleOpened`: the article's slug. */
  widget_article_slug: string | undefined;
  /** `onHelpCenterArticleOpened`: the article's title (never its body or author). */
  widget_article_title: string | undefined;
  /** `onTriggerFired`: the id of the Customerly trigger (automation) that fired. */
  widget_trigger_id: string | undefined;
  /** `onChatflowNotificationClicked`: the kind of item clicked (`button`, `article`, `close_button`…), never its caption or link. */
  widget_item_type: string | undefined;
}

/**
 * Userlike detail keys, from `global_ctx` and `session_ctx`; never `client_name`,
 * `client_email`, `operator_name` or `custom_data`.
 */
export interface UserlikeParams {
  /** Userlike widget id (`global_ctx.widget_id`). */
  widget_id: string | undefined;
  /** Widget language, ISO 639-1 (`global_ctx.widget_lang`). */
  widget_lang: string | undefined;
  /** Operator group connected to the widget (`global_ctx.operator_group_id`). */
  widget_operator_group_id: string | undefined;
  /** Operator of the current chat (`session_ctx.operator_id`), an id, never the name. */
  widget_operator_id: string | undefined;
}

/**
 * Genesys Widgets detail keys, derived from the lifecycle metadata block
 * (`e.data`); never form data or `userData`.
 */
export interface GenesysParams {
  /** Metadata `prefilled`: the registration form was prefilled automatically. */
  widget_prefilled: boolean | undefined;
  /** Metadata `autoSubmitted`: the form was submitted automatically. */
  widget_auto_submitted: boolean | undefined;
  /** Metadata error counter, when the widget reports one. */
  widget_error_count: number | undefined;
  /** Milliseconds from `opened` to this step, when both timestamps exist in the metadata. */
  widget_elapsed_ms: number | undefined;
}

/** Keys only present on the `generate_lead` push. */
export interface LeadParams {
  /** The vendor that produced the lead (same value as `widget_vendor`); `undefined` on non-lead pushes. */
  lead_source: WidgetVendor | undefined;
  /**
   * GA4 enhanced-conversions user data; only with `hashEmail: true`, only on lead pushes,
   * and only ever a SHA-256 hex digest of the normalized e-mail.
   */
  user_data: { sha256_email_address: string } | undefined;
}

/** Every parameter of a push besides `event`. */
export interface WidgetParams
  extends WidgetCommonParams, ChiliPiperParams, CustomerlyParams, UserlikeParams, GenesysParams, LeadParams {
  /** Schema version ({@link SCHEMA_VERSION}). */
  widget_schema: typeof SCHEMA_VERSION;
}

/**
 * One dataLayer push. Always carries every key of the schema, absent values
 * set to `undefined`, because GTM's data model merges pushes and would
 * otherwise leak an earlier interaction's values into this event.
 */
export interface WidgetPush extends WidgetParams {
  /** `eventPrefix` + stage (default `widget_open`, `widget_complete`…), or `generate_lead`. */
  event: string;
}

/**
 * Every key of a push, in push order. Typed so that a key added to the
 * interfaces above but not here (or the reverse) fails the typecheck.
 */
export const SCHEMA_KEYS = [
  'event',
  'widget_vendor',
  'widget_product',
  'widget_action',
  'widget_stage',
  'widget_interaction_id',
  'widget_proactive',
  'widget_event_id',
  'widget_assignee_id',
  'widget_action_type',
  'widget_slot_start',
  'widget_slot_end',
  'widget_timezone',
  'widget_duration_minutes',
  'widget_email_provided',
  'widget_attachment_count',
  'widget_profiling_attribute',
  'widget_article_id',
  'widget_article_slug',
  'widget_article_title',
  'widget_trigger_id',
  'widget_item_type',
  'widget_id',
  'widget_lang',
  'widget_operator_group_id',
  'widget_operator_id',
  'widget_prefilled',
  'widget_auto_submitted',
  'widget_error_count',
  'widget_elapsed_ms',
  'lead_source',
  'user_data',
  'widget_schema',
] as const satisfies readonly (keyof WidgetPush)[];

/** Compile-time proof that SCHEMA_KEYS lists every key of WidgetPush (fails the typecheck otherwise). */
export type SchemaKeysComplete = AssertNever<Exclude<keyof WidgetPush, (typeof SCHEMA_KEYS)[number]>>;
