import { hasOwn } from '../lib/hasOwn';
import { isFreeForQueue } from '../lib/isFreeForQueue';
import { isRecord } from '../lib/isRecord';
import { uniqueList } from '../lib/uniqueList';
import type { AnyVendorAdapter as VendorAdapter } from './adapter';
import { isValidEventPrefix } from './ga4';
import { W_CONFIG, W_ENTRY, W_RENAMED, W_VALUE, warnCode } from './warnings';

/** The core settings a page runs with, every field valid. */
export interface Settings {
  /** The vendors to listen to; undefined: every vendor loaded on the page. */
  vendors: string[] | undefined;
  dataLayerName: string;
  eventPrefix: string;
  output: 'dataLayer' | 'gtag';
  leadActions: Record<string, string[]>;
  generateLead: boolean;
  hashEmail: boolean;
  debug: boolean;
}

/** The defaults every invalid or missing field falls back to. */
export function defaultSettings(): Settings {
  return {
    vendors: undefined,
    dataLayerName: 'dataLayer',
    eventPrefix: 'widget_',
    output: 'dataLayer',
    leadActions: {},
    generateLead: true,
    hashEmail: false,
    debug: false,
  };
}

/** A name a script can use as a global variable. */
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * The strings of a list, each other entry reported (W3) and left out; not
 * an array, or longer than MAX_LIST_LENGTH: undefined.
 */
function stringList(value: unknown, path: string): string[] | undefined {
  return uniqueList(value, isString, (index) => warnCode(W_ENTRY, path + '[' + index + ']'));
}

const isString = (value: unknown): value is string => typeof value == 'string';

// The rules of the core fields whose validity does not depend on the vendors: the value to use, or
// undefined when it is invalid. The authoring-time validation (src/authoring/config.ts) uses them too.
export const dataLayerNameRule = (value: unknown) =>
  typeof value == 'string' && IDENTIFIER.test(value) && isFreeForQueue(value) ? value : undefined;
export const eventPrefixRule = (value: unknown) => (typeof value == 'string' && isValidEventPrefix(value) ? value : undefined);
export const outputRule = (value: unknown) => (value === 'dataLayer' || value === 'gtag' ? value : undefined);
export const booleanRule = (value: unknown) => (typeof value == 'boolean' ? value : undefined);

/** Each core field's rule, as the page reads it. */
const RULES: { [K in keyof Settings]: (value: unknown, path: string) => Settings[K] | undefined } = {
  vendors: stringList,
  dataLayerName: dataLayerNameRule,
  eventPrefix: eventPrefixRule,
  output: outputRule,
  leadActions: (value, path) => {
    if (!isRecord(value)) return undefined;
    const actions: Record<string, string[]> = {};
    for (const vendor of Object.keys(value)) {
      const list = stringList(value[vendor], path + '.' + vendor);
      if (!list) return undefined;
      actions[vendor] = list;
    }
    return actions;
  },
  generateLead: booleanRule,
  hashEmail: booleanRule,
  debug: booleanRule,
};

/**
 * Reads one field: its value through `rule`, or undefined (and a W2
 * warning) when it is invalid or its getter throws. Absent: undefined,
 * silently.
 */
function readField(object: Record<string, unknown>, key: string, path: string, rule: (value: unknown, path: string) => unknown): unknown {
  try {
    const value = object[key];
    if (value === undefined) return undefined;
    const resolved = rule(value, path);
    if (resolved === undefined) warnCode(W_VALUE, path);
    return resolved;
  } catch {
    warnCode(W_VALUE, path);
    return undefined;
  }
}

/**
 * The core settings of a raw configuration, as a page reads it: never
 * throws; an invalid value is replaced by its default with a short coded
 * warning (docs/warnings.md). Keys the core does not know are left to the
 * vendors' plugins (readOptions) and to the authoring-time validation.
 */
export function readSettings(raw: unknown): Settings {
  const settings = defaultSettings();
  try {
    if (raw == null) return settings;
    if (!isRecord(raw)) {
      warnCode(W_CONFIG, 'config');
      return settings;
    }
    for (const key of Object.keys(RULES) as (keyof Settings)[]) {
      const value = readField(raw, key, 'config.' + key, RULES[key]);
      if (value !== undefined) (settings as unknown as Record<string, unknown>)[key] = value;
    }
  } catch {
    warnCode(W_CONFIG, 'config');
  }
  return settings;
}

/**
 * One vendor's options from the raw configuration (`config.chiliPiper`), each
 * field through the adapter's rule, invalid ones at their defaults with a W2
 * warning; keys of earlier versions (`chiliPiperOrigins`) are read with a W5.
 */
export function readOptions(raw: unknown, adapter: VendorAdapter): Record<string, unknown> {
  const spec = adapter.options!;
  const fields = spec.fields as Record<
    string,
    readonly [(value: unknown, drop?: (index: number) => void) => unknown, unknown, () => unknown]
  >;
  const options: Record<string, unknown> = {};
  for (const field of Object.keys(fields)) options[field] = fields[field][2]();
  const read = (object: Record<string, unknown>, key: string, field: string, path: string) => {
    const value = readField(object, key, path, (given) => fields[field][0](given, (index) => warnCode(W_ENTRY, path + '[' + index + ']')));
    if (value !== undefined) options[field] = value;
  };
  try {
    // A config that cannot be read was reported once, by readSettings: the defaults, silently.
    if (!isRecord(raw)) return options;
    const renamed = spec.renamed || {};
    for (const old of Object.keys(renamed)) {
      if (hasOwn(raw, old)) {
        warnCode(W_RENAMED, 'config.' + old);
        read(raw, old, renamed[old] as string, 'config.' + old);
      }
    }
    const given = readField(raw, spec.key, 'config.' + spec.key, (value) => (isRecord(value) ? value : undefined));
    if (isRecord(given)) for (const field of Object.keys(fields)) read(given, field, field, 'config.' + spec.key + '.' + field);
  } catch {
    // Unreadable in part: what was read stands, the rest at its defaults.
  }
  return options;
}
