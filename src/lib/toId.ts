import { foldText } from './foldText';
import { hasContactMark } from './looksPersonal';

/**
 * A vendor id as a string: finite numbers in decimal, strings as they are
 * unless they could be personal data. Ids never hold whitespace, an at-sign
 * in any spelling or a phone number, while an e-mail address, a "First Last"
 * name or a number put in an id field by a sloppy integration would: those
 * are dropped rather than pushed. Look-alike characters are folded first
 * (foldText), so `jane﹫acme.com` or a number in fullwidth digits is dropped
 * too. Pure digit strings stay (numeric ids are common); a string shaped like
 * a phone number (`+49…`, `0049…`, `(030)…`, `555-010-0100`) does not.
 * Anything else is `undefined`.
 */
export function toId(value: unknown): string | undefined {
  if (typeof value == 'number') return isFinite(value) ? String(value) : undefined;
  if (typeof value != 'string') return undefined;
  const plain = foldText(value);
  return value && !WHITESPACE.test(plain) && !hasContactMark(plain) && !PHONE_SHAPED.test(plain) ? value : undefined;
}

const WHITESPACE = /\s/;
/** International or bracketed prefixes, or the usual three groups of a national number. */
const PHONE_SHAPED = /^(?:\+|%2b|00|\()[\d()./-]{6,}$|^\d{2,5}[./-]\d{3,4}[./-]\d{3,5}$/i;
