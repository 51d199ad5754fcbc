import type { AssertNever } from '../../core/schema';

/**
 * Typeform detail keys: the form's id only. Never answers, hidden fields, the
 * question or ending `ref` (a name the form's author chose) or the response
 * itself; the response id is the interaction id.
 */
export interface TypeformParams {
  /** The widget's id at its vendor: Userlike widget id (`global_ctx.widget_id`), Typeform form id (`formId`). */
  widget_id: string | undefined;
}

/** The keys of {@link TypeformParams}, in push order (`widget_id` is shared with Userlike). */
export const typeformKeys = ['widget_id'] as const satisfies readonly (keyof TypeformParams)[];

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
