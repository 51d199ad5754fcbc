import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { genesysStages, readGenesysEvent } from '../../src/vendors/genesys';
import { dataLayer, definedParams, eventNames, installBridge, testWindow } from '../helpers';
import { PLANTED } from '../../fixtures/personalData';

const WIDGETS_SCRIPT = readFileSync('fixtures/genesys-widgets.js', 'utf8');
const PERSONAL = PLANTED;
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
  it('covers the lifecycles of ClickToCall, Callback, WebChat and SendMessage, and WebChatService', () => {
    const lifecycle = ['ready', 'opened', 'started', 'submitted', 'completed', 'cancelled', 'closed'];
    const expected: Record<string, string> = {};
    const stage = {
      ready: 'view',
      opened: 'open',
      started: 'start',
      submitted: 'submit',
      completed: 'complete',
      cancelled: 'cancel',
      closed: 'close',
    };
    for (const widget of ['ClickToCall', 'Callback', 'WebChat', 'SendMessage']) {
      for (const step of lifecycle) expected[`${widget}.${step}`] = stage[step as keyof typeof stage];
    }
    Object.assign(expected, {
      'ClickToCall.expired': 'cancel',
      // WebChat 9: submitted (registration form) comes before started (session established).
      'WebChat.submitted': 'start',
      'WebChat.started': 'submit',
      'WebChat.rejected': 'error',
      'WebChat.minimized': 'interaction',
      'WebChat.unminimized': 'interaction',
      // Genesys 8.5 publishes the chat only here: the session starting is its start, an agent taking it its submit.
      'WebChatService.started': 'start',
      'WebChatService.restored': 'interaction',
      'WebChatService.agentConnected': 'submit',
      'WebChatService.agentDisconnected': 'interaction',
      'WebChatService.ended': 'complete',
      'WebChatService.error': 'error',
    });
    expect(genesysStages).toEqual(expected);
  });
});

describe('readGenesysEvent', () => {
  const metadata = {
    proactive: true,
    prefilled: true,
    autoSubmitted: false,
    errors: 2,
    ready: BASE,
    opened: BASE + 1000,
    started: BASE + 4000,
    completed: false,
    userData: { email: 'jane@example.com' },
  };

  it('derives this step’s values from the shared metadata block', () => {
    expect(readGenesysEvent('ClickToCall.started', { event: 'ClickToCall.started', data: metadata })).toEqual({
      widget_action: 'ClickToCall.started',
      widget_product: 'click_to_call',
      widget_interaction_id: `click_to_call:${BASE + 1000}`,
      widget_proactive: true,
      widget_prefilled: true,
      widget_auto_submitted: false,
      widget_error_count: 2,
      widget_elapsed_ms: 3000,
    });
  });

  it('has no elapsed time before opened or for a step not reached, and no id before opened', () => {
    expect(readGenesysEvent('WebChat.ready', { data: { ...metadata, opened: false } })).toMatchObject({
      widget_interaction_id: undefined,
      widget_elapsed_ms: undefined,
      widget_product: 'web_chat',
    });
    expect(readGenesysEvent('WebChat.minimized', { data: metadata })).toMatchObject({ widget_elapsed_ms: undefined });
    expect(readGenesysEvent('WebChat.opened', { data: metadata })).toMatchObject({ widget_elapsed_ms: 0 });
  });

  it('uses the vendor id when the metadata has one (WebChat 9 `id`, WebChatService `sessionID`)', () => {
    expect(readGenesysEvent('WebChat.opened', { data: { ...metadata, id: 'ixn-7f3' } })).toMatchObject({
      widget_interaction_id: 'ixn-7f3',
    });
    expect(readGenesysEvent('WebChatService.started', { data: { sessionID: 'sess-42' } })).toMatchObject({
      widget_interaction_id: 'sess-42',
      widget_product: 'web_chat',
    });
    expect(readGenesysEvent('WebChat.opened', { data: { ...metadata, id: 'jane@example.com' } })).toMatchObject({
      widget_interaction_id: `web_chat:${BASE + 1000}`,
    });
  });

  it('copes with a missing or hostile event', () => {
    for (const event of [undefined, null, 'x', 42, [], { data: 'x' }, { data: null }]) {
      expect(readGenesysEvent('Callback.completed', event)).toMatchObject({
        widget_action: 'Callback.completed',
        widget_product: 'callback',
      });
    }
    expect(readGenesysEvent('SendMessage.opened', { data: { errors: ['a', 'b', 'c'] } })).toMatchObject({ widget_error_count: 3 });
  });
});

