import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { intercomStages } from '../../src/vendors/intercom';
import { INTERCOM_CALLBACKS, INTERCOM_IGNORED } from '../documentedEvents';
import { dataLayer, definedParams, eventNames, installBridge, testWindow } from '../helpers';
import { PLANTED } from '../../fixtures/personalData';

const MESSENGER = readFileSync('fixtures/intercom-messenger.js', 'utf8');

type Api = ((...args: unknown[]) => unknown) & { q?: unknown[] };
type Messenger = {
  show(): void;
  hide(): void;
  emailSupplied(...args: unknown[]): void;
  unread(count: number): void;
  registered(name: string): number;
};
const api = () => testWindow.Intercom as Api;
const messenger = () => testWindow.__intercomMessenger as Messenger;
const loadMessenger = () => new Function(MESSENGER)();
/** Intercom's install snippet: a queue keeping each call's arguments in Intercom.q until the messenger loads. */
const snippet = () => {
  const stub: Api = function (...args: unknown[]) {
    // eslint-disable-next-line prefer-rest-params
    (stub.q as unknown[]).push(arguments);
    void args;
  };
  stub.q = [];
  testWindow.Intercom = stub;
};
/** What a site boots the messenger with: personal data the bridge must never read. */
const SETTINGS = { app_id: 'abc12345', email: 'jane.doe@example.com', name: 'Jane Doe', user_id: 'c-77', phone: '+1 555 0100' };
const actions = () => dataLayer().map((push) => push.event + ' ' + push.widget_action);

/** Two seconds pass: the same callback again is a new event, not a duplicate. */
const later = () => vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 2000 });

afterEach(() => {
  vi.useRealTimers();
  delete testWindow.Intercom;
  delete testWindow.intercomSettings;
  delete testWindow.__intercomMessenger;
  delete testWindow.__intercomOneCallback;
});

describe('Intercom mapping table', () => {
  it('maps every documented callback, and only those, to one stage; the unread counter is left out', () => {
    expect(Object.keys(intercomStages).sort()).toEqual([...INTERCOM_CALLBACKS].sort());
    expect(intercomStages).toEqual({ ready: 'view', onShow: 'open', onHide: 'close', onUserEmailSupplied: 'submit' });
    for (const name of INTERCOM_IGNORED) expect(intercomStages).not.toHaveProperty(name);
  });
});

