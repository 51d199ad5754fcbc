import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { genesysStages, readGenesysEvent } from '../../src/vendors/genesys';
import { dataLayer, definedParams, eventNames, installBridge, testWindow } from '../helpers';

const WIDGETS_SCRIPT = readFileSync('e2e/fixtures/genesys-widgets.js', 'utf8');
const PERSONAL = ['Jane', 'jane', 'Doe', '555', 'pricing'];
const BASE = 1700000000000;

type Mock = { bus: { plugins: Record<string, unknown> }; run(widget: string, steps: string[], flags?: Record<string, unknown>): void };
const mock = () => testWindow.__genesys as Mock;
const loadWidgets = () => new Function(WIDGETS_SCRIPT)();
const ready = () => vi.waitFor(() => expect(testWindow.__genesysReady).toBe(true));

afterEach(async () => {
  // Let the mock's asynchronous init finish inside its own test, so it cannot call a later test's onReady.
  if (testWindow.__genesys && testWindow.__genesysMode != 'standalone') await ready();
  for (const key of ['_genesys', 'CXBus', '__genesys', '__genesysReady', '__genesysMode']) delete testWindow[key];
});

describe('Genesys mapping table', () => {
  it('covers the lifecycles of ClickToCall, Callback, WebChat and SendMessage one to one', () => {
    const lifecycle = ['ready', 'opened', 'started', 'submitted', 'completed', 'cancelled', 'closed'];
    const expected: Record<string, string> = {};
    const stage = { ready: 'view', opened: 'open', started: 'start', submitted: 'submit', completed: 'complete', cancelled: 'cancel', closed: 'close' };
    for (const widget of ['ClickToCall', 'Callback', 'WebChat', 'SendMessage']) {
      for (const step of lifecycle) expected[`${widget}.${step}`] = stage[step as keyof typeof stage];
    }
    Object.assign(expected, {
      'ClickToCall.expired': 'cancel',
      'WebChat.rejected': 'error',
      'WebChat.minimized': 'interaction',
      'WebChat.unminimized': 'interaction',
    });
    expect(genesysStages).toEqual(expected);
  });
});

describe('readGenesysEvent', () => {
  const metadata = {
    proactive: true, prefilled: true, autoSubmitted: false, errors: 2, ready: BASE, opened: BASE + 1000, started: BASE + 4000,
    completed: false, userData: { email: 'jane@example.com' },
  };

  it('derives this step’s values from the shared metadata block', () => {
    expect(readGenesysEvent('ClickToCall.started', { event: 'ClickToCall.started', data: metadata })).toEqual({
      widget_action: 'ClickToCall.started', widget_product: 'click_to_call', widget_interaction_id: `click_to_call:${BASE + 1000}`,
      widget_proactive: true, widget_prefilled: true, widget_auto_submitted: false, widget_error_count: 2, widget_elapsed_ms: 3000,
    });
  });

  it('has no elapsed time before opened or for a step not reached, and no id before opened', () => {
    expect(readGenesysEvent('WebChat.ready', { data: { ...metadata, opened: false } })).toMatchObject({ widget_interaction_id: undefined, widget_elapsed_ms: undefined, widget_product: 'web_chat' });
    expect(readGenesysEvent('WebChat.minimized', { data: metadata })).toMatchObject({ widget_elapsed_ms: undefined });
    expect(readGenesysEvent('WebChat.opened', { data: metadata })).toMatchObject({ widget_elapsed_ms: 0 });
  });

  it('copes with a missing or hostile event', () => {
    for (const event of [undefined, null, 'x', 42, [], { data: 'x' }, { data: null }]) {
      expect(readGenesysEvent('Callback.completed', event)).toMatchObject({ widget_action: 'Callback.completed', widget_product: 'callback' });
    }
    expect(readGenesysEvent('SendMessage.opened', { data: { errors: ['a', 'b', 'c'] } })).toMatchObject({ widget_error_count: 3 });
  });
});

