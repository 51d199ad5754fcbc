import type { AssertNever } from '../../core/schema';

/**
 * Typeform detail keys: the form's id and the time since the form loaded. Never answers, hidden fields, the
 * question or ending `ref` (a name the form's author chose) or the response
 * itself; the response id is the interaction id.
 */
export interface TypeformParams {
  /** The widget's id at its vendor: Userlike widget id (`global_ctx.widget_id`), Typeform form id (`formId`), Cal.com the embed's namespace (it names one embed of the page), HubSpot the form's id (`detail.formId` of a form event, `id` of a legacy `hsFormCallback` message). */
  widget_id: string | undefined;
  /** Milliseconds from the widget's opening to this step: Genesys, from `opened` to this step when both timestamps exist in the metadata; Typeform, from the embed's `form-ready` (as the bridge heard them). */
  widget_elapsed_ms: number | undefined;
}

/** The keys of {@link TypeformParams}, in push order (shared with Userlike and Genesys). */
export const typeformKeys = ['widget_id', 'widget_elapsed_ms'] as const satisfies readonly (keyof TypeformParams)[];

/** Compile-time proof that the list names every key of the interface. */
export type TypeformKeysComplete = AssertNever<Exclude<keyof TypeformParams, (typeof typeformKeys)[number]>>;

/** Typeform's options, under `typeform` in the configuration. */
export interface TypeformOptions {
  /**
   * Extra exact origins (e.g. `https://forms.example.com`, a Typeform custom
   * domain) accepted for form messages besides `https://form.typeform.com`
   * and `https://form.typeform.eu`.
   */
  origins: string[];
}
