import { describe, expect, it, vi } from 'vitest';
import { hookCallback } from '../../src/lib/hookCallback';
import { HOOKED, hookProperty } from '../../src/lib/hookProperty';

type Target = Record<string, unknown>;
const call = (target: Target, name: string, ...args: unknown[]) => (target[name] as (...a: unknown[]) => unknown).apply(target, args);

describe('hookCallback', () => {
  it('reports every call and calls a function set before the hook with the same arguments, this and return value', () => {
    const seen: unknown[] = [];
    const site = vi.fn(function (this: unknown, a: unknown, b: unknown) {
      seen.push(this);
      return `${a}-${b}`;
    });
    const target: Target = { onX: site };
    const report = vi.fn();
    hookCallback(target, 'onX', report);
    expect(call(target, 'onX', 1, 2)).toBe('1-2');
    expect(report.mock.calls).toEqual([[[1, 2]]]);
    expect(site.mock.calls).toEqual([[1, 2]]);
    expect(seen).toEqual([target]);
  });

  it('keeps a function the site assigns after the hook, and reports through it', () => {
    const target: Target = {};
    const report = vi.fn();
    hookCallback(target, 'onX', report);
    call(target, 'onX', 'no site function yet');
    const site = vi.fn(() => 'site');
    target.onX = site;
    expect(typeof target.onX).toBe('function');
    expect(target.onX).not.toBe(site);
    expect(call(target, 'onX', 'a')).toBe('site');
    expect(report).toHaveBeenCalledTimes(2);
    expect(site).toHaveBeenCalledTimes(1);
  });

  it('reports before the site function throws, and lets the exception surface', () => {
    const target: Target = {
      onX() {
        throw new Error('site bug');
      },
    };
    const order: string[] = [];
    hookCallback(target, 'onX', () => order.push('report'));
    expect(() => call(target, 'onX')).toThrow('site bug');
    expect(order).toEqual(['report']);
  });

  it('does not call itself when its wrapper is assigned back', () => {
    const target: Target = {};
    const report = vi.fn();
    hookCallback(target, 'onX', report);
    // eslint-disable-next-line no-self-assign -- what a site does (customerly.onX = customerly.onX): it must not loop
    target.onX = target.onX;
    call(target, 'onX');
    expect(report).toHaveBeenCalledTimes(1);
  });

  it('reports once when one hooked wrapper is copied into another hooked property', () => {
    const settings: Target = {};
    const namespace: Target = {};
    const report = vi.fn();
    hookCallback(settings, 'onX', report);
    hookCallback(namespace, 'onX', report);
    const site = vi.fn();
    settings.onX = site;
    namespace.onX = settings.onX; // a vendor copying callbacks around
    call(namespace, 'onX', 'x');
    expect(report).toHaveBeenCalledTimes(1);
    expect(site).toHaveBeenCalledTimes(1);
  });

  it('restores the site function on uninstall and stops reporting through kept references', () => {
    const site = vi.fn();
    const target: Target = { onX: site };
    const report = vi.fn();
    const restore = hookCallback(target, 'onX', report);
    const kept = target.onX as () => void;
    restore();
    expect(target.onX).toBe(site);
    kept();
    expect(report).not.toHaveBeenCalled();
    expect(site).toHaveBeenCalledTimes(1);
  });

  it('removes the property it created on uninstall when the site never set one', () => {
    const target: Target = {};
    hookCallback(target, 'onX', () => {})();
    expect('onX' in target).toBe(false);
  });

  it('wraps a non-configurable writable property (a global declared with function) by assignment', () => {
    const site = vi.fn(() => 7);
    const target: Target = {};
    Object.defineProperty(target, 'onX', { value: site, writable: true, enumerable: true, configurable: false });
    const report = vi.fn();
    const restore = hookCallback(target, 'onX', report);
    expect(call(target, 'onX', 'a')).toBe(7);
    expect(report).toHaveBeenCalledTimes(1);
    restore();
    expect(target.onX).toBe(site);
  });

  it('leaves non-configurable read-only and frozen targets alone without throwing', () => {
    const site = vi.fn();
    const readOnly: Target = {};
    Object.defineProperty(readOnly, 'onX', { value: site, writable: false, configurable: false });
    expect(() => hookCallback(readOnly, 'onX', vi.fn())).not.toThrow();
    expect(readOnly.onX).toBe(site);
    const frozen = Object.freeze({}) as Target;
    expect(() => hookCallback(frozen, 'onX', vi.fn())).not.toThrow();
    expect('onX' in frozen).toBe(false);
  });
});

describe('hookProperty', () => {
  it('calls onSet with the current value and every later assignment', () => {
    const target: Target = { a: 1 };
    const seen: unknown[] = [];
    hookProperty(target, 'a', (value) => seen.push(value));
    target.a = 2;
    target.a = 3;
    expect(seen).toEqual([1, 2, 3]);
    expect(target.a).toBe(3);
  });

  it('does not hook an already hooked property twice', () => {
    const target: Target = {};
    const first = vi.fn();
    const second = vi.fn();
    hookProperty(target, 'a', first);
    hookProperty(target, 'a', second);
    target.a = 1;
    expect(first).toHaveBeenCalledTimes(2);
    expect(second).not.toHaveBeenCalled();
    expect(HOOKED in Object.getOwnPropertyDescriptor(target, 'a')!.get!).toBe(true);
  });

  it('never lets onSet throw into the site’s assignment', () => {
    const target: Target = {};
    hookProperty(target, 'a', (value) => {
      if (value) throw new Error('hook bug');
    });
    expect(() => (target.a = 1)).not.toThrow();
    expect(target.a).toBe(1);
  });

  it('restores a plain data property with the latest value', () => {
    const target: Target = {};
    const restore = hookProperty(target, 'a', () => {});
    target.a = 5;
    restore();
    expect(Object.getOwnPropertyDescriptor(target, 'a')).toEqual({ value: 5, writable: true, enumerable: true, configurable: true });
  });
});
