import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderPushBuilder } from '../../scripts/render/pushBuilder';
import { buildPush, capParams, toParamValue, type PushBuilder } from '../../src/core/buildPush';
import { SCHEMA_VERSION } from '../../src/core/schema';
import { SCHEMA_KEYS } from '../../src/vendors/registry';
import { hostile, materialize } from '../fuzz/arbitraries';

/** The builder the classic-script builds carry, evaluated here as build.mjs bundles it. */
const literalBuilder = new Function('v', 'capParams', 'S', 'return ' + renderPushBuilder(SCHEMA_KEYS))(
  toParamValue,
  capParams,
  SCHEMA_VERSION,
) as PushBuilder;

describe('the object-literal push builder of the classic-script builds', () => {
  it('builds exactly what the generic builder builds, key order included, whatever the parameters', () => {
    const value = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(undefined), hostile);
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...SCHEMA_KEYS), value), fc.string(), (raw, event) => {
        const params = materialize(raw) as Record<string, unknown>;
        // A parameter whose getter throws makes both throw alike (the core's guard catches it).
        const outcome = (build: () => Record<string, unknown>) => {
          try {
            const push = build();
            // Values compared by identity: user_data passes through as the object it is (even a hostile proxy).
            return { keys: Object.keys(push), values: Object.keys(push).map((key) => push[key]) };
          } catch (error) {
            return { threw: (error as Error).message };
          }
        };
        const generic = outcome(() => buildPush(event, params, SCHEMA_KEYS));
        const literal = outcome(() => literalBuilder(event, params));
        expect(literal.threw).toBe(generic.threw);
        expect(literal.keys).toEqual(generic.keys);
        (literal.values || []).forEach((value, i) => expect(Object.is(value, generic.values![i])).toBe(true));
      }),
      { numRuns: 500 },
    );
  });

  it('caps the defined parameters at 25, dropping the last ones first, like the generic one', () => {
    const params = Object.fromEntries(SCHEMA_KEYS.map((key: string) => [key, 'v']));
    const literal = literalBuilder('widget_open', params);
    expect(literal).toEqual(buildPush('widget_open', params, SCHEMA_KEYS));
    expect(Object.keys(literal).filter((key) => key != 'event' && literal[key] !== undefined)).toHaveLength(25);
  });

  it('refuses a schema key that is not an identifier (it would break the literal)', () => {
    expect(() => renderPushBuilder(['event', 'widget-bad'])).toThrow(/not an identifier/);
  });
});
