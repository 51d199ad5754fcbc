import type { AssertNever } from '../../core/schema';

/**
 * LiveChat detail keys, from fixed allow-lists of the widget's documented values; never the customer
 * data (`customerData`: id, name, e-mail, session variables), an author's id or a message.
 */
export interface LivechatParams {
  /** The chat's availability as the vendor reports it, lower-case, from a fixed list per vendor: LiveChat `online`, `offline` (`ready`'s `state.availability`, `availability_changed`); Tidio `online`, `offline` (`setStatus`); tawk.to `online`, `away`, `offline` (`onStatusChange`); Crisp `online` for true, `away` for false (`website:availability:changed`); Drift `online`, `offline` (`ready`'s `isOnline`). */
  widget_availability: string | undefined;
  /** A chat rating's value as the vendor names it, from a fixed list per vendor, never a comment: LiveChat `good`, `bad`, `none` (`rating_submitted`); tawk.to `like`, `neutral`, `dislike` for 1, 0, -1 (`onChatSatisfaction`). */
  widget_rating: string | undefined;
  /** `onChatflowNotificationClicked`: the kind of item clicked (`button`, `article`, `close_button`…), never its caption or link; LiveChat `new_event`: the kind of chat event (`message`, `rich_message`, `file`), `form_submitted`: the form's type. */
  widget_item_type: string | undefined;
  /** The id of the automation that reached out: a Customerly trigger (`onTriggerFired`), a LiveChat greeting (`greeting_displayed` / `greeting_hidden`), a Drift playbook (`playbookId`) or a Zendesk proactive message's campaign (`campaignId`). */
  widget_trigger_id: string | undefined;
}

/** The keys of {@link LivechatParams}, in push order. */
export const livechatKeys = [
  'widget_availability',
  'widget_rating',
  'widget_item_type',
  'widget_trigger_id',
] as const satisfies readonly (keyof LivechatParams)[];

/** Compile-time proof that the list names every key of the interface. */
export type LivechatKeysComplete = AssertNever<Exclude<keyof LivechatParams, (typeof livechatKeys)[number]>>;
