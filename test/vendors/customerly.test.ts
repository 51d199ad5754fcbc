import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BridgeConfig } from '../../src/index';
import { customerlyStages, readCustomerlyCall } from '../../src/vendors/customerly';
import { CUSTOMERLY_CALLBACKS } from '../documentedEvents';
import { dataLayer, definedParams, eventNames, installBridge, testWindow } from '../helpers';
import { PLANTED } from '../../fixtures/personalData';

const SNIPPET = readFileSync('fixtures/customerly-snippet.js', 'utf8');
const LAUNCHER = readFileSync('fixtures/customerly-launcher.js', 'utf8');

const DOCUMENTED = CUSTOMERLY_CALLBACKS;

const PERSONAL = PLANTED;

type Namespace = Record<string, unknown> & { load(settings: unknown): void; settings?: Record<string, unknown> };
const ns = () => testWindow.customerly as Namespace;
const run = (code: string) => new Function(code)();
const fire = (name: string, ...args: unknown[]) =>
  (testWindow.__customerlyMessenger as { fire(...a: unknown[]): void }).fire(name, ...args);

afterEach(() => {
  delete testWindow.customerly;
  delete testWindow.__customerlyMessenger;
  delete testWindow.__customerlyVariant;
});

describe('Customerly mapping table', () => {
  it('maps every documented callback, and only those, to one stage', () => {
    expect(Object.keys(customerlyStages).sort()).toEqual([...DOCUMENTED].sort());
    expect(customerlyStages).toMatchObject({
      onMessengerInitialized: 'view',
      onChatOpened: 'open',
      onNewConversation: 'start',
      onLeadGenerated: 'submit',
      onChatClosed: 'close',
    });
  });
});

describe('readCustomerlyCall', () => {
  it('says that an e-mail was given, never which', () => {
    expect(readCustomerlyCall('onLeadGenerated', ['jane@example.com'])).toMatchObject({ widget_email_provided: true });
    expect(readCustomerlyCall('onLeadGenerated', [null])).toMatchObject({ widget_email_provided: false });
    expect(readCustomerlyCall('onLeadGenerated', [])).toMatchObject({ widget_email_provided: false });
  });

  it('says an e-mail was given only when something shaped like one was', () => {
    for (const given of [' Jane.Doe@Example.com ', 'jane+sales@example.co.uk'])
      expect(readCustomerlyCall('onLeadGenerated', [given]), given).toMatchObject({ widget_email_provided: true });
    for (const blank of ['', ' ', '\t\n', 'undefined', 'null', 'not an email', 'jane@', '@example.com', 'jane@example', 42, {}]) {
      expect(readCustomerlyCall('onLeadGenerated', [blank]), String(blank)).toMatchObject({ widget_email_provided: false });
      expect(readCustomerlyCall('onChatflowNotificationViewed', [31, blank]), String(blank)).toMatchObject({
        widget_email_provided: undefined,
      });
      expect(readCustomerlyCall('onChatflowNotificationClicked', [31, { type: 'button' }, blank])).toMatchObject({
        widget_email_provided: undefined,
      });
    }
    // Positive control for the chatflow callbacks.
    expect(readCustomerlyCall('onChatflowNotificationViewed', [31, 'jane@example.com'])).toMatchObject({ widget_email_provided: true });
    expect(readCustomerlyCall('onChatflowNotificationClicked', [31, {}, 'jane@example.com'])).toMatchObject({
      widget_email_provided: true,
    });
  });

  it('counts attachments and drops the message', () => {
    const event = readCustomerlyCall('onNewConversation', ['Hi there, I am Jane', [{ name: 'cv.pdf' }, { name: 'id.png' }]]);
    expect(event).toEqual({ widget_action: 'onNewConversation', widget_attachment_count: 2 });
    expect(readCustomerlyCall('onNewConversation', ['hi'])).toMatchObject({ widget_attachment_count: 0 });
  });

  it('keeps the profiling attribute, never the answer', () => {
    expect(readCustomerlyCall('onProfilingQuestionAnswered', ['company_size', 'Jane Ltd, 50 people'])).toEqual({
      widget_action: 'onProfilingQuestionAnswered',
      widget_profiling_attribute: 'company_size',
    });
  });

  it('keeps the article id, slug and title, never body or author', () => {
    const article = {
      knowledge_base_article_id: 12,
      slug: 'pricing',
      title: 'Pricing and plans',
      body: 'secret',
      written_by: { name: 'Agent Smith' },
      account: {},
    };
    expect(readCustomerlyCall('onHelpCenterArticleOpened', [article])).toEqual({
      widget_action: 'onHelpCenterArticleOpened',
      widget_article_id: '12',
      widget_article_slug: 'pricing',
      widget_article_title: 'Pricing and plans',
    });
    expect(readCustomerlyCall('onHelpCenterArticleOpened', ['not an article'])).toEqual({ widget_action: 'onHelpCenterArticleOpened' });
  });

  it('reads the trigger id and marks received conversations proactive', () => {
    expect(readCustomerlyCall('onTriggerFired', [991])).toMatchObject({ widget_trigger_id: '991' });
    expect(readCustomerlyCall('onNewConversationReceived', [{ message: 'Hello' }])).toEqual({
      widget_action: 'onNewConversationReceived',
      widget_proactive: true,
    });
  });
});

