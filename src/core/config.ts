import { warn as warnInConsole } from '../lib/warn';
import { isRecord } from '../lib/isRecord';
import { hasOwn } from '../lib/hasOwn';
import { isValidEventPrefix } from './ga4';
import { VENDORS, type WidgetVendor } from './schema';

/**
 * Configuration (SPEC §5). Read from `window.gtmWidgetBridgeConfig` by the
 * IIFE, built by the GTM template, or passed to `install()`. Every field is
 * optional; an invalid value is reported with `console.warn` and replaced by
 * its default, never thrown.
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
  /** Extra exact origins (e.g. `https://booking.example.com`) accepted for Chili Piper messages besides `https://*.chilipiper.com`. */
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

/** A serialized origin as browsers put it in `MessageEvent.origin`: scheme, host, optional port, nothing else. */
const ORIGIN = /^https?:\/\/[a-z0-9.-]+(:\d+)?$/;

type Check = (value: unknown) => boolean;

const isBoolean: Check = (value) => typeof value == 'boolean';
const isList = (value: unknown, each: Check): boolean => Array.isArray(value) && value.every(each);
const isVendor: Check = (value) => (VENDORS as readonly unknown[]).indexOf(value) >= 0;
const isString: Check = (value) => typeof value == 'string';

/**
 * Per field, what a valid value is. The warning names the field and the
 * default used instead; README.md's configuration table explains each field.
 */
const RULES: { [K in keyof BridgeConfig]-?: Check } = {
  vendors: (value) => isList(value, isVendor),
  dataLayerName: (value) => isString(value) && value != '',
  eventPrefix: (value) => isString(value) && isValidEventPrefix(value as string),
  output: (value) => value === 'dataLayer' || value === 'gtag',
  chiliPiperOrigins: (value) => isList(value, (origin) => isString(origin) && ORIGIN.test(origin as string)),
  leadActions: (value) =>
    isRecord(value) && Object.keys(value).every((vendor) => isVendor(vendor) && isList(value[vendor], isString)),
  generateLead: isBoolean,
  hashEmail: isBoolean,
  debug: isBoolean,
};

/**
 * Validates a raw configuration object field by field. Never throws: unknown
 * keys and invalid values are reported through `warn` and ignored.
 */
export function parseConfig(raw: unknown, warn: (message: string) => void = warnInConsole): ResolvedConfig {
  const config = defaultConfig();
  if (raw == null) return config;
  if (!isRecord(raw)) {
    warn('config must be an object; using defaults');
    return config;
  }
  for (const key of Object.keys(raw)) {
    const value = raw[key];
    if (!hasOwn(RULES, key)) {
      warn('unknown config key "' + key + '" ignored');
    } else if (value !== undefined) {
      const field = key as keyof BridgeConfig;
      if (RULES[field](value)) (config as Record<string, unknown>)[field] = value;
      else warn('config.' + field + ' is invalid; using ' + JSON.stringify(config[field]));
    }
  }
  return config;
}
