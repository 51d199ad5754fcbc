/**
 * Normalizes an e-mail address the way Google's enhanced conversions expect
 * before hashing: trimmed, lower case, and for gmail.com / googlemail.com
 * without the dots of the local part.
 * https://developers.google.com/google-ads/api/docs/conversions/enhanced-conversions/web#normalization-and-hashing
 */
export function normalizeEmail(email: string): string {
  const normalized = email.trim().toLowerCase();
  const at = normalized.lastIndexOf('@');
  const domain = normalized.slice(at + 1);
  return at > 0 && (domain == 'gmail.com' || domain == 'googlemail.com')
    ? normalized.slice(0, at).replace(/\./g, '') + '@' + domain
    : normalized;
}
