import { truncateText } from '../lib/truncateText';
import { MAX_PARAMS, MAX_VALUE_LENGTH } from './ga4';
import { SCHEMA_VERSION, type AnyParams } from './schema';

/**
 * Parameter values GA4 accepts: strings (truncated without splitting a
 * character), finite numbers, booleans. Anything else is dropped.
 */
export function toParamValue(value: unknown): string | number | boolean | undefined {
  const type = typeof value;
  return type == 'string'
    ? truncateText(value as string, MAX_VALUE_LENGTH) || undefined
    : (type == 'number' && isFinite(value as number)) || type == 'boolean'
      ? (value as number | boolean)
      : undefined;
}

/**
 * Builds one push from an event name and the reported parameters. The
 * all-vendor file gets one written as a single object literal for its
 * vendors' keys (scripts/render/pushBuilder.ts): V8 then gives the push a
 * fixed shape with in-object properties, cheaper to build, to serialize and
 * for GTM to read than a 30-key object built key by key (about twice as
 * fast in Chromium). {@link buildPush} is the generic one, for any set of
 * vendors a page loads.
 */
export type PushBuilder = (event: string, params: AnyParams) => Record<string, unknown>;

/** A push builder written for one list of schema keys (joined with commas). */
export interface FastPushBuilder {
  keys: string;
  build: PushBuilder;
}

/**
 * GA4 keeps at most 25 parameters: past that, the last defined values of the
 * push (in push order, so vendor details before the common keys) become
 * undefined. Returns the push.
 */
export function capParams(push: Record<string, unknown>): Record<string, unknown> {
  const keys = Object.keys(push);
  let count = 0;
  for (let i = 0; i < keys.length; i++) {
    if (keys[i] != 'event' && push[keys[i]] !== undefined && ++count > MAX_PARAMS) push[keys[i]] = undefined;
  }
  return push;
}

/**
 * Builds one GA4-valid push carrying every key of the schema (`keys`, in push
 * order), absent ones `undefined` (GTM's data model would otherwise keep an
 * earlier push's values). Reads only those keys of `params` and never writes
 * to it. `user_data` is GA4's enhanced-conversions object and passes as it is.
 */
export function buildPush(event: string, params: AnyParams, keys: readonly string[]): Record<string, unknown> {
  const push: Record<string, unknown> = {};
  let count = 0;
  for (const key of keys) {
    let value: unknown =
      key == 'event' ? event : key == 'user_data' ? params.user_data : key == 'widget_schema' ? SCHEMA_VERSION : toParamValue(params[key]);
    // GA4 keeps at most 25 parameters; the common keys come first in SCHEMA_KEYS, so details go first.
    if (value !== undefined && key != 'event' && ++count > MAX_PARAMS) value = undefined;
    push[key] = value;
  }
  return push;
}
