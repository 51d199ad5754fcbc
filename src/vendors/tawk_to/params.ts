import type { AssertNever } from '../../core/schema';

/**
 * tawk.to detail keys, from the callbacks' arguments; never the pre-chat or offline form's name, e-mail
 * or message, a message text, the agent's name or image, or an uploaded file's link.
 */
export interface TawkToParams {
  /** The chat's availability as the vendor reports it, lower-case, from a fixed list per vendor: LiveChat `online`, `offline` (`ready`'s `state.availability`, `availability_changed`); Tidio `online`, `offline` (`setStatus`); tawk.to `online`, `away`, `offline` (`onStatusChange`); Crisp `online` for true, `away` for false (`website:availability:changed`); Drift `online`, `offline` (`ready`'s `isOnline`). */
  widget_availability: string | undefined;
  /** A chat rating's value as the vendor names it, from a fixed list per vendor, never a comment: LiveChat `good`, `bad`, `none` (`rating_submitted`); tawk.to `like`, `neutral`, `dislike` for 1, 0, -1 (`onChatSatisfaction`). */
  widget_rating: string | undefined;
  /** Whether the visitor left an e-mail address (never the address): Customerly `onLeadGenerated` and chatflow notifications, Tidio `preFormFilled`, tawk.to pre-chat and offline forms, Crisp `user:email:changed`, Intercom `onUserEmailSupplied`, Drift `emailCapture`. */
  widget_email_provided: boolean | undefined;
  /** Operator of the current chat, an id, never the name: Userlike `session_ctx.operator_id`, tawk.to the agent's `id` on `onAgentJoinChat` / `onAgentLeaveChat`. */
  widget_operator_id: string | undefined;
}

/** The keys of {@link TawkToParams}, in push order. */
export const tawkToKeys = [
  'widget_availability',
  'widget_rating',
  'widget_email_provided',
  'widget_operator_id',
] as const satisfies readonly (keyof TawkToParams)[];

/** Compile-time proof that the list names every key of the interface. */
export type TawkToKeysComplete = AssertNever<Exclude<keyof TawkToParams, (typeof tawkToKeys)[number]>>;
