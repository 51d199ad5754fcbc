/**
 * The per-booking token in the webhook URL: it seals the visitor's GA ids,
 * the issue time, the expiry and the consent state with AES-256-GCM, so
 * Chili Piper (which stores the URL) never sees a GA id in clear and the
 * relay stores no identity. Keys are named by id; a token names its key, so
 * keys rotate without breaking tokens already handed out. Web Crypto only:
 * the same code runs on Node and on Cloudflare Workers.
 * https://developer.mozilla.org/en-US/docs/Web/API/SubtleCrypto/encrypt#aes-gcm
 */

/** What a token carries. */
export interface TokenClaims {
  /** GA4 client id (the `_ga` cookie's id). */
  clientId: string;
  /** GA4 session id, when the browser knew it. */
  sessionId?: string;
  /** Issue time, epoch milliseconds. */
  issuedAt: number;
  /** Expiry, epoch milliseconds. */
  expiresAt: number;
  /** Analytics consent when the token was issued. */
  analyticsConsent: boolean;
  /**
   * Whether the browser counts this booking as a lead: the relay then sends
   * its one `generate_lead` and the browser does not.
   */
  lead: boolean;
}

/** Key id → 32 random bytes, base64url. The first key seals; every key opens. */
export type TokenKeys = Record<string, string>;

const KEY_ID = /^[A-Za-z0-9]{1,16}$/;

function fromBase64Url(text: string): Uint8Array | undefined {
  // One character past a multiple of four encodes no whole byte: atob would throw.
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 == 1) return undefined;
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  // Only the canonical spelling: the last character's unused bits would otherwise let one token be written
  // several ways, and each spelling would hash (and bind to a booking) differently.
  return toBase64Url(bytes) === text ? bytes : undefined;
}
function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

// Imported once per key: importing costs a round trip through the platform's crypto on every call otherwise.
const imported = new Map<string, Promise<CryptoKey>>();
function importKey(raw: string): Promise<CryptoKey> {
  let key = imported.get(raw);
  if (!key) {
    const bytes = fromBase64Url(raw);
    if (!bytes || bytes.length != 32) return Promise.reject(new Error('a token key is 32 bytes, base64url'));
    key = crypto.subtle.importKey('raw', bytes as BufferSource, 'AES-GCM', false, ['encrypt', 'decrypt']);
    imported.set(raw, key);
  }
  return key;
}

/**
 * Seals any JSON value: `<keyId>.<base64url(iv ‖ ciphertext ‖ tag)>`. The key
 * id and `purpose` are authenticated as additional data, so a value sealed
 * for one purpose (an outbox entry) never opens as another (a token).
 */
export async function sealJson(value: unknown, keys: TokenKeys, purpose: string): Promise<string> {
  const [keyId] = Object.keys(keys);
  if (!keyId || !KEY_ID.test(keyId)) throw new Error('no usable token key');
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const plaintext = new TextEncoder().encode(JSON.stringify(value));
  const additionalData = new TextEncoder().encode(keyId + '|' + purpose);
  const sealed = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData }, await importKey(keys[keyId]), plaintext),
  );
  const out = new Uint8Array(iv.length + sealed.length);
  out.set(iv);
  out.set(sealed, iv.length);
  return keyId + '.' + toBase64Url(out);
}

/** The value `sealJson` sealed with one of `keys` for `purpose`; undefined for anything else. */
export async function openJson(sealed: string, keys: TokenKeys, purpose: string): Promise<unknown> {
  if (typeof sealed != 'string' || sealed.length > 4096) return undefined;
  const dot = sealed.indexOf('.');
  const keyId = sealed.slice(0, dot);
  if (dot < 1 || !KEY_ID.test(keyId) || !Object.prototype.hasOwnProperty.call(keys, keyId)) return undefined;
  const bytes = fromBase64Url(sealed.slice(dot + 1));
  if (!bytes || bytes.length < 12 + 16) return undefined;
  try {
    const plaintext = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: bytes.slice(0, 12), additionalData: new TextEncoder().encode(keyId + '|' + purpose) },
      await importKey(keys[keyId]),
      bytes.slice(12),
    );
    return JSON.parse(new TextDecoder().decode(plaintext));
  } catch {
    return undefined; // tampered, truncated or sealed with another key
  }
}

/** A token: the claims sealed for the webhook URL. */
export const sealToken = (claims: TokenClaims, keys: TokenKeys): Promise<string> => sealJson(claims, keys, 'token');

const isClaims = (value: unknown): value is TokenClaims => {
  const claims = value as TokenClaims;
  return (
    typeof value == 'object' &&
    value !== null &&
    typeof claims.clientId == 'string' &&
    (claims.sessionId === undefined || typeof claims.sessionId == 'string') &&
    Number.isSafeInteger(claims.issuedAt) &&
    Number.isSafeInteger(claims.expiresAt) &&
    typeof claims.analyticsConsent == 'boolean' &&
    typeof claims.lead == 'boolean'
  );
};

/** The claims of a token sealed with one of `keys` and not expired at `now`; undefined for anything else. */
export async function openToken(token: string, keys: TokenKeys, now: number): Promise<TokenClaims | undefined> {
  if (typeof token != 'string' || token.length > 1024) return undefined;
  const claims = await openJson(token, keys, 'token');
  return isClaims(claims) && claims.issuedAt <= now && now < claims.expiresAt ? claims : undefined;
}
