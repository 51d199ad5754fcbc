// What bench/run.mjs and bench/compare.mjs share: the host page they open and their statistics.

/** The benchmark page's origin; the context route answers it with an empty, isolated page. */
export const HOST = 'https://bench.acme-shop.test/';

/**
 * The host page is cross-origin isolated (COOP + COEP): Chromium then gives performance.now() 5 µs
 * resolution instead of 100 µs, which install times of about a millisecond need.
 */
export const ISOLATED = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };

/** The host page's response, for `route.fulfill`. */
export const HOST_PAGE = { contentType: 'text/html', headers: ISOLATED, body: '<!doctype html><title>bench</title>' };

/** A built file's text without its source map comment (served inline, the comment would fetch the map). */
export function withoutSourceMap(text) {
  const stripped = text.replace(/\n\/\/# sourceMappingURL=.*\s*$/, '');
  if (stripped.includes('sourceMappingURL')) throw new Error('bench: the source map comment was not stripped');
  return stripped;
}

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** `min–max` of the values. */
export const range = (values, digits = 2) => `${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)}`;
