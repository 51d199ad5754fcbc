import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readTawkToCall, tawkToStages } from '../../src/vendors/tawk_to';
import { tawkToDocs } from '../../src/vendors/tawk_to/docs';
import { TAWK_TO_EVENTS, TAWK_TO_IGNORED } from '../documentedEvents';
import { dataLayer, definedParams, eventNames, installBridge, testWindow } from '../helpers';
import { PLANTED } from '../../fixtures/personalData';

const EMBED = readFileSync('fixtures/tawk-embed.js', 'utf8');
const PERSONAL = PLANTED;

type Api = Record<string, unknown>;
const api = () => testWindow.Tawk_API as Api;
/** The widget's script, as embed.tawk.to serves it: fires onBeforeLoad, onLoad and onStatusChange. */
const loadWidget = () => new Function(EMBED)();
const fire = (name: string, ...args: unknown[]) => (testWindow.__tawk as { fire(...a: unknown[]): unknown }).fire(name, ...args);
/** Lets the next identical push through the one-second duplicate check. */
const later = () => vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 2000 });

afterEach(() => {
  vi.useRealTimers();
  for (const key of ['Tawk_API', '__tawk', '__tawkCalls', '__tawkStatus']) delete testWindow[key];
});

const common = { widget_vendor: 'tawk_to', widget_product: 'live_chat', widget_schema: 1 };

describe('tawk.to mapping table', () => {
  it('maps every documented callback, and only those, to one stage; the rest are documented as ignored', () => {
    expect(Object.keys(tawkToStages).sort()).toEqual([...TAWK_TO_EVENTS].sort());
    expect(Object.keys(tawkToDocs.ignored).sort()).toEqual([...TAWK_TO_IGNORED].sort());
    expect(tawkToStages).toMatchObject({
      onLoad: 'view',
      'onStatusChange:offline': 'unavailable',
      'onStatusChange:away': 'unavailable',
      onChatMaximized: 'open',
      onChatStarted: 'start',
      onPrechatSubmit: 'submit',
      onOfflineSubmit: 'submit',
      onChatEnded: 'complete',
      onChatMinimized: 'close',
    });
  });
});

describe('readTawkToCall', () => {
  it('reads the status, the rating, the agent id and whether a form held an e-mail address, nothing else', () => {
    expect(readTawkToCall('onStatusChange', ['away'])).toEqual({ widget_action: 'onStatusChange:away', widget_availability: 'away' });
    expect(readTawkToCall('onChatSatisfaction', [-1])).toEqual({ widget_action: 'onChatSatisfaction', widget_rating: 'dislike' });
    expect(readTawkToCall('onChatSatisfaction', [0]).widget_rating).toBe('neutral');
    expect(readTawkToCall('onChatSatisfaction', [1]).widget_rating).toBe('like');
    expect(readTawkToCall('onAgentJoinChat', [{ name: 'Agent Smith', position: 'Sales', image: 'x', id: 'agent-7' }])).toEqual({
      widget_action: 'onAgentJoinChat',
      widget_operator_id: 'agent-7',
    });
    expect(readTawkToCall('onOfflineSubmit', [{ name: 'Jane Doe', email: ' Jane.Doe@Example.com ', message: 'Hi there' }])).toEqual({
      widget_action: 'onOfflineSubmit',
      widget_email_provided: true,
      email: ' Jane.Doe@Example.com ',
    });
    expect(readTawkToCall('onChatMessageVisitor', ['Hi there, Jane'])).toEqual({ widget_action: 'onChatMessageVisitor' });
  });

  it('copes with hostile and malformed arguments', () => {
    const hostile = [undefined, null, 42, 'x', [], {}, { email: 42 }, { email: 'not an address' }, { id: 'jane@example.com' }];
    for (const value of hostile)
      for (const name of ['onStatusChange', 'onPrechatSubmit', 'onAgentJoinChat', 'onChatSatisfaction', 'onLoad']) {
        const event = readTawkToCall(name, [value]);
        expect(event.widget_email_provided || false).toBe(false);
        expect(event.widget_operator_id).toBeUndefined();
        expect(event.widget_rating).toBeUndefined();
        expect(event.widget_availability).toBeUndefined();
      }
    // An unknown status is an unknown event (not in the table); a rating outside -1…1 is no rating.
    expect(readTawkToCall('onStatusChange', ['busy']).widget_action).toBe('onStatusChange:undefined');
    for (const rating of [2, -2, 0.5, NaN, '1']) expect(readTawkToCall('onChatSatisfaction', [rating]).widget_rating).toBeUndefined();
    // Inherited properties are not read.
    const inherited = Object.create({ email: 'jane@example.com', id: 'agent-1' });
    expect(readTawkToCall('onPrechatSubmit', [inherited]).widget_email_provided).toBe(false);
    expect(readTawkToCall('onAgentJoinChat', [inherited]).widget_operator_id).toBeUndefined();
  });
});

