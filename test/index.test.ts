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

  it('is not switched off by an element with id or name gtmWidgetBridge', () => {
    const element = document.createElement('div');
    element.id = GLOBAL_KEY;
    document.body.appendChild(element);
    const form = document.createElement('form');
    form.setAttribute('name', GLOBAL_KEY);
    document.body.appendChild(form);
    try {
      const handle = installBridge();
      expect(typeof handle.uninstall).toBe('function');
      expect(testWindow[GLOBAL_KEY]).toBe(handle);
      postMessageFrom(CHILI_PIPER_ORIGIN, { action: 'close' });
      expect(eventNames()).toEqual(['widget_close']);
    } finally {
      element.remove();
      form.remove();
    }
  });

  it('installs each vendor all-or-nothing and marks the page once, so a second fire adds nothing', () => {
    // A site property that throws when read makes the Genesys install fail half-way (after its CXBus hook).
    Object.defineProperty(window, '_genesys', {
      configurable: true,
      get() {
        throw new Error('hostile page');
      },
    });
    try {
      const first = installBridge();
      expect(Object.getOwnPropertyDescriptor(window, 'CXBus')).toBeUndefined(); // Genesys' earlier hook undone
      expect(installBridge({ eventPrefix: 'again_' })).toBe(first);
      (testWindow.userlikeTrackingEvent as (...args: unknown[]) => void)('chat_started', {}, {});
      postMessageFrom(CHILI_PIPER_ORIGIN, { action: 'booking-confirmed', args: { routeId: 'r1' } });
      // The other vendors work, once each: one lead, not two.
      expect(eventNames()).toEqual(['widget_start', 'widget_complete', 'generate_lead']);
    } finally {
      delete testWindow._genesys;
    }
  });

  it('installs and pushes with keys added to Object.prototype by another script', () => {
    const proto = Object.prototype as Record<string, unknown>;
    proto.injected = { surprise: true };
    try {
      installBridge();
      postMessageFrom(CHILI_PIPER_ORIGIN, { action: 'close' });
      (testWindow.userlikeTrackingEvent as (...args: unknown[]) => void)('chat_started', {}, {});
      expect(eventNames()).toEqual(['widget_close', 'widget_start']);
      expect(Object.keys(testWindow.dataLayer as object[])).toEqual(['0', '1']);
    } finally {
      delete proto.injected;
    }
  });
});
