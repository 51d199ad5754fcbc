/**
 * Whether free text (an article title, say) carries what looks like an
 * e-mail address or a phone number: an `@` in any spelling (`＠`, `%40`,
 * `(at)`, `[at]`), a `mailto:`/`tel:` link, or a run of seven or more digits
 * (separators allowed). Deliberately broad: a false positive drops one value,
 * a false negative would send personal data to Google Analytics, which its
 * terms forbid. https://support.google.com/analytics/answer/6366371
 */
export function looksPersonal(text: string): boolean {
  if (EMAIL_OR_LINK.test(text)) return true;
  const runs = text.match(DIGIT_RUN);
  if (runs) for (let i = 0; i < runs.length; i++) if (runs[i].replace(NON_DIGIT, '').length >= 7) return true;
  return false;
}

/** Every spelling of the `@` of an e-mail address seen in the wild, and contact links. */
export const EMAIL_OR_LINK = /@|\uFF20|%40|[([]at[)\]]|mailto:|tel:/i;
/** Digits with the punctuation phone numbers are written with. */
const DIGIT_RUN = /[+(]?\d[\d\s()./-]*/g;
const NON_DIGIT = /\D/g;