describe('Intercom callbacks', () => {
  const whole = [
    'widget_view ready',
    'widget_open onShow',
    'widget_submit onUserEmailSupplied',
    'generate_lead onUserEmailSupplied',
    'widget_close onHide',
  ];
  const walk = () => {
    messenger().show();
    messenger().emailSupplied('jane.doe@example.com', { name: 'Jane Doe', phone: '+1 555 0100' });
    messenger().hide();
  };

  it.each([
    ['the bridge, then the snippet and the messenger', 'first'],
    ['the snippet with queued calls, then the bridge, then the messenger', 'queued'],
    ['the snippet and the messenger, then the bridge', 'last'],
    ['the messenger alone (no snippet), then the bridge', 'bare'],
  ])('%s: every callback pushed once, the site’s callbacks called as registered', (_, order) => {
    const onShow = vi.fn(function (this: unknown) {
      return 'site show';
    });
    const onHide = vi.fn();
    testWindow.intercomSettings = SETTINGS;
    if (order == 'first') installBridge();
    if (order == 'bare') loadMessenger();
    else snippet();
    api()('onShow', onShow);
    if (order == 'queued') installBridge();
    if (order != 'bare') loadMessenger();
    if (order == 'last' || order == 'bare') installBridge();
    api()('onHide', onHide);
    walk();
    expect(actions()).toEqual(whole);
    expect(onShow).toHaveBeenCalledTimes(1);
    expect(onHide).toHaveBeenCalledTimes(1);
    const serialized = JSON.stringify(dataLayer());
    for (const fragment of [...PLANTED, 'example.com', 'abc12345']) expect(serialized).not.toContain(fragment);
    expect(definedParams(dataLayer()[2])).toEqual({
      event: 'widget_submit',
      widget_vendor: 'intercom',
      widget_product: 'messenger',
      widget_action: 'onUserEmailSupplied',
      widget_stage: 'submit',
      widget_email_provided: true,
      widget_schema: 1,
    });
    // Positive control: the messenger did hand the planted data over, and the site boots with it.
    expect(JSON.stringify(testWindow.intercomSettings)).toContain('jane.doe@example.com');
  });

  it('keeps the site’s callback on a messenger that keeps one function per callback, registered before or after the bridge', () => {
    testWindow.__intercomOneCallback = true;
    const before = vi.fn();
    const after = vi.fn();
    snippet();
    api()('onShow', before);
    installBridge();
    loadMessenger();
    api()('boot', SETTINGS);
    messenger().show();
    expect(before).toHaveBeenCalledTimes(1);
    api()('onHide', after);
    messenger().hide();
    expect(after).toHaveBeenCalledTimes(1);
    expect(actions()).toEqual(['widget_view ready', 'widget_open onShow', 'widget_close onHide']);
    // Positive control: the messenger keeps exactly one function each, the site's.
    expect(messenger().registered('onShow')).toBe(1);
    expect(messenger().registered('onHide')).toBe(1);
  });

  it('passes the site’s arguments, this and return value through, and lets its exceptions surface after the push', () => {
    installBridge();
    snippet();
    const site = vi.fn(function (this: unknown, ..._args: unknown[]) {
      return 'kept';
    });
    api()('onUserEmailSupplied', site);
    // The wrapper the messenger will call, as queued.
    const queued = (api().q as unknown[][]).slice(-1)[0][1] as (...args: unknown[]) => unknown;
    const self = { messenger: true };
    expect(queued.call(self, 'a', 2)).toBe('kept');
    expect(site.mock.contexts[0]).toBe(self);
    expect(site.mock.calls[0]).toEqual(['a', 2]);
    loadMessenger();
    api()('boot', SETTINGS);
    api()('onShow', () => {
      throw new Error('site handler broke');
    });
    expect(() => messenger().show()).toThrow('site handler broke');
    // The submit came first (called directly above): the later steps of the session are interactions.
    expect(actions()).toEqual([
      'widget_submit onUserEmailSupplied',
      'generate_lead onUserEmailSupplied',
      'widget_interaction ready',
      'widget_interaction onShow',
    ]);
  });

  it('returns what the messenger returns and throws what it throws', () => {
    installBridge();
    const visitor = vi.fn(() => 'visitor-1');
    const broken = Object.assign(
      (method: string) => {
        if (method == 'getVisitorId') return visitor();
        throw new Error('messenger broke');
      },
      { booted: true },
    );
    testWindow.Intercom = broken;
    expect(api()('getVisitorId')).toBe('visitor-1');
    expect(() => api()('show')).toThrow('messenger broke');
    // Its properties read through unchanged.
    expect((api() as unknown as { booted: boolean }).booted).toBe(true);
    expect(typeof api()).toBe('function');
  });

  it('shutdown → boot: the bridge registers again, each session pushes its steps once, nothing doubles', () => {
    const siteShow = vi.fn();
    installBridge();
    snippet();
    api()('onShow', siteShow);
    loadMessenger();
    api()('boot', SETTINGS);
    messenger().show();
    messenger().hide();
    api()('update', { last_request_at: 1 });
    api()('update');
    later();
    messenger().show();
    api()('shutdown');
    // The messenger dropped every callback (the site's too, as it does without the bridge).
    expect(messenger().registered('onShow')).toBe(0);
    api()('boot', { app_id: 'abc12345' });
    messenger().show();
    messenger().emailSupplied();
    messenger().hide();
    expect(siteShow).toHaveBeenCalledTimes(2);
    expect(actions()).toEqual([
      'widget_view ready',
      'widget_open onShow',
      'widget_close onHide',
      'widget_interaction onShow',
      'widget_view ready',
      'widget_open onShow',
      'widget_submit onUserEmailSupplied',
      'generate_lead onUserEmailSupplied',
      'widget_close onHide',
    ]);
  });

  it('registers again after a shutdown → boot queued before the messenger loaded, and once per session', () => {
    installBridge();
    snippet();
    api()('boot', SETTINGS);
    api()('shutdown');
    api()('boot', SETTINGS);
    loadMessenger();
    expect(messenger().registered('onShow')).toBe(1);
    messenger().show();
    expect(actions()).toEqual(['widget_view ready', 'widget_open onShow']);
  });

  it('a site that registers again after each boot is heard once per event', () => {
    const siteShow = vi.fn();
    installBridge();
    snippet();
    loadMessenger();
    for (let session = 0; session < 3; session++) {
      api()('boot', SETTINGS);
      api()('onShow', siteShow);
      messenger().show();
      api()('shutdown');
    }
    expect(siteShow).toHaveBeenCalledTimes(3);
    expect(actions()).toEqual([
      'widget_view ready',
      'widget_open onShow',
      'widget_view ready',
      'widget_open onShow',
      'widget_view ready',
      'widget_open onShow',
    ]);
  });

  it('ignores the unread counter and unknown callbacks (positive control: onShow)', () => {
    installBridge();
    snippet();
    loadMessenger();
    const site = vi.fn();
    api()('onUnreadCountChange', site);
    messenger().unread(3);
    expect(site).toHaveBeenCalledWith(3);
    api()('boot', SETTINGS);
    api()('__proto__', () => {});
    api()('constructor', () => {});
    expect(actions()).toEqual(['widget_view ready']);
    messenger().show();
    expect(eventNames()).toEqual(['widget_view', 'widget_open']);
  });

  it('copes with hostile values: non-functions, malformed queues, the proxy assigned back', () => {
    installBridge();
    for (const value of [null, 42, 'Intercom', { q: [] }]) {
      testWindow.Intercom = value;
      expect(testWindow.Intercom).toBe(value);
    }
    const stub = Object.assign(() => {}, { q: [null, 42, ['onShow'], ['onShow', 'not a function'], { 0: 'onHide', 1: null }] });
    testWindow.Intercom = stub;
    expect(() => api()('onShow', null)).not.toThrow();
    const proxy = testWindow.Intercom;
    testWindow.Intercom = proxy;
    expect(testWindow.Intercom).toBe(proxy);
    expect(typeof testWindow.Intercom).toBe('function');
    snippet();
    loadMessenger();
    api()('boot', SETTINGS);
    messenger().show();
    expect(actions()).toEqual(['widget_view ready', 'widget_open onShow']);
  });

  it('one lead per page, however often the e-mail is supplied', () => {
    installBridge();
    snippet();
    loadMessenger();
    api()('boot', SETTINGS);
    messenger().emailSupplied();
    later();
    messenger().emailSupplied();
    expect(eventNames()).toEqual(['widget_view', 'widget_submit', 'generate_lead', 'widget_interaction']);
  });

  it('on uninstall: window.Intercom is the messenger again, the site’s callbacks still run, nothing is pushed', () => {
    const handle = installBridge();
    snippet();
    loadMessenger();
    const real = testWindow.Intercom;
    const site = vi.fn();
    api()('onShow', site);
    api()('boot', SETTINGS);
    handle.uninstall();
    // The page read the bridge's proxy; now it reads the messenger's own function again.
    expect(testWindow.Intercom).not.toBe(real);
    expect(typeof testWindow.Intercom).toBe('function');
    messenger().show();
    expect(site).toHaveBeenCalledTimes(1);
    expect(actions()).toEqual(['widget_view ready']);
    expect(Object.getOwnPropertyDescriptor(window, 'Intercom')?.get).toBeUndefined();
  });
});
