import type { AssertNever } from '../../core/schema';

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
  /** Milliseconds from the widget's opening to this step: Genesys, from `opened` to this step when both timestamps exist in the metadata; Typeform, from the embed's `form-ready` (as the bridge heard them). */
  widget_elapsed_ms: number | undefined;
}

/** The keys of {@link GenesysParams}, in push order. */
export const genesysKeys = [
  'widget_prefilled',
  'widget_auto_submitted',
  'widget_error_count',
  'widget_elapsed_ms',
] as const satisfies readonly (keyof GenesysParams)[];

/** Compile-time proof that the list names every key of the interface. */
export type GenesysKeysComplete = AssertNever<Exclude<keyof GenesysParams, (typeof genesysKeys)[number]>>;
