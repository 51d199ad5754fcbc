/**
 * SHA-256 of a string as lower-case hex, with Web Crypto (in the browser, for hashed e-mail).
 * Rejects (never throws) where Web Crypto is missing, e.g. on http:// pages.
 */
export function sha256Hex(text: string): Promise<string> {
  return Promise.resolve()
    .then(() => crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))
    .then((digest) => Array.from(new Uint8Array(digest), (byte) => (byte + 256).toString(16).slice(1)).join(''));
}
