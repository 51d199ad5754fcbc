/**
 * The per-booking token in the webhook URL: it seals the visitor's GA ids,
 * the issue time, the expiry and the consent state with AES-256-GCM, so
 * Chili Piper (which stores the URL) never sees a GA id in clear and the
 * relay stores no identity. Keys are named by id; a token names its key, so
 * keys rotate without breaking tokens already handed out. `node:crypto`,
 * which Node and Cloudflare Workers (`nodejs_compat`) both provide, and
 * synchronously: no thread-pool round trip per token.
 * https://nodejs.org/api/crypto.html#cryptocreatecipherivalgorithm-key-iv-options
 * https://developers.cloudflare.com/workers/runtime-apis/nodejs/crypto/
 */
import { Buffer } from 'node:buffer';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** What a token carries. */
export interface TokenClaims {
  /** GA4 client id (the `_ga` cookie's id). */
  clientId: string;
  /** GA4 session id (the session's start, in seconds), when the browser knew it. */
  sessionId?: string;
  /** Issue time, epoch milliseconds: the page asked for the token, so the visitor was active then. */
  issuedAt: number;
  /** Expiry, epoch milliseconds. */
  expiresAt: number;
  /** Analytics consent when the token was issued. */
  analyticsConsent: boolean;
  /** Consent Mode's `ad_user_data` when the token was issued. */
  adUserData: boolean;
  /** Consent Mode's `ad_personalization` when the token was issued. */
  adPersonalization: boolean;
  /**
   * Whether the browser counts this booking as a lead: the relay then sends
   * its one `generate_lead` and the browser does not.
   */
  lead: boolean;
}

/** Key id → 32 random bytes, base64url. The first key seals; every key opens. */
export type TokenKeys = Record<string, string>;

const KEY_ID = /^[A-Za-z0-9]{1,16}$/;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** The bytes of canonical base64url text; undefined for anything else. */
function fromBase64Url(text: string): Buffer | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 == 1) return undefined;
  const bytes = Buffer.from(text, 'base64url');
  // Only the canonical spelling: the last character's unused bits would otherwise let one token be written
  // several ways, and each spelling would hash (and bind to a booking) differently.
  return bytes.toString('base64url') === text ? bytes : undefined;
}

// Decoded once per key.
const decoded = new Map<string, Buffer>();
function keyBytes(raw: string): Buffer {
  let key = decoded.get(raw);
  if (!key) {
    key = fromBase64Url(raw);
    if (!key || key.length != 32) throw new Error('a token key is 32 bytes, base64url');
    decoded.set(raw, key);
  }
  return key;
}

/**
 * Seals any JSON value: `<keyId>.<base64url(iv ‖ ciphertext ‖ tag)>`. The key
 * id and `purpose` are authenticated as additional data, so a value sealed
 * for one purpose (an outbox entry) never opens as another (a token).
 */
export function sealJson(value: unknown, keys: TokenKeys, purpose: string): string {
  const [keyId] = Object.keys(keys);
  if (!keyId || !KEY_ID.test(keyId)) throw new Error('no usable token key');
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keyBytes(keys[keyId]), iv);
  cipher.setAAD(Buffer.from(keyId + '|' + purpose));
  const sealed = Buffer.concat([iv, cipher.update(JSON.stringify(value), 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return keyId + '.' + sealed.toString('base64url');
}

/** The value `sealJson` sealed with one of `keys` for `purpose`; undefined for anything else. */
export function openJson(sealed: string, keys: TokenKeys, purpose: string): unknown {
  if (typeof sealed != 'string' || sealed.length > 4096) return undefined;
  const dot = sealed.indexOf('.');
  const keyId = sealed.slice(0, dot);
  if (dot < 1 || !KEY_ID.test(keyId) || !Object.prototype.hasOwnProperty.call(keys, keyId)) return undefined;
  const bytes = fromBase64Url(sealed.slice(dot + 1));
  if (!bytes || bytes.length < IV_BYTES + TAG_BYTES) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyBytes(keys[keyId]), bytes.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(keyId + '|' + purpose));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    const plaintext = Buffer.concat([decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]);
    return JSON.parse(plaintext.toString('utf8'));
  } catch {
    return undefined; // tampered, truncated or sealed with another key
  }
}

/** A token: the claims sealed for the webhook URL. */
export const sealToken = (claims: TokenClaims, keys: TokenKeys): string => sealJson(claims, keys, 'token');

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
    typeof claims.adUserData == 'boolean' &&
    typeof claims.adPersonalization == 'boolean' &&
    typeof claims.lead == 'boolean'
  );
};

/** The claims of a token sealed with one of `keys` and not expired at `now`; undefined for anything else. */
export function openToken(token: string, keys: TokenKeys, now: number): TokenClaims | undefined {
  if (typeof token != 'string' || token.length > 1024) return undefined;
  const claims = openJson(token, keys, 'token');
  return isClaims(claims) && claims.issuedAt <= now && now < claims.expiresAt ? claims : undefined;
}