const ORDERS = ['before the snippet', 'after the snippet, before load()', 'after load()', 'after the messenger booted'] as const;
const VARIANTS = ['settings', 'property', 'both'] as const;

/** Runs snippet, load(), launcher and the bridge in the given order, with the site's own callbacks set both ways. */
function boot(order: (typeof ORDERS)[number], variant: (typeof VARIANTS)[number], config?: BridgeConfig) {
  testWindow.__customerlyVariant = variant;
  const settingsCallback = vi.fn(function () {
    return 'settings-result';
  });
  const propertyCallback = vi.fn(function () {
    return 'property-result';
  });
  const steps = {
    snippet: () => run(SNIPPET),
    load: () => ns().load({ app_id: 'APP', callbacks: { onChatOpened: settingsCallback } }),
    // The site registers a property callback right after load (React SDK style).
    property: () => (ns().onChatClosed = propertyCallback),
    launcher: () => run(LAUNCHER),
    bridge: () => installBridge(config),
  };
  const sequence = {
    'before the snippet': ['bridge', 'snippet', 'load', 'property', 'launcher'],
    'after the snippet, before load()': ['snippet', 'bridge', 'load', 'property', 'launcher'],
    'after load()': ['snippet', 'load', 'property', 'bridge', 'launcher'],
    'after the messenger booted': ['snippet', 'load', 'property', 'launcher', 'bridge'],
  }[order] as (keyof typeof steps)[];
  for (const step of sequence) steps[step]();
  return { settingsCallback, propertyCallback };
}

