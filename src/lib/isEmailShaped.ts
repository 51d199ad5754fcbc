import { isEmailAddress } from './isEmailAddress';
import { normalizeEmail } from './normalizeEmail';

/**
 * Whether a value a vendor hands over is an e-mail address once normalized: what `widget_email_provided`
 * says, and what the opt-in hash needs. Not blank, `"undefined"`, a name or any other text.
 */
export function isEmailShaped(value: unknown): value is string {
  return typeof value == 'string' && isEmailAddress(normalizeEmail(value));
}
