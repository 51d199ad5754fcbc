import { LOG_PREFIX } from '../lib/logPrefix';

/**
 * What the page says about a configuration it cannot use: a code, the
 * offending path and a link to the page that explains every code
 * (docs/warnings.md). The full messages belong where the configuration is
 * written: the GTM template's field validators, the playground's tag
 * generator and `npx gtm-widget-bridge paste` run the full validation
 * (src/authoring/config.ts), so no page pays for them.
 */
export const WARNINGS_URL = 'https://github.com/gtm-widget-bridge/gtm-widget-bridge/blob/main/docs/warnings.md#';

/** The configuration is not an object, or cannot be read at all: every default is used. */
export const W_CONFIG = 'W1';
/** A field's value is invalid: its default is used. */
export const W_VALUE = 'W2';
/** One entry of a list is invalid: it is left out, the rest is kept. */
export const W_ENTRY = 'W3';
/** A lead action the vendor does not have. */
export const W_LEAD_ACTION = 'W4';
/** A key of an earlier version: read as its new name. */
export const W_RENAMED = 'W5';
/** `window.gtmWidgetBridge` cannot be set: the bridge does not install, as it could not tell a second copy. */
export const W_NOT_INSTALLED = 'W6';

/** One of the codes above. */
export type WarningCode =
  typeof W_CONFIG | typeof W_VALUE | typeof W_ENTRY | typeof W_LEAD_ACTION | typeof W_RENAMED | typeof W_NOT_INSTALLED;

/** Writes one warning: shown whether or not debug is on. */
export function warnCode(code: WarningCode, path: string): void {
  console.warn(LOG_PREFIX + code + ' ' + path + ' ' + WARNINGS_URL + code.toLowerCase());
}