describe('Customerly hooks in every load order and callback-calling variant', () => {
  for (const order of ORDERS) {
    for (const variant of VARIANTS) {
      it(`${order}, messenger calls ${variant}: one push per event, site callbacks intact, no personal data`, () => {
        const { settingsCallback, propertyCallback } = boot(order, variant);
        fire('onChatOpened');
        fire('onNewConversation', 'Hi there, I am Jane, +1 555 0100', [{ name: 'cv.pdf', content: 'secret' }]);
        fire('onProfilingQuestionAnswered', 'company_size', 'Jane Ltd');
        fire('onHelpCenterArticleOpened', {
          knowledge_base_article_id: 12,
          slug: 'pricing',
          title: 'Pricing',
          body: 'secret',
          written_by: 'Agent Smith',
        });
        fire('onLeadGenerated', 'jane.doe@example.com');
        fire('onChatClosed');

        const booted = order != 'after the messenger booted';
        expect(eventNames()).toEqual([
          ...(booted ? ['widget_view'] : []),
          'widget_open',
          'widget_start',
          'widget_interaction',
          'widget_interaction',
          'widget_submit',
          'generate_lead',
          'widget_close',
        ]);
        const pushes = dataLayer().map(definedParams);
        const at = booted ? 1 : 0;
        expect(pushes[at + 1]).toEqual({
          event: 'widget_start',
          widget_vendor: 'customerly',
          widget_product: 'live_chat',
          widget_action: 'onNewConversation',
          widget_stage: 'start',
          widget_attachment_count: 1,
          widget_schema: 1,
        });
        expect(pushes[at + 5]).toEqual({
          event: 'generate_lead',
          widget_vendor: 'customerly',
          widget_product: 'live_chat',
          widget_action: 'onLeadGenerated',
          widget_stage: 'submit',
          widget_email_provided: true,
          lead_source: 'customerly',
          widget_schema: 1,
        });
        const serialized = JSON.stringify(dataLayer());
        for (const fragment of PERSONAL) expect(serialized).not.toContain(fragment);

        // The site's callbacks are called exactly as the messenger calls them without the bridge.
        expect(settingsCallback.mock.calls).toEqual(variant == 'property' ? [] : [[]]);
        expect(settingsCallback.mock.contexts).toEqual(variant == 'property' ? [] : [ns().settings!.callbacks]);
        // onChatClosed is not among the load() callbacks: every variant finds the property one.
        expect(propertyCallback.mock.calls).toEqual([[]]);
        expect(propertyCallback.mock.contexts).toEqual([ns()]);
        expect(propertyCallback.mock.results).toEqual([{ type: 'return', value: 'property-result' }]);
      });
    }
  }

  for (const order of ORDERS) {
    it(`${order}: a callback the site adds to the load() callbacks afterwards is wrapped, and the messenger's call of it pushes`, () => {
      const { settingsCallback } = boot(order, 'settings');
      const callbacks = ns().settings!.callbacks as Record<string, unknown>;
      const ownBefore = Object.getOwnPropertyNames(callbacks);
      const added = vi.fn(function () {
        return 'added-result';
      });
      callbacks.onChatClosed = added; // the messenger calls load() callbacks before customerly.onX
      fire('onChatOpened'); // the control: a callback set in load() itself
      fire('onChatClosed');
      expect(
        dataLayer()
          .map((push) => push.widget_action)
          .filter((action) => action != 'onMessengerInitialized'),
      ).toEqual(['onChatOpened', 'onChatClosed']);
      expect(settingsCallback.mock.calls).toEqual([[]]);
      expect(added.mock.calls).toEqual([[]]);
      expect(added.mock.contexts).toEqual([callbacks]);
      expect(added.mock.results).toEqual([{ type: 'return', value: 'added-result' }]);
      // The object gained only what the site assigned, and the bridge no property of its own.
      expect(Object.getOwnPropertyNames(callbacks)).toEqual([...ownBefore, 'onChatClosed']);
      expect('onChatOpened' in callbacks && 'onChatClosed' in callbacks).toBe(true);
      expect(callbacks.onSurveyPresented).toBeUndefined();
    });
  }

  it('passes return values through and lets a throwing site callback surface after the push', () => {
    run(SNIPPET);
    installBridge();
    const result = vi.fn(() => 42);
    ns().load({
      callbacks: {
        onChatOpened: result,
        onChatClosed: () => {
          throw new Error('site bug');
        },
      },
    });
    run(LAUNCHER);
    const callbacks = ns().settings!.callbacks as Record<string, (...a: unknown[]) => unknown>;
    expect(callbacks.onChatOpened('x')).toBe(42);
    expect(result).toHaveBeenCalledWith('x');
    expect(() => callbacks.onChatClosed()).toThrow('site bug');
    expect(eventNames()).toEqual(['widget_view', 'widget_open', 'widget_close']);
  });

  it('keeps a property callback the site sets after the bridge, and one it replaces', () => {
    testWindow.__customerlyVariant = 'property';
    run(SNIPPET);
    installBridge();
    ns().load({});
    run(LAUNCHER);
    const first = vi.fn();
    const second = vi.fn();
    ns().onChatOpened = first;
    fire('onChatOpened');
    ns().onChatOpened = second;
    fire('onNewConversation', 'hello', []);
    // A second identical open within DUPLICATE_WINDOW_MS would be taken for the same event reported twice.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 2000 });
    fire('onChatOpened');
    vi.useRealTimers();
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(1);
    expect(eventNames()).toEqual(['widget_view', 'widget_open', 'widget_start', 'widget_open']);
  });

  it('follows a messenger that replaces window.customerly with its own API object', () => {
    testWindow.__customerlyVariant = 'property';
    installBridge();
    run(SNIPPET);
    ns().load({});
    testWindow.customerly = { settings: ns().settings, open() {} }; // the booted API replaces the array
    run(LAUNCHER);
    fire('onChatOpened');
    expect(eventNames()).toEqual(['widget_view', 'widget_open']);
  });

  it('puts everything back on uninstall', () => {
    const site = vi.fn();
    run(SNIPPET);
    const handle = installBridge();
    ns().load({ callbacks: { onChatOpened: site } });
    run(LAUNCHER);
    handle.uninstall();
    expect((ns().settings!.callbacks as Record<string, unknown>).onChatOpened).toBe(site);
    expect('onChatClosed' in (ns().settings!.callbacks as object)).toBe(false);
    expect(Object.getOwnPropertyDescriptor(window, 'customerly')!.get).toBeUndefined();
    fire('onChatOpened');
    expect(site).toHaveBeenCalledTimes(1);
    expect(eventNames()).toEqual(['widget_view']);
  });

  it('hashes the normalized e-mail into user_data on the lead only when hashEmail is on', async () => {
    boot('after load()', 'both', { hashEmail: true });
    fire('onLeadGenerated', '  Jane.Doe@Example.COM ');
    fire('onChatClosed');
    await vi.waitFor(() => expect(eventNames()).toContain('generate_lead'));
    const lead = dataLayer().find((push) => push.event == 'generate_lead')!;
    const expected = createHash('sha256').update('jane.doe@example.com').digest('hex');
    expect(lead.user_data).toEqual({ sha256_email_address: expected });
    expect(JSON.stringify(dataLayer())).not.toMatch(/jane|example\.com/i);
    // Only the lead carries it: the stage pushes have the key, undefined.
    for (const push of dataLayer().filter((p) => p.event != 'generate_lead')) {
      expect('user_data' in push && push.user_data === undefined).toBe(true);
    }
  });

  it('sends no user_data without hashEmail, even with an e-mail', () => {
    boot('after load()', 'settings');
    fire('onLeadGenerated', 'jane@example.com');
    expect(dataLayer().find((push) => push.event == 'generate_lead')!.user_data).toBeUndefined();
  });
});

