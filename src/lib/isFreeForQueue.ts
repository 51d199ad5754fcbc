/**
 * Whether `window[name]` can serve as the dataLayer: unset, or an object with
 * `push`. A name the page already uses for something else (`location`,
 * `document`, `name`, an `on…` handler) would be overwritten or navigate.
 */
export function isFreeForQueue(name: string): boolean {
  if (typeof window == 'undefined') return true;
  for (let owner: object | null = window; owner; owner = Object.getPrototypeOf(owner)) {
    const descriptor = Object.getOwnPropertyDescriptor(owner, name);
    if (descriptor) {
      const value: unknown = descriptor.value;
      return (
        !descriptor.get &&
        !descriptor.set &&
        (value === undefined || (typeof value == 'object' && value !== null && typeof (value as { push?: unknown }).push == 'function'))
      );
    }
  }
  return true;
}
