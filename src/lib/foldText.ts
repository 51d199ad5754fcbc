/**
 * Text as the privacy checks compare it: every spelling that shows or means
 * the same character folded into its plain one, so an e-mail address or a
 * phone number cannot pass by being written differently.
 * - Compatibility forms, NFKC (https://unicode.org/reports/tr15/): `＠`
 *   FULLWIDTH and `﹫` SMALL COMMERCIAL AT become `@`, fullwidth, circled and
 *   mathematical digits and letters their ASCII ones, `＋` a plus.
 * - TAG COMMERCIAL AT (U+E0040), an invisible copy of `@`, becomes `@`.
 * - Invisible format characters (soft hyphen, zero-width spaces and joiners,
 *   word joiner, BOM) become spaces: an id never holds one, and a phone
 *   number split by them is still a run of digits.
 * - Decimal digits of every other script (Arabic-Indic, Devanagari…) become
 *   `0`, so a phone number written in them is still a run of digits.
 */
export function foldText(text: string): string {
  const folded = (text.normalize ? text.normalize('NFKC') : text).replace(TAG_AT, '@').replace(INVISIBLE, ' ');
  return OTHER_DIGIT ? folded.replace(OTHER_DIGIT, '0') : folded;
}

/** U+E0040 as a UTF-16 surrogate pair. */
const TAG_AT = /\uDB40\uDC40/g;
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u2060-\u2064\uFEFF]/g;
/** Built from a string: the ES5 paste cannot hold a regular expression literal with the `u` flag. */
const OTHER_DIGIT: RegExp | undefined = (() => {
  try {
    return new RegExp('(?![0-9])\\p{Nd}', 'gu');
  } catch {
    return undefined; // a browser without Unicode property escapes (before 2020): ASCII digits only
  }
})();
