import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BridgeConfig } from '../../src/core/config';
import { customerlyStages, readCustomerlyCall } from '../../src/vendors/customerly';
import { CUSTOMERLY_CALLBACKS } from '../documentedEvents';
import { dataLayer, definedParams, eventNames, installBridge, testWindow } from '../helpers';

const SNIPPET = readFileSync('e2e/fixtures/customerly-snippet.js', 'utf8');
const LAUNCHER = readFileSync('e2e/fixtures/customerly-launcher.js', 'utf8');

const DOCUMENTED = CUSTOMERLY_CALLBACKS;

const PERSONAL = ['jane', 'Jane', 'JANE', '555', 'Smith', 'secret', 'cv.pdf', 'Ltd', 'Hi there'];

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
      onMessengerInitialized: 'view', onChatOpened: 'open', onNewConversation: 'start', onLeadGenerated: 'submit', onChatClosed: 'close',
    });
  });
});

describe('readCustomerlyCall', () => {
  it('says that an e-mail was given, never which', () => {
    expect(readCustomerlyCall('onLeadGenerated', ['jane@example.com'])).toMatchObject({ widget_email_provided: true });
    expect(readCustomerlyCall('onLeadGenerated', [null])).toMatchObject({ widget_email_provided: false });
    expect(readCustomerlyCall('onLeadGenerated', [])).toMatchObject({ widget_email_provided: false });
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
    const article = { knowledge_base_article_id: 12, slug: 'pricing', title: 'Pricing and plans', body: 'secret', written_by: { name: 'Agent Smith' }, account: {} };
    expect(readCustomerlyCall('onHelpCenterArticleOpened', [article])).toEqual({
      widget_action: 'onHelpCenterArticleOpened', widget_article_id: '12', widget_article_slug: 'pricing', widget_article_title: 'Pricing and plans',
    });
    expect(readCustomerlyCall('onHelpCenterArticleOpened', ['not an article'])).toEqual({ widget_action: 'onHelpCenterArticleOpened' });
  });

  it('reads the trigger id and marks received conversations proactive', () => {
    expect(readCustomerlyCall('onTriggerFired', [991])).toMatchObject({ widget_trigger_id: '991' });
    expect(readCustomerlyCall('onNewConversationReceived', [{ message: 'Hello' }])).toEqual({ widget_action: 'onNewConversationReceived', widget_proactive: true });
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
        fire('onHelpCenterArticleOpened', { knowledge_base_article_id: 12, slug: 'pricing', title: 'Pricing', body: 'secret', written_by: 'Agent Smith' });
        fire('onLeadGenerated', 'jane.doe@example.com');
        fire('onChatClosed');

        const booted = order != 'after the messenger booted';
        expect(eventNames()).toEqual([
          ...(booted ? ['widget_view'] : []),
          'widget_open', 'widget_start', 'widget_interaction', 'widget_interaction', 'widget_submit', 'generate_lead', 'widget_close',
        ]);
        const pushes = dataLayer().map(definedParams);
        const at = booted ? 1 : 0;
        expect(pushes[at + 1]).toEqual({
          event: 'widget_start', widget_vendor: 'customerly', widget_product: 'live_chat', widget_action: 'onNewConversation',
          widget_stage: 'start', widget_attachment_count: 1, widget_schema: 1,
        });
        expect(pushes[at + 5]).toEqual({
          event: 'generate_lead', widget_vendor: 'customerly', widget_product: 'live_chat', widget_action: 'onLeadGenerated',
          widget_stage: 'submit', widget_email_provided: true, lead_source: 'customerly', widget_schema: 1,
        });
        const serialized = JSON.stringify(dataLayer());
        for (const fragment of PERSONAL) expect(serialized).not.toContain(fragment);

        // The site's callbacks are called exactly as the messenger calls them without the bridge.
        expect(settingsCallback.mock.calls).toEqual(variant == 'property' ? [] : [[]]);
        expect(settingsCallback.mock.contexts).toEqual(variant == 'property' ? [] : [ns().settings!.callbacks]);
        expect(propertyCallback.mock.calls).toEqual(variant == 'settings' ? [] : [[]]);
        expect(propertyCallback.mock.contexts).toEqual(variant == 'settings' ? [] : [ns()]);
        expect(propertyCallback.mock.results).toEqual(variant == 'settings' ? [] : [{ type: 'return', value: 'property-result' }]);
      });
    }
  }

  it('passes return values through and lets a throwing site callback surface after the push', () => {
    run(SNIPPET);
    installBridge();
    const result = vi.fn(() => 42);
    ns().load({ callbacks: { onChatOpened: result, onChatClosed: () => { throw new Error('site bug'); } } });
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
