/** A serialized origin as browsers put it in `MessageEvent.origin`: scheme, host, optional port, nothing else. */
const ORIGIN = /^https?:\/\/[a-z0-9.-]+(:\d+)?$/;

/**
 * Whether a configured value can equal a `MessageEvent.origin`: the rule of every vendor's extra
 * `origins` option (https://html.spec.whatwg.org/multipage/browsers.html#ascii-serialisation-of-an-origin).
 */
export function isOrigin(value: unknown): value is string {
  return typeof value == 'string' && ORIGIN.test(value);
}
