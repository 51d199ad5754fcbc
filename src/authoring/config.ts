import { whyNotOrigin } from './whyNotOrigin';
import { warn as warnInConsole } from '../lib/warn';
import { isRecord } from '../lib/isRecord';
import { hasOwn } from '../lib/hasOwn';
import type { AnyVendorAdapter as VendorAdapter, Rule } from '../core/adapter';
import { booleanRule, dataLayerNameRule, defaultSettings, eventPrefixRule, outputRule, type Settings } from '../core/readConfig';
import { uniqueList } from '../lib/uniqueList';

/**
 * The core configuration. Read from `window.gtmWidgetBridgeConfig` by the
 * IIFE, built by the GTM template, or passed to `install()`. Every field is
 * optional; an invalid value is reported with `console.warn` and replaced by
 * its default, never thrown. Each vendor adds its own options under its own
 * key (src/vendors/registry.ts composes the whole `BridgeConfig`).
 */
export interface CoreConfig<Vendor extends string = string> {
  /** Vendors to listen to. Default: every vendor the bridge knows. Repeats are ignored. */
  vendors?: Vendor[];
  /** Name of the global array (a `window` property) to push to, resolved at every push. Default `dataLayer`. */
  dataLayerName?: string;
  /** Prefix of the pushed event names (`<prefix><stage>`). Default `widget_`. Must make GA4-valid names. */
  eventPrefix?: string;
  /** `dataLayer` (default, for GTM) or `gtag` to call `gtag('event', …)` directly on sites without GTM. */
  output?: 'dataLayer' | 'gtag';
  /** Per vendor, the actions that count as a conversion; replaces that vendor's defaults. */
  leadActions?: Partial<Record<Vendor, string[]>>;
  /** Whether to push GA4's `generate_lead` on conversion actions. Default `true`. */
  generateLead?: boolean;
  /** Add `user_data.sha256_email_address` to lead pushes when the vendor hands over an e-mail. Default `false`. */
  hashEmail?: boolean;
  /** Log one readable console line per vendor event and per push. Default `false`. */
  debug?: boolean;
}

/** A configuration with every field present and valid: the page's settings with the vendors named, and each vendor's options. */
export type ResolvedConfig = Omit<Settings, 'vendors'> & {
  vendors: string[];
  /** Each vendor's validated options, by its options key. */
  options: Record<string, Record<string, unknown>>;
};

type CoreField = Exclude<keyof ResolvedConfig, 'options'>;

/** The defaults every invalid or missing field falls back to. */
export function defaultConfig(adapters: readonly VendorAdapter[]): ResolvedConfig {
  const options: ResolvedConfig['options'] = {};
  for (const adapter of adapters) {
    const spec = adapter.options;
    if (!spec) continue;
    const values: Record<string, unknown> = (options[spec.key] = {});
    const fields = spec.fields as Record<string, readonly [unknown, unknown, () => unknown]>;
    for (const field of Object.keys(fields)) values[field] = fields[field][2]();
  }
  return Object.assign(defaultSettings(), { vendors: adapters.map((adapter) => adapter.vendor), options });
}

export { MAX_LIST_LENGTH } from '../lib/uniqueList';

const isString = (value: unknown): value is string => typeof value == 'string';

/** Per core field, what a valid value is and what the warning says is expected. */
function coreRules(vendors: readonly string[]): { [K in CoreField]: readonly [Rule<ResolvedConfig[K]>, string] } {
  const isVendor = (value: unknown): value is string => vendors.indexOf(value as string) >= 0;
  return {
    vendors: [
      (value, drop) => uniqueList(value, isVendor, drop, () => 'not one of ' + vendors.join(', ')),
      'a list of ' + vendors.join(', '),
    ],
    // The page's own rules where validity does not depend on the vendors (src/core/readConfig.ts).
    dataLayerName: [dataLayerNameRule, 'a global name the page uses for nothing but an array'],
    eventPrefix: [eventPrefixRule, 'a prefix making valid, non-reserved GA4 event names'],
    output: [outputRule, '"dataLayer" or "gtag"'],
    leadActions: [
      (value, drop) => {
        if (!isRecord(value)) return undefined;
        const actions: Record<string, string[]> = {};
        for (const vendor of Object.keys(value)) {
          const list = isVendor(vendor) ? uniqueList(value[vendor], isString, drop) : undefined;
          if (!list) return undefined;
          actions[vendor] = list;
        }
        return actions;
      },
      '{vendor: [action, …]}',
    ],
    generateLead: [booleanRule, 'true or false'],
    hashEmail: [booleanRule, 'true or false'],
    debug: [booleanRule, 'true or false'],
  };
}

/**
 * What a valid value of each field is, by its path (`config.eventPrefix`,
 * `config.chiliPiper.origins`): the text of the full messages, and of
 * docs/warnings.md.
 */
