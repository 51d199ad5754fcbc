/**
 * Hostile inputs for the property-based tests: random values of every type,
 * huge strings, cyclic objects, `__proto__` keys, getters and proxies that
 * throw, with personal data planted throughout.
 */
import fc from 'fast-check';
import { MAX_PARAMS, MAX_VALUE_LENGTH } from '../../src/core/ga4';
import { SCHEMA_KEYS } from '../../src/vendors/registry';
import { expect } from 'vitest';

/**
 * Personal data planted in the inputs; none of it may reach the dataLayer. Besides the plain forms, the
 * encodings sloppy integrations put in id fields: percent-encoded, "(at)", HTML entities, every at-sign
 * look-alike Unicode has (full-width, small, tag), phone numbers without spaces, in full-width or
 * Arabic-Indic digits, or split by zero-width spaces.
 */
export const PERSONAL = [
  'jane.doe@example.com',
  'Jane Doe',
  '+1 555 0100',
  'jane.doe%40example.com',
  'jane.doe(at)example.com',
  'jane.doe\uFF20example.com',
  'jane.doe\uFE6Bexample.com',
  'jane.doe\u{E0040}example.com',
  'jane.doe&#64;example.com',
  '＋１５５５０１００１２３',
  '+١٥٥٥٠١٠٠١٢٣',
  '555\u200B010\u200B0123',
  '+15550100123',
  '0049301234567',
  '555-010-0123',
];

/** The planted data a free-text field can be checked for: a name in free text cannot be told from a title. */
export const CONTACT = PERSONAL.filter((value) => value != 'Jane Doe');

export const personal = fc.constantFrom(...PERSONAL);

const throwing = () => {
  throw new Error('hostile getter');
};

/**
 * Hostile objects are generated as markers and built by `materialize` inside
 * each property run: fast-check inspects generated values itself, and a proxy
 * that throws on every trap would break the generator, not the bridge.
 */
const MARKERS = {
  '<throwing getters>': () =>
    Object.defineProperties(
      {},
      {
        action: { get: throwing, enumerable: true },
        routeId: { get: throwing, enumerable: true },
        data: { get: throwing, enumerable: true },
        callbacks: { get: throwing, enumerable: true },
        length: { get: throwing, enumerable: true },
      },
    ),
  '<throwing proxy>': () =>
    new Proxy(
      {},
      {
        get: throwing,
        has: throwing,
        ownKeys: throwing,
        getOwnPropertyDescriptor: throwing,
        getPrototypeOf: throwing,
        set: throwing,
        defineProperty: throwing,
        deleteProperty: throwing,
        isExtensible: throwing,
        preventExtensions: throwing,
      },
    ),
  '<cyclic>': () => {
    const object: Record<string, unknown> = {
      email: PERSONAL[0],
      name: PERSONAL[1],
      phone: PERSONAL[2],
      action: 'booked',
      routeId: 'r-cyclic',
    };
    object.self = object;
    object.args = object;
    object.data = object;
    return object;
  },
};
type Marker = keyof typeof MARKERS;

/** One of the hostile objects, as a marker for `materialize`. */
export const hostileObject = fc.constantFrom(...(Object.keys(MARKERS) as Marker[]));

/** Replaces the markers in a generated value by fresh hostile objects. */
export function materialize(value: unknown): unknown {
  if (typeof value == 'string' && Object.prototype.hasOwnProperty.call(MARKERS, value)) return MARKERS[value as Marker]();
  if (Array.isArray(value)) return value.map(materialize);
  if (value && typeof value == 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      Object.defineProperty(copy, key, {
        value: materialize((value as Record<string, unknown>)[key]),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return copy;
  }
  return value;
}

/** Strings up to a million characters. */
export const hugeString = fc.integer({ min: 1_000, max: 1_000_000 }).map((length) => 'x'.repeat(length));

/** Keys that hostile or sloppy payloads use. */
export const key = fc.constantFrom(
  '__proto__',
  'constructor',
  'toString',
  'prototype',
  'hasOwnProperty',
  'action',
  'args',
  'routeId',
  'eventId',
  'slot',
  'data',
  'email',
  'name',
  'phone',
  'client_name',
  'client_email',
  'message',
  'userData',
  'form',
  'callbacks',
  'opened',
  'proactive',
  '',
);

/** Anything at all, personal data and hostile shapes included. */
export const hostile: fc.Arbitrary<unknown> = fc.oneof(
  { depthSize: 'small' },
  fc.anything({
    key,
    withBigInt: true,
    withBoxedValues: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withObjectString: true,
    withSparseArray: true,
    withTypedArray: true,
    withDate: true,
  }),
  personal,
  hugeString,
  hostileObject,
  fc.dictionary(key, fc.oneof(personal, fc.string(), fc.integer(), fc.constant(null))),
);

/** Asserts a push is one GA4 accepts and carries no planted personal data. */
export function expectValidPush(push: Record<string, unknown>): void {
  expect(Object.keys(push)).toEqual([...SCHEMA_KEYS]);
  expect(push.event).toMatch(/^[A-Za-z][A-Za-z0-9_]{0,39}$/);
  let defined = 0;
  for (const [name, value] of Object.entries(push)) {
    if (name == 'event' || value === undefined) continue;
    defined++;
    if (name == 'user_data') {
      expect(value).toEqual({ sha256_email_address: expect.stringMatching(/^[0-9a-f]{64}$/) });
      continue;
    }
    expect(['string', 'number', 'boolean'], name).toContain(typeof value);
    if (typeof value == 'string') {
      expect(value.length, name).toBeLessThanOrEqual(MAX_VALUE_LENGTH);
      // No lone surrogate (half an emoji): GA4's collection requests are percent-encoded, which throws on one.
      expect(() => encodeURIComponent(value), name).not.toThrow();
    }
    if (typeof value == 'number') expect(Number.isFinite(value), name).toBe(true);
  }
  expect(defined).toBeLessThanOrEqual(MAX_PARAMS);
  const serialized = JSON.stringify(push);
  for (const value of PERSONAL) expect(serialized).not.toContain(value);
}
