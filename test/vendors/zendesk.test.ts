import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readZendeskEvent, zendeskStages } from '../../src/vendors/zendesk';
import { ZENDESK_EVENTS, ZENDESK_IGNORED } from '../documentedEvents';
import { dataLayer, definedParams, eventNames, installBridge, testWindow } from '../helpers';
import { PLANTED } from '../../fixtures/personalData';

const SNIPPET = readFileSync('fixtures/zendesk-snippet.js', 'utf8');

type Messenger = { fire(name: string): void; count(name: string): number };
type ZE = ((...args: unknown[]) => unknown) & { q?: unknown[] };
const messenger = () => testWindow.__zendeskMessenger as Messenger;
const zE = () => testWindow.zE as ZE;
const loadWidget = () => new Function(SNIPPET)();
/** A queue a page defines before the widget's script: each call's arguments in zE.q. */
const queue = () => {
  const stub: ZE = function (...args: unknown[]) {
    stub.q!.push(args);
  };
  stub.q = [];
  testWindow.zE = stub;
};
const actions = () => dataLayer().map((push) => push.event + ' ' + push.widget_action);

afterEach(() => {
  for (const key of ['zE', '__zendeskMessenger']) delete testWindow[key];
});

describe('Zendesk mapping table', () => {
  it('maps every documented event it pushes, and none of those it leaves out', () => {
    expect(Object.keys(zendeskStages).sort()).toEqual([...ZENDESK_EVENTS].sort());
    for (const name of ZENDESK_IGNORED) expect(zendeskStages).not.toHaveProperty(name);
    expect(zendeskStages).toMatchObject({
      open: 'open',
      close: 'close',
      conversationStarted: 'start',
      conversationWithAgentRequested: 'submit',
    });
  });
});

describe('readZendeskEvent', () => {
  it('reads the conversation id and a proactive message’s campaign, in data or on the event', () => {
    expect(
      readZendeskEvent('conversationStarted', { id: 'e1', createdAt: 1, type: 'conversationStarted', data: { conversationId: 'c-1' } }),
    ).toEqual({
      widget_action: 'conversationStarted',
      widget_interaction_id: 'c-1',
      widget_proactive: undefined,
      widget_trigger_id: undefined,
    });
    expect(readZendeskEvent('proactiveMessageDisplayed', { campaignId: 'cmp-1' })).toMatchObject({
      widget_proactive: true,
      widget_trigger_id: 'cmp-1',
    });
  });

  it('copes with malformed events and drops ids that look personal', () => {
    for (const event of [undefined, null, 7, 'x', [], { data: 'x' }]) expect(() => readZendeskEvent('open', event)).not.toThrow();
    const event = readZendeskEvent('conversationStarted', { data: { conversationId: 'jane.doe@example.com', campaignId: '+1 555 0100' } });
    expect(definedParams(event as Record<string, unknown>)).toEqual({ widget_action: 'conversationStarted' });
  });
});

describe('Zendesk subscriptions', () => {
  const walk = [
    'open',
    'proactiveMessageDisplayed',
    'newConversationButtonClicked',
    'conversationStarted',
    'messagesShown',
    'postbackButtonClicked',
    'conversationWithAgentRequested',
    'conversationAgentAssigned',
    'unreadMessages',
    'close',
  ];
  const expected = [
    'widget_open open',
    'widget_interaction proactiveMessageDisplayed',
    'widget_interaction newConversationButtonClicked',
    'widget_start conversationStarted',
    'widget_interaction postbackButtonClicked',
    'widget_submit conversationWithAgentRequested',
    'widget_interaction conversationAgentAssigned',
    'widget_close close',
  ];

  it.each([
    ['the bridge, then the widget', 'first'],
    ['a queue with the site’s subscription, the bridge, then the widget', 'queued'],
    ['the widget, then the bridge', 'last'],
  ])('%s: every event pushed once, the site’s own callbacks called once each', (_, order) => {
    const siteBefore = vi.fn();
    const siteAfter = vi.fn();
    if (order == 'first') installBridge();
    if (order == 'queued') {
      queue();
      zE()('messenger:on', 'open', siteBefore);
      installBridge();
    }
    loadWidget();
    if (order != 'queued') zE()('messenger:on', 'open', siteBefore);
    if (order == 'last') installBridge();
    zE()('messenger:on', 'open', siteAfter);
    for (const name of walk) messenger().fire(name);
    expect(actions()).toEqual(expected);
    expect(siteBefore).toHaveBeenCalledTimes(1);
    expect(siteAfter).toHaveBeenCalledTimes(1);
    expect(siteBefore.mock.calls[0][0]).toMatchObject({ type: 'messagingOpened' });
    const serialized = JSON.stringify(dataLayer());
    for (const fragment of [...PLANTED, 'Agent Smith', 'pm-1']) expect(serialized).not.toContain(fragment);
    expect(definedParams(dataLayer()[1])).toEqual({
      event: 'widget_interaction',
      widget_vendor: 'zendesk',
      widget_product: 'messaging',
      widget_action: 'proactiveMessageDisplayed',
      widget_stage: 'interaction',
      widget_proactive: true,
      widget_trigger_id: 'cmp-77',
      widget_schema: 1,
    });
    expect(dataLayer()[3].widget_interaction_id).toBe('conv-5001');
  });

  it('no default lead: a handover to an agent counts only when leadActions names it', () => {
    installBridge({ leadActions: { zendesk: ['conversationWithAgentRequested'] } });
    loadWidget();
    messenger().fire('conversationWithAgentRequested');
    messenger().fire('conversationWithAgentRequested');
    expect(eventNames()).toEqual(['widget_submit', 'generate_lead']);
  });

  it('a site callback that throws still throws to the widget, after the bridge’s push', () => {
    installBridge();
    loadWidget();
    zE()('messenger:on', 'open', () => {
      throw new Error('site callback broke');
    });
    expect(() => messenger().fire('open')).toThrow('site callback broke');
    expect(eventNames()).toEqual(['widget_open']);
  });

  it('a replaced zE: the old subscriptions are ended, one subscription per event on the newest', () => {
    installBridge();
    loadWidget();
    const first = messenger();
    expect(first.count('open')).toBe(1);
    loadWidget();
    expect(first.count('open')).toBe(0);
    expect(messenger().count('open')).toBe(1);
    messenger().fire('open');
    first.fire('open');
    expect(actions()).toEqual(['widget_open open']);
  });

  it('copes with hostile zE values (positive control: the widget afterwards)', () => {
    installBridge();
    for (const value of [
      null,
      42,
      'zE',
      { q: [] },
      () => {
        throw new Error('broken zE');
      },
    ]) {
      testWindow.zE = value;
      expect(testWindow.zE).toBe(value);
    }
    loadWidget();
    messenger().fire('open');
    expect(actions()).toEqual(['widget_open open']);
  });

  it('on uninstall: its subscriptions are ended, the site’s stay', () => {
    const handle = installBridge();
    loadWidget();
    const site = vi.fn();
    zE()('messenger:on', 'open', site);
    handle.uninstall();
    expect(messenger().count('open')).toBe(1);
    messenger().fire('open');
    expect(site).toHaveBeenCalledTimes(1);
    expect(dataLayer()).toEqual([]);
  });
});