export function expectations(adapters: readonly VendorAdapter[]): Record<string, string> {
  const rules = coreRules(adapters.map((adapter) => adapter.vendor));
  const expected: Record<string, string> = {};
  for (const key of Object.keys(rules) as CoreField[]) expected['config.' + key] = rules[key][1];
  for (const adapter of adapters) {
    const spec = adapter.options;
    if (!spec) continue;
    const fields = spec.fields as Record<string, readonly [unknown, string, unknown]>;
    for (const field of Object.keys(fields)) expected['config.' + spec.key + '.' + field] = fields[field][1];
  }
  return expected;
}

/** Reads one key of the raw config; what a throwing getter throws becomes a warning. */
type Read = (
  object: Record<string, unknown>,
  key: string,
  label: string,
  fallback: unknown,
  rule: Rule<unknown>,
  expected: string,
) => unknown;

/**
 * Validates a raw configuration object field by field, with the vendors'
 * option rules. Never throws: unknown keys and invalid values are reported
 * through `warn` and ignored; a config that cannot even be read (throwing
 * getters, a revoked Proxy) is reported and replaced by the defaults, field
 * by field where possible.
 */
export function parseConfig(
  raw: unknown,
  adapters: readonly VendorAdapter[],
  warn: (message: string) => void = warnInConsole,
): ResolvedConfig {
  const config = defaultConfig(adapters);
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
  const read: Read = (object, key, label, fallback, rule, expected) => {
    let resolved: unknown;
    try {
      const value = object[key];
      // A default is valid by construction: the GTM template writes every field, most at their defaults,
      // and checking them (the GA4 prefix rule, the dataLayer name against the page) costs every page view.
      if (value === undefined || value === fallback) return undefined;
      // Every vendor's `origins` is an origins list (src/lib/originsOption.ts): its rule drops, this explains.
      const explain = /\.origins$/.test(label) ? whyNotOrigin : () => undefined;
      resolved = rule(value, (index, entry, why) =>
        warn(
          'config.' +
            label +
            '[' +
            index +
            '] = ' +
            JSON.stringify(entry) +
            ' ignored: ' +
            (why || explain(entry) || 'expected ' + expected),
        ),
      );
    } catch {
      warn('config.' + label + ' could not be read; using ' + JSON.stringify(fallback));
      return undefined;
    }
    if (resolved === undefined) warn('config.' + label + ' is invalid (expected ' + expected + '); using ' + JSON.stringify(fallback));
    return resolved;
  };
  const rules = coreRules(config.vendors);
  // Each vendor's options key and its earlier top-level keys.
  const vendorKeys: Record<string, VendorAdapter> = {};
  const renamed: Record<string, [VendorAdapter, string]> = {};
  for (const adapter of adapters) {
    const spec = adapter.options;
    if (!spec) continue;
    vendorKeys[spec.key] = adapter;
    for (const old of Object.keys(spec.renamed || {})) renamed[old] = [adapter, spec.renamed![old] as string];
  }
  const readField = (adapter: VendorAdapter, object: Record<string, unknown>, key: string, field: string, label: string) => {
    const spec = adapter.options!;
    const [rule, expected] = (spec.fields as Record<string, readonly [Rule<unknown>, string, () => unknown]>)[field];
    const values = config.options[spec.key];
    const value = read(object, key, label, values[field], rule, expected);
    if (value !== undefined) values[field] = value;
  };
  for (const key of keys) {
    if (hasOwn(rules, key)) {
      const field = key as CoreField;
      const value = read(raw as Record<string, unknown>, key, key, config[field], rules[field][0], rules[field][1]);
      if (value !== undefined) (config as unknown as Record<string, unknown>)[field] = value;
    } else if (hasOwn(vendorKeys, key)) {
      const adapter = vendorKeys[key];
      let object: unknown;
      let fields: string[];
      try {
        object = (raw as Record<string, unknown>)[key];
        if (object === undefined) continue;
        fields = isRecord(object) ? Object.keys(object) : [];
      } catch {
        warn('config.' + key + ' could not be read; using defaults');
        continue;
      }
      if (!isRecord(object)) {
        warn('config.' + key + ' must be an object; using defaults');
        continue;
      }
      for (const field of fields) {
        if (hasOwn(adapter.options!.fields, field)) readField(adapter, object, field, field, key + '.' + field);
        else warn('unknown config key "' + key + '.' + field + '" ignored');
      }
    } else if (hasOwn(renamed, key)) {
      const [adapter, field] = renamed[key];
      const spec = adapter.options!;
      warn('config.' + key + ' is now config.' + spec.key + '.' + field + '; read as such (rename it)');
      // The namespaced key, when given too, wins (its field is read wherever it comes in the object).
      let namespaced: unknown;
      try {
        namespaced = (raw as Record<string, unknown>)[spec.key];
      } catch {
        // Reported when that key is read.
      }
      if (!(isRecord(namespaced) && hasOwn(namespaced, field))) readField(adapter, raw as Record<string, unknown>, key, field, key);
    } else {
      warn('unknown config key "' + key + '" ignored');
    }
  }
  return config;
}
