import { foldText } from './foldText';

/**
 * Whether free text (an article title, say) carries what looks like an
 * e-mail address or a phone number: an at-sign in any spelling or encoding, a
 * contact link, or a run of seven or more digits (separators allowed), each
 * after folding look-alike characters (foldText). Deliberately broad: a false
 * positive drops one value, a false negative would send personal data to
 * Google Analytics, which its terms forbid.
 * https://support.google.com/analytics/answer/6366371
 */
export function looksPersonal(text: string): boolean {
  const plain = foldText(text);
  if (hasContactMark(plain)) return true;
  const runs = plain.match(DIGIT_RUN);
  if (runs) for (let i = 0; i < runs.length; i++) if (runs[i].replace(NON_DIGIT, '').length >= 7) return true;
  return false;
}

/**
 * Whether folded text holds the at-sign of an e-mail address, in any encoding
 * seen in the wild (`%40`, double-encoded `%2540`, HTML `&#64;` `&#x40;`
 * `&commat;`, escaped `\u0040` `\x40`, `(at)` `[at]` `{at}` `<at>`), or a
 * contact link (`mailto:`, `tel:`, `callto:`, `sms:`). The one list both the
 * id check (toId) and the free-text check use.
 */
export function hasContactMark(plain: string): boolean {
  return CONTACT_MARK.test(plain);
}

const CONTACT_MARK = /@|%(?:25)*40|&#0*64;|&#x0*40;|&commat;|\\(?:u0*|x)40|[([{<]\s*at\s*[)\]}>]|mailto:|tel:|callto:|sms:/i;
/** Digits with the punctuation phone numbers are written with. */
const DIGIT_RUN = /[+(]?\d[\d\s()./-]*/g;
const NON_DIGIT = /\D/g;
