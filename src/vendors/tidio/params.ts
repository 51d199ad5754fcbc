import type { AssertNever } from '../../core/schema';

/**
 * Tidio detail keys: the chat's status and that an e-mail was given; never the pre-chat form's data
 * (`form_data`: e-mail, name, phone…) nor a message.
 */
export interface TidioParams {
  /** The chat's availability as the vendor reports it, lower-case, from a fixed allow-list: LiveChat `online`, `offline` (`ready`'s `state.availability`, `availability_changed`); Tidio `online`, `offline` (`setStatus`). */
  widget_availability: string | undefined;
  /** `onLeadGenerated`, chatflow notifications: whether the visitor left an e-mail address (never the address); Tidio `preFormFilled`: whether the pre-chat form's `email` is an address. */
  widget_email_provided: boolean | undefined;
}

/** The keys of {@link TidioParams}, in push order. */
export const tidioKeys = ['widget_availability', 'widget_email_provided'] as const satisfies readonly (keyof TidioParams)[];

/** Compile-time proof that the list names every key of the interface. */
export type TidioKeysComplete = AssertNever<Exclude<keyof TidioParams, (typeof tidioKeys)[number]>>;
