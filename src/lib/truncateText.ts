/**
 * Cuts `text` to at most `max` UTF-16 units without splitting a surrogate pair
 * (an emoji cut in half is a lone surrogate, which `encodeURIComponent` and
 * so GA4's collection requests throw on), and replaces any lone surrogate the
 * vendor sent with U+FFFD. https://tc39.es/ecma262/#sec-encodeuricomponent-uricomponent
 */
export function truncateText(text: string, max: number): string {
  let cut = text.length > max ? text.slice(0, max) : text;
  const last = cut.charCodeAt(cut.length - 1);
  if (cut.length < text.length && last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return LONE_SURROGATE.test(cut) ? cut.replace(SURROGATES, keepPairs) : cut;
}

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const SURROGATES = /[\uD800-\uDBFF][\uDC00-\uDFFF]|[\uD800-\uDFFF]/g;
const keepPairs = (match: string) => (match.length == 2 ? match : '\uFFFD');