describe('Genesys registration in every load order', () => {
  const siteConfig = (onReady?: (bus: unknown) => void) => ({
    widgets: { main: { theme: 'dark' }, webchat: {}, clicktocall: {}, callback: {}, onReady, extensions: {} },
  });

  function expectClickToCallFlow() {
    mock().run('ClickToCall', ['ready', 'opened', 'started', 'completed', 'closed']);
    expect(eventNames()).toEqual(['widget_view', 'widget_open', 'widget_start', 'widget_complete', 'generate_lead', 'widget_close']);
    expect(definedParams(dataLayer()[3])).toEqual({
      event: 'widget_complete',
      widget_vendor: 'genesys',
      widget_product: 'click_to_call',
      widget_action: 'ClickToCall.completed',
      widget_stage: 'complete',
      widget_interaction_id: `click_to_call:${BASE + 1000}`,
      widget_proactive: false,
      widget_prefilled: false,
      widget_auto_submitted: false,
      widget_error_count: 0,
      widget_elapsed_ms: 2000,
      widget_schema: 1,
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
    (testWindow._genesys as Record<string, unknown>).widgets = { clicktocall: {}, extensions: { SiteExtension: vi.fn() } };
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
    testWindow._genesys = { widgets: { clicktocall: {} } };
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
      'widget_view',
      'widget_open',
      'widget_start',
      'widget_cancel',
      'widget_close',
      'widget_view',
      'widget_open',
      'widget_start',
      'widget_error',
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

  it('pushes ready only for the widgets the page configured (the bundle publishes it for every widget)', () => {
    testWindow._genesys = { widgets: { webchat: { transport: {} }, extensions: {} } };
    installBridge();
    loadWidgets();
    for (const widget of ['ClickToCall', 'Callback', 'SendMessage', 'WebChat']) mock().run(widget, ['ready']);
    expect(dataLayer().map((push) => push.widget_action)).toEqual(['WebChat.ready']);
  });

  it('WebChat 9: opened → submitted → started → completed is open, start, submit, complete; what WebChatService repeats is an interaction; one id', () => {
    testWindow._genesys = siteConfig();
    installBridge();
    loadWidgets();
    const bus = mock().bus as unknown as { publish(event: string, data: unknown): void };
    const chat = { id: 'ixn-91', proactive: false, opened: BASE, submitted: false, started: false, completed: false };
    bus.publish('WebChat.ready', {});
    bus.publish('WebChat.opened', chat);
    bus.publish('WebChat.submitted', { ...chat, submitted: BASE + 5000, form: { firstname: 'Jane' } });
    bus.publish('WebChatService.started', { sessionID: 'sess-17' });
    bus.publish('WebChat.started', { ...chat, started: BASE + 6000 });
    bus.publish('WebChatService.agentConnected', { agent: { name: 'Agent Smith' } });
    bus.publish('WebChatService.ended', {});
    bus.publish('WebChat.completed', { ...chat, completed: BASE + 60000 });
    bus.publish('WebChat.closed', chat);
    expect(dataLayer().map((push) => [push.widget_action, push.event, push.widget_interaction_id])).toEqual([
      ['WebChat.ready', 'widget_view', undefined],
      ['WebChat.opened', 'widget_open', 'ixn-91'],
      ['WebChat.submitted', 'widget_start', 'ixn-91'],
      ['WebChatService.started', 'widget_interaction', 'ixn-91'],
      ['WebChat.started', 'widget_submit', 'ixn-91'],
      ['WebChatService.agentConnected', 'widget_interaction', 'ixn-91'],
      ['WebChatService.ended', 'widget_complete', 'ixn-91'],
      ['WebChat.completed', 'widget_interaction', 'ixn-91'],
      ['WebChat.closed', 'widget_close', 'ixn-91'],
    ]);
    expect(JSON.stringify(dataLayer())).not.toMatch(/Jane|Smith/);
  });

  it('Genesys 8.5: WebChat open/close with the chat on WebChatService gives open, start, submit, complete; a second chat is its own', () => {
    testWindow._genesys = siteConfig();
    installBridge();
    loadWidgets();
    const bus = mock().bus as unknown as { publish(event: string, data: unknown): void };
    vi.useFakeTimers({ toFake: ['Date'], now: BASE });
    for (const session of ['s-1', 's-2']) {
      vi.setSystemTime(Date.now() + 60_000); // chats minutes apart, not one event reported twice
      bus.publish('WebChat.opened', {});
      bus.publish('WebChatService.started', { sessionID: session });
      bus.publish('WebChatService.agentConnected', {});
      bus.publish('WebChatService.ended', {});
      bus.publish('WebChat.closed', {});
    }
    vi.useRealTimers();
    expect(dataLayer().map((push) => [push.event, push.widget_interaction_id])).toEqual([
      ['widget_open', undefined],
      ['widget_start', 's-1'],
      ['widget_submit', 's-1'],
      ['widget_complete', 's-1'],
      ['widget_close', 's-1'],
      ['widget_open', undefined],
      ['widget_start', 's-2'],
      ['widget_submit', 's-2'],
      ['widget_complete', 's-2'],
      ['widget_close', 's-2'],
    ]);
  });

  it('Genesys 8.5: a chat session that ends before an agent joined is pushed, as an interaction, not as a completion', () => {
    testWindow._genesys = siteConfig();
    installBridge();
    loadWidgets();
    const bus = mock().bus as unknown as { publish(event: string, data: unknown): void };
    bus.publish('WebChat.opened', {});
    bus.publish('WebChatService.started', { sessionID: 's-9' });
    bus.publish('WebChatService.ended', {});
    bus.publish('WebChat.closed', {});
    expect(dataLayer().map((push) => [push.widget_action, push.event, push.widget_interaction_id])).toEqual([
      ['WebChat.opened', 'widget_open', undefined],
      ['WebChatService.started', 'widget_start', 's-9'],
      ['WebChatService.ended', 'widget_interaction', 's-9'],
      ['WebChat.closed', 'widget_close', 's-9'],
    ]);
    // The control: the next chat, which an agent joins, completes.
    bus.publish('WebChat.opened', {});
    bus.publish('WebChatService.started', { sessionID: 's-10' });
    bus.publish('WebChatService.agentConnected', {});
    bus.publish('WebChatService.ended', {});
    expect(
      dataLayer()
        .slice(-1)
        .map((push) => [push.widget_action, push.event, push.widget_interaction_id]),
    ).toEqual([['WebChatService.ended', 'widget_complete', 's-10']]);
  });

  it('an error in the extension entry point never reaches the widgets boot', () => {
    testWindow._genesys = siteConfig();
    installBridge();
    const extensions = (testWindow._genesys as { widgets: { extensions: Record<string, (...a: unknown[]) => void> } }).widgets.extensions;
    const hostileBus = {
      get registerPlugin() {
        throw new Error('hostile bus');
      },
    };
    expect(() => extensions.GtmWidgetBridge(() => {}, hostileBus, {})).not.toThrow();
    // Positive control: the same entry point subscribes a real bus.
    loadWidgets();
    mock().run('ClickToCall', ['ready']);
    expect(eventNames()).toEqual(['widget_view']);
  });

  it('keeps hooks only on the current _genesys config when the site replaces it again and again', () => {
    installBridge();
    const configs: Record<string, unknown>[] = [];
    for (let i = 0; i < 50; i++) {
      testWindow._genesys = siteConfig();
      configs.push(testWindow._genesys as Record<string, unknown>);
    }
    loadWidgets();
    mock().run('ClickToCall', ['ready']);
    expect(eventNames()).toEqual(['widget_view']);
    for (const config of configs.slice(0, -1)) {
      expect(Object.getOwnPropertyDescriptor(config, 'widgets')!.get).toBeUndefined();
      const widgets = config.widgets as Record<string, unknown>;
      expect(Object.getOwnPropertyDescriptor(widgets, 'extensions')!.get).toBeUndefined();
      expect(widgets.extensions).toEqual({});
    }
  });
});
