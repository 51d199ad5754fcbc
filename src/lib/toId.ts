/**
 * A vendor id as a string: finite numbers in decimal, strings as they are
 * unless they hold `@` or whitespace. Ids never do, while an e-mail address
 * or a "First Last" name put in an id field by a sloppy integration would:
 * those are dropped rather than pushed. Anything else is `undefined`.
 */
export function toId(value: unknown): string | undefined {
  return typeof value == 'string'
    ? /^[^@\s]+$/.test(value)
      ? value
      : undefined
    : typeof value == 'number' && isFinite(value)
      ? String(value)
      : undefined;
}
