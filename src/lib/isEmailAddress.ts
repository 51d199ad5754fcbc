/**
 * Whether a normalized string is shaped like an e-mail address (one `@`, a
 * non-empty local part, a dotted domain). Blank or malformed values are never
 * hashed: every blank lead would otherwise share one "e-mail" hash.
 */
export function isEmailAddress(text: string): boolean {
  return EMAIL.test(text);
}

const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;