describe('Customerly ids and conversations', () => {
  it('uses the conversation id the callbacks carry, so two conversations are never collapsed', () => {
    boot('after load()', 'property');
    fire('onNewMessageReceived', { accountId: 1, message: 'Hi Jane', timestamp: 1, userId: 2, conversationId: 501 });
    fire('onNewMessageReceived', { accountId: 1, message: 'Hi Jane', timestamp: 1, userId: 2, conversationId: 502 });
    fire('onMessageRead', 502, 9001);
    fire('onNewConversationReceived', 503);
    fire('onRealtimeVideoReceived', { conversation_id: 504, account: { name: 'Agent Smith' } });
    fire('onSurveyPresented', { survey_id: 77, title: 'How was it, Jane?' });
    const ids = dataLayer()
      .filter((push) => push.event != 'widget_view')
      .map((push) => [push.widget_action, push.widget_interaction_id]);
    expect(ids).toEqual([
      ['onNewMessageReceived', '501'],
      ['onNewMessageReceived', '502'],
      ['onMessageRead', '502'],
      ['onNewConversationReceived', '503'],
      ['onRealtimeVideoReceived', '504'],
      ['onSurveyPresented', '77'],
    ]);
    expect(JSON.stringify(dataLayer())).not.toMatch(/Jane|Smith/);
  });

  it('gives a lead the current conversation, so a lead in a second conversation is a lead of its own', () => {
    boot('after load()', 'property');
    fire('onNewConversation', 'first question', []);
    fire('onNewMessageReceived', { conversationId: 601, message: 'answer' });
    fire('onLeadGenerated', 'jane@example.com');
    fire('onLeadGenerated', 'jane@example.com'); // the same conversation: no second lead
    // Seconds later: the same push within DUPLICATE_WINDOW_MS would be one event reported twice.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 2000 });
    fire('onNewConversation', 'second question', []);
    vi.useRealTimers();
    fire('onNewMessageReceived', { conversationId: 602, message: 'answer' });
    fire('onLeadGenerated', 'jane@example.com');
    const leads = dataLayer().filter((push) => push.event == 'generate_lead');
    expect(leads.map((push) => push.widget_interaction_id)).toEqual(['601', '602']);
    expect(eventNames().filter((name) => name == 'widget_start')).toHaveLength(2);
  });

  it('pushes chatflow notifications, saying only that an e-mail came along', () => {
    boot('after load()', 'property');
    fire('onChatflowNotificationViewed', 31, 'jane@example.com');
    fire('onChatflowNotificationClicked', 31, {
      type: 'button',
      button: { caption: 'Call Jane', link: 'https://x.test/?e=jane@example.com' },
    });
    const pushes = dataLayer()
      .filter((push) => push.event != 'widget_view')
      .map(definedParams);
    expect(pushes).toEqual([
      {
        event: 'widget_interaction',
        widget_vendor: 'customerly',
        widget_product: 'live_chat',
        widget_action: 'onChatflowNotificationViewed',
        widget_stage: 'interaction',
        widget_interaction_id: '31',
        widget_proactive: true,
        widget_email_provided: true,
        widget_schema: 1,
      },
      {
        event: 'widget_interaction',
        widget_vendor: 'customerly',
        widget_product: 'live_chat',
        widget_action: 'onChatflowNotificationClicked',
        widget_stage: 'interaction',
        widget_interaction_id: '31',
        widget_proactive: true,
        widget_item_type: 'button',
        widget_schema: 1,
      },
    ]);
    expect(JSON.stringify(dataLayer())).not.toMatch(/jane|Call|x\.test/i);
  });

  it('drops an article title that holds an e-mail address or a phone number, keeps a plain one', () => {
    for (const title of ['Write to sales@acme.test', 'Call +49 30 1234567', 'Ring (030) 123-4567', 'sales(at)acme.test']) {
      expect(
        readCustomerlyCall('onHelpCenterArticleOpened', [{ knowledge_base_article_id: 1, title }]).widget_article_title,
      ).toBeUndefined();
    }
    expect(
      readCustomerlyCall('onHelpCenterArticleOpened', [{ knowledge_base_article_id: 1, title: 'Pricing 2026' }]).widget_article_title,
    ).toBe('Pricing 2026');
  });
});

