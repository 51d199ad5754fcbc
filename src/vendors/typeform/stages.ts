/**
 * Typeform message type → stage. The types are the ones the form iframe posts
 * and npm `@typeform/embed` (build/index.js, `getForm…Handler`) turns into the
 * site's callbacks. Layout and navigation messages (`form-height-changed`,
 * `form-theme`, `welcome-screen-hidden`, `redirect-after-submit`,
 * `thank-you-screen-redirect`) are deliberately absent: nothing the visitor did.
 */
import type { StageTable } from '../../core/adapter';

export const typeformStages = {
  'form-ready': 'view',
  'form-started': 'start',
  'form-screen-changed': 'interaction',
  'form-submit': 'submit',
  'thank-you-screen-button-click': 'interaction',
  'duplicate-detected': 'unavailable',
  'form-close': 'close',
} as const satisfies StageTable;

/** A Typeform message type. */
export type TypeformAction = keyof typeof typeformStages;
