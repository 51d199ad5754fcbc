/** A vendor id as a string: strings as they are, finite numbers in decimal, anything else `undefined`. */
export function toId(value: unknown): string | undefined {
  return typeof value == 'string' ? value || undefined : typeof value == 'number' && isFinite(value) ? String(value) : undefined;
}
