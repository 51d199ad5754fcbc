import type { AssertNever } from '../../core/schema';

/** Intercom detail keys: that an e-mail was given, never the address (the callback does not hand it over). */
export interface IntercomParams {
  /** Whether the visitor left an e-mail address (never the address): Customerly `onLeadGenerated` and chatflow notifications, Tidio `preFormFilled`, tawk.to pre-chat and offline forms, Crisp `user:email:changed`, Intercom `onUserEmailSupplied`, Drift `emailCapture`. */
  widget_email_provided: boolean | undefined;
}

/** The keys of {@link IntercomParams}, in push order. */
export const intercomKeys = ['widget_email_provided'] as const satisfies readonly (keyof IntercomParams)[];

/** Compile-time proof that the list names every key of the interface. */
export type IntercomKeysComplete = AssertNever<Exclude<keyof IntercomParams, (typeof intercomKeys)[number]>>;
