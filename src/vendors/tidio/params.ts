import type { AssertNever } from '../../core/schema';

/**
 * Tidio detail keys: the chat's status and that an e-mail was given; never the pre-chat form's data
 * (`form_data`: e-mail, name, phone…) nor a message.
 */
export interface TidioParams {
  /** The chat's availability as the vendor reports it, lower-case, from a fixed list per vendor: LiveChat `online`, `offline` (`ready`'s `state.availability`, `availability_changed`); Tidio `online`, `offline` (`setStatus`); tawk.to `online`, `away`, `offline` (`onStatusChange`); Crisp `online` for true, `away` for false (`website:availability:changed`); Drift `online`, `offline` (`ready`'s `isOnline`). */
  widget_availability: string | undefined;
  /** Whether the visitor left an e-mail address (never the address): Customerly `onLeadGenerated` and chatflow notifications, Tidio `preFormFilled`, tawk.to pre-chat and offline forms, Crisp `user:email:changed`, Intercom `onUserEmailSupplied`, Drift `emailCapture`. */
  widget_email_provided: boolean | undefined;
}

/** The keys of {@link TidioParams}, in push order. */
export const tidioKeys = ['widget_availability', 'widget_email_provided'] as const satisfies readonly (keyof TidioParams)[];

/** Compile-time proof that the list names every key of the interface. */
export type TidioKeysComplete = AssertNever<Exclude<keyof TidioParams, (typeof tidioKeys)[number]>>;