describe('Tawk_API callbacks', () => {
  const site = () => {
    const calls: unknown[][] = [];
    const make = (name: string) =>
      function (this: unknown, ...args: unknown[]) {
        calls.push([name, this, ...args]);
        return 'site:' + name;
      };
    return { calls, make };
  };

  it.each([
    ['assigned before the bridge (the snippet first)', 'before'],
    ['assigned after the bridge', 'after'],
    ['assigned after the widget loaded', 'late'],
  ])('%s: the happy path pushed, the site callbacks called with the same arguments, this and return value', (_, when) => {
    const { calls, make } = site();
    const assign = () => {
      testWindow.Tawk_API = testWindow.Tawk_API || {};
      for (const name of ['onLoad', 'onPrechatSubmit', 'onChatEnded']) api()[name] = make(name);
    };
    if (when == 'before') assign();
    installBridge();
    if (when == 'after') assign();
    loadWidget();
    if (when == 'late') assign();
    const results = [
      'onChatMaximized',
      'onPrechatSubmit',
      'onChatStarted',
      'onChatMessageVisitor',
      'onAgentJoinChat',
      'onChatMessageAgent',
      'onChatSatisfaction',
      'onChatEnded',
    ].map((name) => fire(name));
    expect(results).toEqual([undefined, 'site:onPrechatSubmit', undefined, undefined, undefined, undefined, undefined, 'site:onChatEnded']);
    expect(dataLayer().map((push) => [push.widget_action, push.event])).toEqual([
      ['onLoad', 'widget_view'],
      ['onStatusChange:online', 'widget_interaction'],
      ['onChatMaximized', 'widget_open'],
      ['onPrechatSubmit', 'widget_submit'],
      ['onPrechatSubmit', 'generate_lead'],
      ['onChatStarted', 'widget_interaction'],
      ['onChatMessageVisitor', 'widget_interaction'],
      ['onAgentJoinChat', 'widget_interaction'],
      ['onChatMessageAgent', 'widget_interaction'],
      ['onChatSatisfaction', 'widget_interaction'],
      ['onChatEnded', 'widget_complete'],
    ]);
    const names = calls.map((call) => call[0]);
    expect(names).toEqual(when == 'late' ? ['onPrechatSubmit', 'onChatEnded'] : ['onLoad', 'onPrechatSubmit', 'onChatEnded']);
    const prechat = calls.find((call) => call[0] == 'onPrechatSubmit')!;
    expect(prechat[1]).toBe(api());
    expect(prechat[2]).toMatchObject({ email: 'jane.doe@example.com' });
    const serialized = JSON.stringify(dataLayer());
    for (const fragment of PERSONAL) expect(serialized).not.toContain(fragment);
    // Positive controls: the pushed details.
    expect(definedParams(dataLayer()[1])).toEqual({
      event: 'widget_interaction',
      ...common,
      widget_action: 'onStatusChange:online',
      widget_stage: 'interaction',
      widget_availability: 'online',
    });
    expect(dataLayer()[3]).toMatchObject({ widget_email_provided: true });
    expect(dataLayer()[7]).toMatchObject({ widget_operator_id: 'agent-7' });
    expect(dataLayer()[9]).toMatchObject({ widget_rating: 'like' });
  });

  it('keeps the hook when the site assigns the same callback again, and calls only the newest site function', () => {
    installBridge();
    loadWidget();
    const first = vi.fn(() => 'first');
    const second = vi.fn(() => 'second');
    api().onChatMaximized = first;
    expect(fire('onChatMaximized')).toBe('first');
    api().onChatMaximized = second;
    later();
    expect(fire('onChatMaximized')).toBe('second');
    // The site reads back its property and assigns it again: no doubling.
    api().onChatMaximized = api().onChatMaximized;
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 4000 });
    expect(fire('onChatMaximized')).toBe('second');
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(2);
    expect(eventNames().slice(2)).toEqual(['widget_open', 'widget_interaction', 'widget_interaction']);
  });

  it('lets a throwing site callback throw to the widget, after the push', () => {
    testWindow.Tawk_API = {
      onOfflineSubmit: () => {
        throw new Error('site callback broke');
      },
    };
    installBridge();
    expect(() => (api().onOfflineSubmit as (d: unknown) => void)({ email: 'jane@example.com' })).toThrow('site callback broke');
    expect(eventNames()).toEqual(['widget_submit', 'generate_lead']);
  });

  it('adds no enumerable property to Tawk_API: the site’s own are there, the hooked ones it never set are not', () => {
    testWindow.Tawk_API = { onLoad: () => {}, customStyle: { zIndex: 1 } };
    installBridge();
    expect(Object.keys(api()).sort()).toEqual(['customStyle', 'onLoad']);
    expect(typeof api().onChatStarted).toBe('function'); // the control: the bridge answers there
  });

  it('follows a Tawk_API object that replaces the first, and leaves the old one alone', () => {
    installBridge();
    loadWidget();
    const old = api();
    const site = vi.fn();
    testWindow.Tawk_API = { onChatMaximized: site };
    // The old object is handed back as it was: nothing of the bridge's is left on it.
    expect('onChatHidden' in old).toBe(false);
    expect(typeof old.maximize).toBe('function');
    fire('onChatMaximized');
    expect(site).toHaveBeenCalledTimes(1);
    expect(eventNames()).toEqual(['widget_view', 'widget_interaction', 'widget_open']);
  });

  it('pushes one lead per page and one funnel per chat; a chat without an agent is no completion', () => {
    installBridge();
    loadWidget();
    fire('onChatStarted');
    fire('onChatMessageVisitor');
    fire('onChatMessageVisitor', 'second message');
    fire('onChatEnded');
    fire('onChatMaximized');
    fire('onChatStarted');
    fire('onOfflineSubmit');
    fire('onAgentJoinChat');
    fire('onChatMessageAgent');
    fire('onChatMessageAgent', 'again');
    fire('onChatEnded');
    later();
    fire('onPrechatSubmit');
    expect(dataLayer().map((push) => [push.widget_action, push.event])).toEqual([
      ['onLoad', 'widget_view'],
      ['onStatusChange:online', 'widget_interaction'],
      ['onChatStarted', 'widget_start'],
      ['onChatMessageVisitor', 'widget_interaction'],
      ['onChatEnded', 'widget_interaction'],
      ['onChatMaximized', 'widget_open'],
      ['onChatStarted', 'widget_start'],
      ['onOfflineSubmit', 'widget_submit'],
      ['onOfflineSubmit', 'generate_lead'],
      ['onAgentJoinChat', 'widget_interaction'],
      ['onChatMessageAgent', 'widget_interaction'],
      ['onChatEnded', 'widget_complete'],
      ['onPrechatSubmit', 'widget_submit'],
    ]);
  });

  it('reports offline and away as unavailable with their availability', () => {
    testWindow.__tawkStatus = 'offline';
    installBridge();
    loadWidget();
    fire('onStatusChange', 'away');
    fire('onStatusChange', 'busy');
    expect(dataLayer().map((push) => [push.event, push.widget_availability])).toEqual([
      ['widget_view', undefined],
      ['widget_unavailable', 'offline'],
      ['widget_unavailable', 'away'],
    ]);
  });

  it('hashes the pre-chat e-mail for the opt-in lead only', async () => {
    installBridge({ hashEmail: true });
    loadWidget();
    fire('onPrechatSubmit');
    await vi.waitFor(() => expect(eventNames()).toContain('generate_lead'));
    const lead = dataLayer().find((push) => push.event == 'generate_lead')!;
    expect((lead.user_data as { sha256_email_address: string }).sha256_email_address).toMatch(/^[0-9a-f]{64}$/);
    const serialized = JSON.stringify(dataLayer());
    for (const fragment of PERSONAL) expect(serialized).not.toContain(fragment);
  });

  it('does not double pushes when the bridge is installed twice, and restores the site callbacks on uninstall', () => {
    const site = vi.fn();
    testWindow.Tawk_API = { onLoad: site };
    const handle = installBridge();
    installBridge();
    loadWidget();
    expect(eventNames()).toEqual(['widget_view', 'widget_interaction']);
    handle.uninstall();
    expect(api().onLoad).toBe(site);
    expect('onChatStarted' in api()).toBe(false);
    expect(Object.getOwnPropertyDescriptor(window, 'Tawk_API')).toMatchObject({ value: api(), writable: true });
  });
});
