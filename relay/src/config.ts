/**
 * The relay's settings, read from environment variables (Node) or Worker
 * bindings (Cloudflare) by the same function, so both deployments take the
 * same names. Secrets (`GA4_API_SECRET`, `RELAY_TOKEN_KEYS`) are never logged.
 */
import { EVENT_NAME_PATTERN, MEASUREMENT_ID_PATTERN } from 'gtm-widget-bridge/ga4';
import { DEFAULT_SESSION_TIMEOUT, MAX_SESSION_TIMEOUT } from './measurementProtocol';
import type { TokenKeys } from './token';

const MINUTE = 60 * 1000;
const DAY = 24 * 60 * MINUTE;

/** Everything the relay needs to know. */
export interface RelayConfig {
  /** GA4 measurement id, `G-…` (`GA4_MEASUREMENT_ID`). */
  measurementId: string;
  /** The Measurement Protocol API secret of that data stream (`GA4_API_SECRET`). */
  apiSecret: string;
  /**
   * Where Measurement Protocol requests go (`GA4_ENDPOINT`): Google's global
   * collection host by default; `https://region1.google-analytics.com` keeps
   * collection in the EU.
   */
  endpoint: string;
  /** Token keys (`RELAY_TOKEN_KEYS`, `id:key,id:key`, 32 random bytes base64url each): the first seals, all open. */
  tokenKeys: TokenKeys;
  /** Origins of the sites allowed to ask for tokens (`RELAY_ALLOWED_ORIGINS`, comma-separated). */
  allowedOrigins: string[];
  /** The relay's public base URL, which Chili Piper will call (`RELAY_PUBLIC_URL`). */
  publicUrl: string;
  /** Prefix of the relay's event names (`RELAY_EVENT_PREFIX`, default `widget_`), as the bridge's `eventPrefix`. */
  eventPrefix: string;
  /** How long a webhook URL stays valid (`RELAY_TOKEN_TTL_DAYS`, default 30). */
  tokenTtlMs: number;
  /**
   * The GA4 web stream's session timeout (`RELAY_SESSION_TIMEOUT_MINUTES`, default 30, at most 475 = 7 h 55 min):
   * an event joins the visitor's session only within this time of the last hit the relay knows of.
   */
  sessionTimeoutMs: number;
  /** Tokens one address may obtain per minute (`RELAY_TOKENS_PER_MINUTE`, default 20). */
  tokensPerMinute: number;
  /** Send to GA4's validation endpoint and log its messages; nothing is recorded (`RELAY_DEBUG=1`). */
  debug: boolean;
}

/** Largest webhook or token request body read; Chili Piper's webhook is about 200 bytes. */
export const MAX_BODY_BYTES = 4096;

const ORIGIN = /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/;
/** The example domains of RFC 2606 §3 (example.com, .net, .org), which the shipped settings use: placeholders, never a site. */
const EXAMPLE_HOST = /^https?:\/\/([^/:]+\.)?example\.(com|net|org)(:\d+)?(\/|$)/i;
const KEY = /^([A-Za-z0-9]{1,16}):([A-Za-z0-9_-]{43})$/;

/** The configuration, or every problem with it (one line each, naming the variable, never a secret's value). */
export function readRelayConfig(env: Record<string, unknown>): { config: RelayConfig } | { problems: string[] } {
  const problems: string[] = [];
  const text = (name: string, fallback?: string): string => {
    const value = env[name];
    if (typeof value == 'string' && value.trim()) return value.trim();
    if (fallback === undefined) problems.push(name + ' is required');
    return fallback || '';
  };
  const number = (name: string, fallback: number, low: number, high: number): number => {
    const value = Number(text(name, String(fallback)));
    if (!(value >= low && value <= high)) problems.push(`${name} must be a number from ${low} to ${high}`);
    return value;
  };

  const measurementId = text('GA4_MEASUREMENT_ID');
  if (/^G-X+$/i.test(measurementId))
    problems.push("GA4_MEASUREMENT_ID is the placeholder G-XXXXXXXXXX: your web stream's id (GA4 Admin → Data streams)");
  else if (measurementId && !MEASUREMENT_ID_PATTERN.test(measurementId))
    problems.push('GA4_MEASUREMENT_ID must be a web stream measurement id: G- and 4 to 16 capital letters or digits');
  const apiSecret = text('GA4_API_SECRET');
  const endpoint = text('GA4_ENDPOINT', 'https://www.google-analytics.com').replace(/\/+$/, '');
  if (!/^https?:\/\/[^/?#]+$/.test(endpoint)) problems.push('GA4_ENDPOINT must be a scheme and host');
  const tokenKeys: TokenKeys = {};
  for (const entry of text('RELAY_TOKEN_KEYS').split(',').filter(Boolean)) {
    const match = KEY.exec(entry.trim());
    if (match) tokenKeys[match[1]] = match[2];
    else problems.push('RELAY_TOKEN_KEYS: each entry is <id>:<32 bytes base64url> (node relay/keygen.mjs makes one)');
  }
  const allowedOrigins = text('RELAY_ALLOWED_ORIGINS')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of allowedOrigins)
    if (!ORIGIN.test(origin)) problems.push('RELAY_ALLOWED_ORIGINS: an origin is scheme://host[:port], lower case, no path');
    else if (EXAMPLE_HOST.test(origin)) problems.push(`RELAY_ALLOWED_ORIGINS: ${origin} is a placeholder: your site's origin`);
  const publicUrl = text('RELAY_PUBLIC_URL').replace(/\/+$/, '');
  if (publicUrl && !/^https?:\/\/[^?#]+$/.test(publicUrl)) problems.push('RELAY_PUBLIC_URL must be an http(s) URL');
  else if (EXAMPLE_HOST.test(publicUrl))
    problems.push(`RELAY_PUBLIC_URL: ${publicUrl} is a placeholder: the relay's own public URL (http://127.0.0.1:8787 to try it locally)`);
  const eventPrefix = text('RELAY_EVENT_PREFIX', 'widget_');
  if (!EVENT_NAME_PATTERN.test(eventPrefix + 'meeting_rescheduled')) problems.push('RELAY_EVENT_PREFIX must make GA4 event names');
  const tokenTtlMs = number('RELAY_TOKEN_TTL_DAYS', 30, 1, 365) * DAY;
  const sessionTimeoutMs =
    number('RELAY_SESSION_TIMEOUT_MINUTES', DEFAULT_SESSION_TIMEOUT / MINUTE, 1, MAX_SESSION_TIMEOUT / MINUTE) * MINUTE;
  const tokensPerMinute = number('RELAY_TOKENS_PER_MINUTE', 20, 1, 1_000_000);
  const debug = /^(1|true|yes)$/i.test(text('RELAY_DEBUG', '0'));
  if (problems.length) return { problems };
  return {
    config: {
      measurementId,
      apiSecret,
      endpoint,
      tokenKeys,
      allowedOrigins,
      publicUrl,
      eventPrefix,
      tokenTtlMs,
      sessionTimeoutMs,
      tokensPerMinute,
      debug,
    },
  };
}
