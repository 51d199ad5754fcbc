/**
 * Why a configured origin can never equal a `MessageEvent.origin`, which the
 * browser serializes as scheme and host in lower case, with a port when it is
 * not the default, and nothing after
 * (https://html.spec.whatwg.org/multipage/browsers.html#ascii-serialisation-of-an-origin).
 * For the messages of every vendor's `origins` option where the configuration
 * is written; `undefined` when the entry has no such flaw.
 */
export function whyNotOrigin(value: unknown): string | undefined {
  return typeof value != 'string'
    ? 'not a string'
    : !/^https?:\/\//.test(value)
      ? 'an origin starts with https://'
      : /^https?:\/\/[^/]*\//.test(value)
        ? 'an origin has no path or trailing slash'
        : value != value.toLowerCase()
          ? 'browsers write origins in lower case'
          : undefined;
}
