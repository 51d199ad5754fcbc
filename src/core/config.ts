import { warn as warnInConsole } from '../lib/warn';
import { isRecord } from '../lib/isRecord';
import { hasOwn } from '../lib/hasOwn';
import { isValidEventPrefix } from './ga4';
import { VENDORS, type WidgetVendor } from './schema';

/**
 * Configuration. Read from `window.gtmWidgetBridgeConfig` by the IIFE, built
 * by the GTM template, or passed to `install()`. Every field is optional; an
 * invalid value is reported with `console.warn` and replaced by its default,
 * never thrown.
 */
export interface BridgeConfig {
  /** Vendors to listen to. Default: all of `chili_piper`, `customerly`, `userlike`, `genesys`. */
  vendors?: WidgetVendor[];
  /** Name of the global array (a `window` property) to push to, resolved at every push. Default `dataLayer`. */
  dataLayerName?: string;
  /** Prefix of the pushed event names (`<prefix><stage>`). Default `widget_`. Must make GA4-valid names. */
  eventPrefix?: string;
  /** `dataLayer` (default, for GTM) or `gtag` to call `gtag('event', …)` directly on sites without GTM. */
  output?: 'dataLayer' | 'gtag';
  /** Extra exact origins (e.g. `https://booking.example.com`) accepted for Chili Piper messages besides Chili Piper's own. */
  chiliPiperOrigins?: string[];
  /** Per vendor, the actions that count as a conversion; replaces that vendor's defaults. */
  leadActions?: Partial<Record<WidgetVendor, string[]>>;
  /** Whether to push GA4's `generate_lead` on conversion actions. Default `true`. */
  generateLead?: boolean;
  /** Add `user_data.sha256_email_address` to lead pushes when the vendor hands over an e-mail. Default `false`. */
  hashEmail?: boolean;
  /** Log one readable console line per vendor event and per push. Default `false`. */
  debug?: boolean;
}

/** A configuration with every field present and valid. */
export type ResolvedConfig = Required<BridgeConfig>;

/** The defaults every invalid or missing field falls back to. */
export function defaultConfig(): ResolvedConfig {
  return {
    vendors: VENDORS.slice(),
    dataLayerName: 'dataLayer',
    eventPrefix: 'widget_',
    output: 'dataLayer',
    chiliPiperOrigins: [],
    leadActions: {},
    generateLead: true,
    hashEmail: false,
    debug: false,
  };
}

/** Longest list any field accepts: real configurations list a handful; a huge one is a bug, not a setting. */
export const MAX_LIST_LENGTH = 100;

/** A serialized origin as browsers put it in `MessageEvent.origin`: scheme, host, optional port, nothing else. */
const ORIGIN = /^https?:\/\/[a-z0-9.-]+(:\d+)?$/;
/** A name a script can use as a global variable. */
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** A field's rule: the value to use, or `undefined` when the given value is invalid. */
type Rule<T> = (value: unknown) => T | undefined;

const isBoolean: Rule<boolean> = (value) => (typeof value == 'boolean' ? value : undefined);
const isVendor = (value: unknown): value is WidgetVendor => (VENDORS as readonly unknown[]).indexOf(value) >= 0;

/** A list whose every entry passes, without repeats (the first of each kept), at most MAX_LIST_LENGTH long. */
function uniqueList<T>(value: unknown, each: (entry: unknown) => entry is T): T[] | undefined {
  if (!Array.isArray(value) || value.length > MAX_LIST_LENGTH) return undefined;
  const list: T[] = [];
  for (let i = 0; i < value.length; i++) {
    const entry: unknown = value[i];
    if (!each(entry)) return undefined;
    if (list.indexOf(entry) < 0) list.push(entry);
  }
  return list;
}

const isString = (value: unknown): value is string => typeof value == 'string';
const isOrigin = (value: unknown): value is string => isString(value) && ORIGIN.test(value);

/**
 * Whether `window[name]` can serve as the dataLayer: unset, or an object with
 * `push`. A name the page already uses for something else (`location`,
 * `document`, `name`, an `on…` handler) would be overwritten or navigate.
 */
function isFreeForQueue(name: string): boolean {
  if (typeof window == 'undefined') return true;
  for (let owner: object | null = window; owner; owner = Object.getPrototypeOf(owner)) {
    const descriptor = Object.getOwnPropertyDescriptor(owner, name);
    if (descriptor) {
      const value: unknown = descriptor.value;
      return !descriptor.get && !descriptor.set && (value === undefined || (typeof value == 'object' && value !== null && typeof (value as { push?: unknown }).push == 'function'));
    }
  }
  return true;
}

/**
 * Per field, what a valid value is and what the warning says is expected.
 * README.md's configuration table explains each field.
 */
const RULES: { [K in keyof BridgeConfig]-?: [rule: Rule<ResolvedConfig[K]>, expected: string] } = {
  vendors: [(value) => uniqueList(value, isVendor), 'a list of ' + VENDORS.join(', ')],
  dataLayerName: [
    (value) => (isString(value) && IDENTIFIER.test(value) && isFreeForQueue(value) ? value : undefined),
    'a global name the page uses for nothing but an array',
  ],
  eventPrefix: [
    (value) => (isString(value) && isValidEventPrefix(value) ? value : undefined),
    'a prefix making valid, non-reserved GA4 event names',
  ],
  output: [(value) => (value === 'dataLayer' || value === 'gtag' ? value : undefined), '"dataLayer" or "gtag"'],
  chiliPiperOrigins: [
    (value) => uniqueList(value, isOrigin),
    'origins like "https://book.example.com", no path or trailing slash',
  ],
  leadActions: [
    (value) => {
      if (!isRecord(value)) return undefined;
      const actions: ResolvedConfig['leadActions'] = {};
      for (const vendor of Object.keys(value)) {
        const list = isVendor(vendor) ? uniqueList(value[vendor], isString) : undefined;
        if (!list) return undefined;
        actions[vendor as WidgetVendor] = list;
      }
      return actions;
    },
    '{vendor: [action, …]}',
  ],
  generateLead: [isBoolean, 'true or false'],
  hashEmail: [isBoolean, 'true or false'],
  debug: [isBoolean, 'true or false'],
};

/**
 * Validates a raw configuration object field by field. Never throws: unknown
 * keys and invalid values are reported through `warn` and ignored; a config
 * that cannot even be read (throwing getters, a revoked Proxy) is reported
 * and replaced by the defaults, field by field where possible.
 */
export function parseConfig(raw: unknown, warn: (message: string) => void = warnInConsole): ResolvedConfig {
  const config = defaultConfig();
  let keys: string[];
  try {
    if (raw == null) return config;
    if (!isRecord(raw)) {
      warn('config must be an object; using defaults');
      return config;
    }
    keys = Object.keys(raw);
  } catch {
    warn('config could not be read; using defaults');
    return config;
  }
  for (const key of keys) {
    if (!hasOwn(RULES, key)) {
      warn('unknown config key "' + key + '" ignored');
      continue;
    }
    const field = key as keyof BridgeConfig;
    const fallback = JSON.stringify(config[field]);
    let resolved: unknown;
    try {
      const value = (raw as Record<string, unknown>)[key];
      if (value === undefined) continue;
      resolved = RULES[field][0](value);
    } catch {
      warn('config.' + field + ' could not be read; using ' + fallback);
      continue;
    }
    if (resolved === undefined) warn('config.' + field + ' is invalid (expected ' + RULES[field][1] + '); using ' + fallback);
    else (config as Record<string, unknown>)[field] = resolved;
  }
  return config;
}
