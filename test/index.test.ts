import { describe, expect, it, vi } from 'vitest';
import { GLOBAL_KEY, VERSION, install } from '../src/index';
import { CHILI_PIPER_ORIGIN, eventNames, installBridge, postMessageFrom, testWindow } from './helpers';

describe('install', () => {
  it('installs once: a second install returns the same handle and adds no listener', () => {
    const first = installBridge();
    const second = installBridge({ eventPrefix: 'other_' });
    expect(second).toBe(first);
    expect(testWindow[GLOBAL_KEY]).toBe(first);
    postMessageFrom(CHILI_PIPER_ORIGIN, { action: 'close' });
    expect(eventNames()).toEqual(['widget_close']);
  });

  it('can be installed again after uninstall', () => {
    installBridge().uninstall();
    expect(testWindow[GLOBAL_KEY]).toBeUndefined();
    installBridge({ eventPrefix: 'cp_' });
    postMessageFrom(CHILI_PIPER_ORIGIN, { action: 'close' });
    expect(eventNames()).toEqual(['cp_close']);
  });

  it('exposes its version on the handle', () => {
    expect(installBridge().version).toBe(VERSION);
    expect(VERSION).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('never throws on bad config; it warns and installs with defaults', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(() => installBridge('nonsense' as never)).not.toThrow();
    expect(warn).toHaveBeenCalledTimes(1);
    postMessageFrom(CHILI_PIPER_ORIGIN, { action: 'close' });
    expect(eventNames()).toEqual(['widget_close']);
  });

  it('listens only to the configured vendors', () => {
    installBridge({ vendors: ['customerly'] });
    postMessageFrom(CHILI_PIPER_ORIGIN, { action: 'close' });
    expect(eventNames()).toEqual([]);
  });

  it('keeps a throwing dataLayer.push from reaching the page', () => {
    installBridge();
    testWindow.dataLayer = {
      push() {
        throw new Error('broken site dataLayer');
      },
    };
    expect(() => postMessageFrom(CHILI_PIPER_ORIGIN, { action: 'close' })).not.toThrow();
    testWindow.dataLayer = [];
    postMessageFrom(CHILI_PIPER_ORIGIN, { action: 'error' });
    expect(eventNames()).toEqual(['widget_error']);
  });

  it('returns an inert handle outside a browser', async () => {
    const saved = globalThis.window;
    // @ts-expect-error simulate a server-side render
    delete globalThis.window;
    try {
      const handle = install();
      expect(handle.version).toBe(VERSION);
      expect(() => handle.uninstall()).not.toThrow();
    } finally {
      globalThis.window = saved;
    }
  });
});