describe('Customerly leaves what the messenger receives as the site made it', () => {
  it('adds no own property to the namespace and no callbacks object to the settings', () => {
    run(SNIPPET);
    const before = Object.getOwnPropertyNames(ns()).sort();
    installBridge();
    const settings = { app_id: 'APP' };
    ns().load(settings);
    run(LAUNCHER);
    // The snippet's own load() adds `settings` and `injected`, and the launcher `loaded`; the bridge adds nothing.
    expect(Object.getOwnPropertyNames(ns()).sort()).toEqual([...before, 'injected', 'settings'].sort());
    expect(Object.keys(settings)).toEqual(['app_id']);
    expect(Array.isArray(ns())).toBe(true);
    // Positive control: the messenger still finds a callback for every event.
    fire('onChatOpened');
    expect(eventNames()).toEqual(['widget_view', 'widget_open']);
  });

  it('wraps only the load() callbacks the site set, keeping them enumerable', () => {
    run(SNIPPET);
    installBridge();
    const onChatOpened = vi.fn();
    ns().load({ app_id: 'APP', callbacks: { onChatOpened } });
    run(LAUNCHER);
    const callbacks = ns().settings!.callbacks as Record<string, unknown>;
    expect(Object.keys(callbacks)).toEqual(['onChatOpened']);
    expect(Object.getOwnPropertyNames(callbacks)).toEqual(['onChatOpened']);
    fire('onChatOpened');
    expect(onChatOpened).toHaveBeenCalledTimes(1);
    expect(eventNames()).toEqual(['widget_view', 'widget_open']);
  });

  it('sees a callback the site deletes and registers again', () => {
    testWindow.__customerlyVariant = 'property';
    run(SNIPPET);
    installBridge();
    ns().load({});
    run(LAUNCHER);
    const first = vi.fn();
    const second = vi.fn();
    ns().onChatOpened = first;
    fire('onChatOpened');
    delete ns().onChatOpened;
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 2000 });
    fire('onChatOpened'); // no site callback now, but still an open
    ns().onChatOpened = second;
    vi.setSystemTime(Date.now() + 2000);
    fire('onChatOpened');
    vi.useRealTimers();
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(1);
    expect(eventNames()).toEqual(['widget_view', 'widget_open', 'widget_open', 'widget_open']);
  });

  it('keeps hooks only on the current namespace when a single-page app re-creates it', () => {
    testWindow.__customerlyVariant = 'property';
    installBridge();
    const old: Record<string, unknown>[] = [];
    for (let i = 0; i < 50; i++) {
      testWindow.customerly = undefined; // what an app's teardown does before the snippet runs again
      run(SNIPPET);
      ns().load({ callbacks: {} });
      old.push(ns());
    }
    run(LAUNCHER);
    fire('onChatOpened');
    expect(eventNames()).toEqual(['widget_view', 'widget_open']);
    // Earlier namespaces are back to plain arrays: nothing of the bridge is kept alive through them.
    for (const namespace of old.slice(0, -1)) {
      expect(Object.getPrototypeOf(namespace)).toBe(Array.prototype);
      expect(Object.getOwnPropertyDescriptor(namespace, 'settings')!.get).toBeUndefined();
    }
    expect(Object.getPrototypeOf(old[old.length - 1])).not.toBe(Array.prototype);
  });
});
