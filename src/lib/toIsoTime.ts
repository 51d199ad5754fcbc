/**
 * Epoch seconds below this are seconds, above it milliseconds: 1e11 seconds is
 * the year 5138, 1e11 milliseconds is 1973. Chili Piper sends both forms
 * (browser message example in seconds, webhook in milliseconds).
 */
const SECONDS_LIMIT = 1e11;

/**
 * Normalizes a vendor timestamp (epoch seconds, epoch milliseconds, numeric
 * string or date string) to ISO 8601 UTC, or `undefined` when it is not a
 * usable time.
 */
export function toIsoTime(value: unknown): string | undefined {
  if (typeof value == 'string') value = isNaN(+value) ? Date.parse(value) : +value;
  if (typeof value != 'number' || !(value > 0)) return undefined;
  const date = new Date(value < SECONDS_LIMIT ? value * 1000 : value);
  // Out-of-range times make an Invalid Date, whose toISOString throws.
  return isNaN(date.getTime()) ? undefined : date.toISOString();
}
