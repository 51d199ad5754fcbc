import type { AssertNever } from '../../core/schema';

/**
 * Crisp detail keys, from the events' arguments; never an e-mail address, phone number, nickname, message
 * content or helpdesk query.
 */
export interface CrispParams {
  /** The chat's availability as the vendor reports it, lower-case, from a fixed list per vendor: LiveChat `online`, `offline` (`ready`'s `state.availability`, `availability_changed`); Tidio `online`, `offline` (`setStatus`); tawk.to `online`, `away`, `offline` (`onStatusChange`); Crisp `online` for true, `away` for false (`website:availability:changed`); Drift `online`, `offline` (`ready`'s `isOnline`). */
  widget_availability: string | undefined;
  /** Whether the visitor left an e-mail address (never the address): Customerly `onLeadGenerated` and chatflow notifications, Tidio `preFormFilled`, tawk.to pre-chat and offline forms, Crisp `user:email:changed`, Intercom `onUserEmailSupplied`, Drift `emailCapture`. */
  widget_email_provided: boolean | undefined;
}

/** The keys of {@link CrispParams}, in push order. */
export const crispKeys = ['widget_availability', 'widget_email_provided'] as const satisfies readonly (keyof CrispParams)[];

/** Compile-time proof that the list names every key of the interface. */
export type CrispKeysComplete = AssertNever<Exclude<keyof CrispParams, (typeof crispKeys)[number]>>;
