import { describe, expect, it } from 'vitest';
import { buildPush, toParamValue } from '../../src/core/buildPush';
import { SCHEMA_KEYS } from '../../src/vendors/registry';

describe('toParamValue', () => {
  it.each([
    ['abc', 'abc'],
    ['', undefined],
    [0, 0],
    [-1.5, -1.5],
    [true, true],
    [false, false],
    [NaN, undefined],
    [Infinity, undefined],
    [null, undefined],
    [undefined, undefined],
    [{ a: 1 }, undefined],
    [['a'], undefined],
    [() => 1, undefined],
    [Symbol('s'), undefined],
    [BigInt(1), undefined],
  ])('%s → %s', (value, expected) => {
    expect(toParamValue(value)).toBe(expected);
  });

  it('truncates strings to 100 characters', () => {
    expect(toParamValue('x'.repeat(5000))).toBe('x'.repeat(100));
    expect(toParamValue('y'.repeat(100))).toBe('y'.repeat(100));
  });
});

describe('buildPush', () => {
  it('carries every schema key, in schema order, absent ones undefined', () => {
    const push = buildPush('widget_open', { widget_vendor: 'chili_piper', widget_action: 'availability-loaded' }, SCHEMA_KEYS);
    expect(Object.keys(push)).toEqual([...SCHEMA_KEYS]);
    expect(push).toEqual({
      ...Object.fromEntries(SCHEMA_KEYS.map((key: string) => [key, undefined])),
      event: 'widget_open',
      widget_vendor: 'chili_piper',
      widget_action: 'availability-loaded',
      widget_schema: 1,
    });
    expect('widget_event_id' in push && push.widget_event_id === undefined).toBe(true);
  });

  it('sanitizes every value to what GA4 accepts', () => {
    const push = buildPush(
      'widget_start',
      {
        widget_vendor: 'chili_piper',
        widget_action: 'a'.repeat(300),
        widget_interaction_id: { nested: true } as never,
        widget_duration_minutes: NaN,
        widget_proactive: {} as never,
      },
      SCHEMA_KEYS,
    );
    expect(push.widget_action).toBe('a'.repeat(100));
    expect(push.widget_interaction_id).toBeUndefined();
    expect(push.widget_duration_minutes).toBeUndefined();
    expect(push.widget_proactive).toBeUndefined();
    expect(push.widget_vendor).toBe('chili_piper');
  });

  it('passes user_data through as the enhanced-conversions object', () => {
    const user_data = { sha256_email_address: 'a'.repeat(64) };
    expect(buildPush('generate_lead', { user_data }, SCHEMA_KEYS).user_data).toEqual(user_data);
  });

  it('never sends more than 25 defined parameters', () => {
    const params = Object.fromEntries(SCHEMA_KEYS.map((key: string) => [key, 'v']));
    const push = buildPush('widget_open', params, SCHEMA_KEYS);
    const defined = Object.keys(push).filter((key) => key != 'event' && push[key as keyof typeof push] !== undefined);
    expect(defined.length).toBe(Math.min(25, SCHEMA_KEYS.length - 1));
    expect(push.widget_vendor).toBe('v'); // the common keys come first and are kept
  });
});
