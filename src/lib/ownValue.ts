import { hasOwn } from './hasOwn';
import { isRecord } from './isRecord';

/**
 * `object[key]` when `object` is a record that has `key` as its own property,
 * else `undefined`. Vendor payloads are read through it, so a key some other
 * script added to `Object.prototype` can never pass for vendor data.
 */
export function ownValue(object: unknown, key: string): unknown {
  return isRecord(object) && hasOwn(object, key) ? object[key] : undefined;
}