describe('Genesys registration in every load order', () => {
  const siteConfig = (onReady?: (bus: unknown) => void) => ({ widgets: { main: { theme: 'dark' }, webchat: {}, onReady, extensions: {} } });

  function expectClickToCallFlow() {
    mock().run('ClickToCall', ['ready', 'opened', 'started', 'completed', 'closed']);
    expect(eventNames()).toEqual(['widget_view', 'widget_open', 'widget_start', 'widget_complete', 'generate_lead', 'widget_close']);
    expect(definedParams(dataLayer()[3])).toEqual({
      event: 'widget_complete', widget_vendor: 'genesys', widget_product: 'click_to_call', widget_action: 'ClickToCall.completed',
      widget_stage: 'complete', widget_interaction_id: `click_to_call:${BASE + 1000}`, widget_proactive: false, widget_prefilled: false,
      widget_auto_submitted: false, widget_error_count: 0, widget_elapsed_ms: 2000, widget_schema: 1,
    });
    const serialized = JSON.stringify(dataLayer());
    for (const fragment of PERSONAL) expect(serialized).not.toContain(fragment);
    // One plugin on the bus, however many ways led to it.
    expect(Object.keys(mock().bus.plugins)).toHaveLength(1);
  }

  it('bridge first, then the site assigns its own _genesys config, then the widgets script (extensions)', async () => {
    installBridge();
    const onReady = vi.fn();
    testWindow._genesys = siteConfig(onReady);
    loadWidgets();
    expectClickToCallFlow(); // subscribed at boot through the extension, before init completes
    await ready();
    expect(onReady).toHaveBeenCalledTimes(1);
    expect(onReady).toHaveBeenCalledWith(mock().bus);
    expect(Object.keys((testWindow._genesys as { widgets: { extensions: object } }).widgets.extensions)).toEqual(['GtmWidgetBridge']);
  });

  it('site config first, then the bridge, then the widgets script', async () => {
    testWindow._genesys = siteConfig();
    installBridge();
    loadWidgets();
    expectClickToCallFlow();
  });

  it('survives the site replacing widgets and extensions after the bridge', () => {
    testWindow._genesys = { widgets: {} };
    installBridge();
    (testWindow._genesys as Record<string, unknown>).widgets = { extensions: { SiteExtension: vi.fn() } };
    const widgets = (testWindow._genesys as { widgets: Record<string, unknown> }).widgets;
    widgets.extensions = { SiteExtension: vi.fn() };
    loadWidgets();
    expectClickToCallFlow();
    expect((widgets.extensions as { SiteExtension: () => void }).SiteExtension).toHaveBeenCalledTimes(1);
  });

  it('widgets already up: subscribes through _genesys.widgets.bus', async () => {
    const onReady = vi.fn();
    testWindow._genesys = siteConfig(onReady);
    loadWidgets();
    await ready();
    installBridge();
    expectClickToCallFlow();
    expect(onReady).toHaveBeenCalledTimes(1);
  });

  it('bridge after the widgets script but before init completes: waits for the bus setter, no polling', async () => {
    testWindow._genesys = siteConfig();
    loadWidgets();
    installBridge();
    mock().run('ClickToCall', ['ready']); // before the bus is exposed: not reachable yet
    expect(dataLayer()).toEqual([]);
    await ready();
    expectClickToCallFlow();
  });

  it('keeps the site’s onReady, assigned after the bridge, called once with the bus', async () => {
    testWindow._genesys = siteConfig();
    installBridge();
    const onReady = vi.fn();
    (testWindow._genesys as { widgets: Record<string, unknown> }).widgets.onReady = onReady;
    loadWidgets();
    await ready();
    expect(onReady).toHaveBeenCalledTimes(1);
    expect(onReady).toHaveBeenCalledWith(mock().bus);
    expect((testWindow._genesys as { widgets: Record<string, unknown> }).widgets.onReady).toBe(onReady);
  });

  it.each([['before'], ['after']])('standalone CXBus loader %s the bridge', (when) => {
    testWindow.__genesysMode = 'standalone';
    if (when == 'before') loadWidgets();
    installBridge();
    if (when == 'after') loadWidgets();
    expectClickToCallFlow();
  });

  it('cancel path: no lead; WebChat with minimize and rejection', () => {
    installBridge();
    testWindow._genesys = siteConfig();
    loadWidgets();
    mock().run('Callback', ['ready', 'opened', 'started', 'cancelled', 'closed']);
    mock().run('WebChat', ['ready', 'opened', 'submitted', 'rejected'], { proactive: true });
    expect(eventNames()).toEqual([
      'widget_view', 'widget_open', 'widget_start', 'widget_cancel', 'widget_close',
      'widget_view', 'widget_open', 'widget_submit', 'widget_error',
    ]);
    expect(dataLayer()[8]).toMatchObject({ widget_product: 'web_chat', widget_proactive: true, widget_elapsed_ms: 2000 });
  });

  it('stops pushing after uninstall and removes its extension', () => {
    testWindow._genesys = siteConfig();
    const handle = installBridge();
    loadWidgets();
    handle.uninstall();
    mock().run('ClickToCall', ['ready', 'opened']);
    expect(dataLayer()).toEqual([]);
    expect((testWindow._genesys as { widgets: { extensions: object } }).widgets.extensions).toEqual({});
  });
});
