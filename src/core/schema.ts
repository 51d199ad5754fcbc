/**
 * The normalized event schema (v1): the public contract between the bridge and
 * every GTM trigger, variable and GA4 report built on it. The core keys are
 * here; each vendor adds its detail keys (src/vendors/<vendor>/params.ts) and
 * src/vendors/registry.ts composes the whole schema. See docs/events.md.
 */

/** Fails the typecheck unless `T` is `never`: the building block of the completeness checks. */
export type AssertNever<T extends never> = T;

/** Version of this schema, pushed as `widget_schema` on every event. */
export const SCHEMA_VERSION = 1;

/** Every stage, the funnel steps first in funnel order. Each vendor event maps to exactly one. */
export const STAGES = ['view', 'open', 'start', 'submit', 'complete', 'cancel', 'close', 'unavailable', 'error', 'interaction'] as const;

/** One of the stages of {@link STAGES}. */
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

/** The funnel steps, in funnel order: each is pushed at most once per interaction. */
export const FUNNEL_STEPS: readonly WidgetStage[] = ['view', 'open', 'start', 'submit', 'complete'];

/** The GA4 recommended event pushed once per interaction on a conversion action. */
export const LEAD_EVENT = 'generate_lead';

/**
 * Keys common to every vendor's push.
 */
export interface WidgetCommonParams<Vendor extends string = string> {
  /** Which vendor reported the event. */
  widget_vendor: Vendor;
  /** The widget within the vendor: `concierge`, `live_chat`, `messenger`, `click_to_call`, `web_chat`, `callback`, `send_message`, `scheduling`, `form`, `booker`, and HubSpot's `meetings`, `forms`, `chat`. */
  widget_product: string;
  /** The vendor's own event name, verbatim (e.g. `timeslot-selected`, `onChatOpened`, `ClickToCall.completed`). */
  widget_action: string;
  /** The funnel stage of this event; also set when the event-name prefix is customised. */
  widget_stage: WidgetStage;
  /** The vendor's correlation id when known (Chili Piper routeId, Userlike chat_id/session_id, Calendly's scheduled event UUID, HubSpot's form instance or conversation id, or `meetings-<n>` for its n-th scheduling iframe…). Never personal data. */
  widget_interaction_id: string | undefined;
  /** `true` when the vendor says the interaction was started proactively. */
  widget_proactive: boolean | undefined;
}

/** Keys only present on the `generate_lead` push. */
export interface LeadParams<Vendor extends string = string> {
  /** The vendor that produced the lead (same value as `widget_vendor`); `undefined` on non-lead pushes. */
  lead_source: Vendor | undefined;
  /**
   * GA4 enhanced-conversions user data; only with `hashEmail: true`, only on lead pushes,
   * and only ever a SHA-256 hex digest of the normalized e-mail.
   */
  user_data: { sha256_email_address: string } | undefined;
}

/** The schema version key of every push. */
export interface SchemaVersionParam {
  /** Schema version ({@link SCHEMA_VERSION}). */
  widget_schema: typeof SCHEMA_VERSION;
}

/** The common keys, in push order: they come first, so GA4's 25-parameter cap drops vendor details first. */
export const COMMON_KEYS = [
  'event',
  'widget_vendor',
  'widget_product',
  'widget_action',
  'widget_stage',
  'widget_interaction_id',
  'widget_proactive',
] as const satisfies readonly ('event' | keyof WidgetCommonParams)[];

/** The keys after the vendors' detail keys. */
export const CLOSING_KEYS = ['lead_source', 'user_data', 'widget_schema'] as const satisfies readonly (
  keyof LeadParams | keyof SchemaVersionParam
)[];

/** Compile-time proof that COMMON_KEYS and CLOSING_KEYS list every core key. */
export type CoreKeysComplete = AssertNever<
  Exclude<
    keyof WidgetCommonParams | keyof LeadParams | keyof SchemaVersionParam,
    (typeof COMMON_KEYS)[number] | (typeof CLOSING_KEYS)[number]
  >
>;

/** Every parameter of a push besides `event`, for a vendor set and its detail keys. */
export type WidgetParamsOf<Vendor extends string, Details> = WidgetCommonParams<Vendor> & Details & LeadParams<Vendor> & SchemaVersionParam;

/**
 * One dataLayer push. Always carries every key of the schema, absent values
 * set to `undefined`, because GTM's data model merges pushes and would
 * otherwise leak an earlier interaction's values into this event.
 */
export type WidgetPushOf<Vendor extends string, Details> = WidgetParamsOf<Vendor, Details> & EventParam;

/** The event name of a push. */
export interface EventParam {
  /** `eventPrefix` + stage (default `widget_open`, `widget_complete`…), or `generate_lead`. */
  event: string;
}

/** Any push, as the core handles it: the composed types live in src/vendors/registry.ts. */
export type AnyParams = Partial<WidgetCommonParams & LeadParams & SchemaVersionParam> & { [key: string]: unknown };
