import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { livechatStages, readLivechatEvent } from '../../src/vendors/livechat';
import { LIVECHAT_EVENTS } from '../documentedEvents';
import { dataLayer, definedParams, eventNames, installBridge, testWindow } from '../helpers';
import { PLANTED } from '../../fixtures/personalData';

const TRACKING = readFileSync('fixtures/livechat-tracking.js', 'utf8');
const PERSONAL = PLANTED;

type Handler = (payload: unknown) => unknown;
type Widget = Record<string, unknown> & {
  _q: unknown[];
  _h: unknown;
  on(name: string, fn: Handler): void;
  off(name: string, fn: Handler): void;
  get(name: string): unknown;
  call(name: string): void;
  init(): void;
};
type Simulated = {
  emit(name: string, payload: unknown): void;
  subscribers(name: string): number;
  chat: { chatId: string; threadId: string };
  payloads: Record<'customerMessage' | 'agentMessage' | 'greeting' | 'button', unknown>;
};

/**
 * The tracking code's `LiveChatWidget`, in the shape of LiveChat's install snippet
 * (https://platform.text.com/docs/extending-chat-widget/javascript-api): calls queue in `_q` until the
 * loaded widget sets `_h`; `init` loads tracking.js (here the fixture, at once).
 */
function snippet(): Widget {
  const api: Widget = {
    _q: [],
    _h: null,
    on: (...args) => handle(['on', args]),
    once: (...args: unknown[]) => handle(['once', args]),
    off: (...args) => handle(['off', args]),
    get: (...args) => {
      if (!api._h) throw new Error("[LiveChatWidget] You can't use getters before load.");
      return handle(['get', args]);
    },
    call: (...args) => handle(['call', args]),
    init: () => loadTracking(),
  };
  const handle = (entry: unknown[]) => (api._h ? (api._h as (...a: unknown[]) => unknown)(...entry) : api._q.push(entry));
  testWindow.LiveChatWidget = testWindow.LiveChatWidget || api;
  return testWindow.LiveChatWidget as Widget;
}
const loadTracking = () => new Function(TRACKING)();
const widget = () => testWindow.LiveChatWidget as Widget;
const simulated = () => testWindow.__livechat as Simulated;
const emit = (name: string, payload: unknown) => simulated().emit(name, payload);
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const actions = () => dataLayer().map((push) => push.event + ' ' + push.widget_action);

/** Moves the clock past the core's exact-duplicate window, as a widget's reload takes longer than that. */
const later = () => vi.setSystemTime(Date.now() + 2000);

afterEach(() => {
  vi.useRealTimers();
  delete testWindow.LiveChatWidget;
  delete testWindow.__livechat;
  delete testWindow.LC_API;
});

describe('LiveChat mapping table', () => {
  it('maps every documented event with its deciding values, and only those, to one stage', () => {
    expect(Object.keys(livechatStages).sort()).toEqual([...LIVECHAT_EVENTS].sort());
    expect(livechatStages).toMatchObject({
      ready: 'view',
      'availability_changed:offline': 'unavailable',
      'visibility_changed:maximized': 'open',
      'visibility_changed:minimized': 'close',
      'new_event:customer': 'start',
      'new_event:agent': 'interaction',
      'form_submitted:prechat': 'submit',
      'form_submitted:postchat': 'interaction',
    });
  });
});

describe('readLivechatEvent', () => {
  it('joins the deciding value to the event name, and reads only allow-listed values', () => {
    expect(
      readLivechatEvent('ready', { state: { availability: 'offline', visibility: 'maximized' }, customerData: { email: 'jane@x.test' } }),
    ).toEqual({
      widget_action: 'ready',
      widget_availability: 'offline',
      widget_rating: undefined,
      widget_item_type: undefined,
      widget_trigger_id: undefined,
      widget_proactive: undefined,
    });
    expect(readLivechatEvent('availability_changed', { availability: 'online' })).toMatchObject({
      widget_action: 'availability_changed:online',
      widget_availability: 'online',
    });
    expect(readLivechatEvent('visibility_changed', { visibility: 'hidden' }).widget_action).toBe('visibility_changed:hidden');
    expect(readLivechatEvent('form_submitted', { type: 'prechat' })).toMatchObject({
      widget_action: 'form_submitted:prechat',
      widget_item_type: 'prechat',
    });
    expect(readLivechatEvent('rating_submitted', 'bad')).toMatchObject({ widget_action: 'rating_submitted', widget_rating: 'bad' });
    expect(readLivechatEvent('customer_status_changed', { status: 'queued' }).widget_action).toBe('customer_status_changed');
  });

  it('reads only the type and the author type of a chat event, never its text or the author id', () => {
    const event = readLivechatEvent('new_event', {
      timestamp: 1,
      type: 'file',
      author: { id: 'agent.smith@x.test', type: 'agent' },
      text: 'Hi there',
      url: 'https://cdn.x.test/cv.pdf',
    });
    expect(definedParams(event)).toEqual({ widget_action: 'new_event:agent', widget_item_type: 'file' });
  });

  it('marks greetings proactive with their id, and reads nothing of a rich message button', () => {
    expect(definedParams(readLivechatEvent('greeting_displayed', { id: 12, uniqueId: 'c-3f2a9d' }))).toEqual({
      widget_action: 'greeting_displayed',
      widget_trigger_id: '12',
      widget_proactive: true,
    });
    expect(definedParams(readLivechatEvent('rich_message_button_clicked', { eventId: 'e1', postbackId: 'Talk to Jane' }))).toEqual({
      widget_action: 'rich_message_button_clicked',
    });
  });

  it('keeps values off the allow-lists out of the push and the action out of the table', () => {
    const rating = readLivechatEvent('rating_submitted', 'jane@x.test');
    expect(rating.widget_rating).toBeUndefined();
    expect(readLivechatEvent('ready', { state: { availability: 'Jane Doe' } }).widget_availability).toBeUndefined();
    const odd = readLivechatEvent('availability_changed', { availability: 'jane@x.test' });
    expect(odd.widget_availability).toBeUndefined();
    expect(Object.keys(livechatStages)).not.toContain(odd.widget_action);
    // A greeting id that is an e-mail address is no id.
    expect(readLivechatEvent('greeting_displayed', { id: 'jane@x.test' }).widget_trigger_id).toBeUndefined();
  });

  it('survives malformed payloads and ignores inherited keys', () => {
    for (const payload of [undefined, null, 0, 'x', [], [{ availability: 'online' }], () => 1, Object.create({ availability: 'online' })])
      for (const name of LIVECHAT_EVENTS.map((action) => action.split(':')[0]))
        expect(() => readLivechatEvent(name, payload), name).not.toThrow();
    const inherited = readLivechatEvent('availability_changed', Object.create({ availability: 'offline' }));
    expect(inherited.widget_action).toBe('availability_changed');
    expect(inherited.widget_availability).toBeUndefined();
  });
});

describe('LiveChat through LiveChatWidget.on', () => {
  /** The visit the tests play: every event with the payloads the fixture carries, personal data planted. */
  function playVisit() {
    const { payloads } = simulated();
    emit('greeting_displayed', payloads.greeting);
    emit('greeting_hidden', payloads.greeting);
    widget().call('maximize');
    emit('form_submitted', { type: 'prechat' });
    emit('customer_status_changed', { status: 'chatting' });
    emit('new_event', payloads.customerMessage);
    emit('new_event', payloads.agentMessage);
    emit('new_event', payloads.customerMessage);
    emit('new_event', payloads.agentMessage);
    emit('rich_message_button_clicked', payloads.button);
    emit('rating_submitted', 'good');
    emit('form_submitted', { type: 'postchat' });
    emit('availability_changed', { availability: 'offline' });
    widget().call('minimize');
  }
  const VISIT = [
    'widget_view ready',
    'widget_interaction greeting_displayed',
    'widget_interaction greeting_hidden',
    'widget_open visibility_changed:maximized',
    'widget_submit form_submitted:prechat',
    'generate_lead form_submitted:prechat',
    'widget_interaction customer_status_changed',
    // After the pre-chat form's submit, the chat's first message is no step forward.
    'widget_interaction new_event:customer',
    'widget_interaction new_event:agent',
    'widget_interaction rich_message_button_clicked',
    'widget_interaction rating_submitted',
    'widget_interaction form_submitted:postchat',
    'widget_unavailable availability_changed:offline',
    'widget_close visibility_changed:minimized',
  ];

  for (const order of ['bridge first', 'tracking code first', 'widget loaded first']) {
    it(`${order}: one push per event, the site's handlers intact, no personal data`, async () => {
      const heardBySite: unknown[] = [];
      const siteHandler = function (this: unknown, payload: unknown) {
        heardBySite.push(payload);
        return 'site';
      };
      if (order == 'bridge first') installBridge();
      snippet().on('ready', siteHandler);
      widget().on('new_event', siteHandler);
      if (order == 'tracking code first') installBridge();
      widget().init();
      await tick();
      if (order == 'widget loaded first') installBridge();
      // The site subscribes again after the widget loaded: directly, not through the queue.
      widget().on('rating_submitted', siteHandler);
      playVisit();
      // Loaded first, the bridge missed ready (it came before the bridge, by nature).
      expect(actions()).toEqual(order == 'widget loaded first' ? VISIT.slice(1) : VISIT);
      for (const push of dataLayer())
        expect(push).toMatchObject({ widget_vendor: 'livechat', widget_product: 'chat_widget', widget_interaction_id: 'QX7LC2' });
      expect(dataLayer()[0].widget_availability).toBe(order == 'widget loaded first' ? undefined : 'online');
      expect(dataLayer().find((push) => push.widget_action == 'rating_submitted')!.widget_rating).toBe('good');
      const serialized = JSON.stringify(dataLayer());
      for (const fragment of PERSONAL) expect(serialized, fragment).not.toContain(fragment);
      // Positive control: the site's handlers got the payloads whole, personal data included.
      const siteSaw = JSON.stringify(heardBySite);
      for (const fragment of ['Jane', 'x.test', 'Hi there', 'my quote', 'c-77']) expect(siteSaw).toContain(fragment);
      expect(heardBySite).toHaveLength(6);
    });
  }

  it('pushes the first message of each side per chat, and a new chat again', async () => {
    installBridge();
    snippet().init();
    await tick();
    const { payloads, chat } = simulated();
    emit('new_event', payloads.customerMessage);
    emit('new_event', payloads.customerMessage);
    emit('new_event', payloads.agentMessage);
    chat.chatId = 'QX7LD9';
    emit('new_event', payloads.agentMessage);
    emit('new_event', payloads.customerMessage);
    expect(dataLayer().map((push) => [push.event, push.widget_action, push.widget_interaction_id])).toEqual([
      ['widget_view', 'ready', 'QX7LC2'],
      ['widget_start', 'new_event:customer', 'QX7LC2'],
      ['widget_interaction', 'new_event:agent', 'QX7LC2'],
      ['widget_interaction', 'new_event:agent', 'QX7LD9'],
      ['widget_start', 'new_event:customer', 'QX7LD9'],
    ]);
  });

  it('sends one lead per chat: the ticket form after the pre-chat form of the same chat is no second lead', async () => {
    installBridge();
    snippet().init();
    await tick();
    emit('form_submitted', { type: 'prechat' });
    emit('form_submitted', { type: 'ticket' });
    simulated().chat.chatId = 'QX7LD9';
    emit('form_submitted', { type: 'ticket' });
    expect(eventNames().filter((name) => name == 'generate_lead')).toHaveLength(2);
    expect(
      dataLayer()
        .filter((push) => push.event == 'generate_lead')
        .map((push) => push.widget_interaction_id),
    ).toEqual(['QX7LC2', 'QX7LD9']);
  });

  it('subscribes again when the widget is loaded again after destroy, once, whether or not the widget kept the handlers', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    installBridge();
    const site: string[] = [];
    snippet().on('visibility_changed', (payload) => site.push((payload as { visibility: string }).visibility));
    widget().init();
    await tick();
    widget().call('maximize');
    // destroy (as @livechat/widget-core's destroy calls it), the site subscribes again and loads the widget again.
    widget().call('destroy');
    expect(widget()._h).toBeNull();
    later();
    widget().on('visibility_changed', (payload) => site.push('again ' + (payload as { visibility: string }).visibility));
    widget().init();
    await tick();
    // The site's handler and the bridge's, once each.
    expect(simulated().subscribers('visibility_changed')).toBe(2);
    widget().call('minimize');
    // A widget that keeps its subscriptions and sets its handler again: still one bridge handler.
    const handler = widget()._h;
    widget()._h = null;
    widget()._h = handler;
    expect(simulated().subscribers('visibility_changed')).toBe(2);
    later();
    widget().call('maximize');
    // The same chat (its id) goes on: steps it already reached are interactions.
    expect(actions()).toEqual([
      'widget_view ready',
      'widget_open visibility_changed:maximized',
      'widget_interaction ready',
      'widget_close visibility_changed:minimized',
      'widget_interaction visibility_changed:maximized',
    ]);
    expect(site).toEqual(['maximized', 'again minimized', 'again maximized']);
  });

  it('moves to a new LiveChatWidget object and unsubscribes from the old one', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    installBridge();
    snippet().init();
    await tick();
    const old = simulated();
    later();
    // A single-page app makes a new tracking-code object.
    testWindow.LiveChatWidget = undefined;
    snippet().init();
    await tick();
    expect(old.subscribers('visibility_changed')).toBe(0);
    old.emit('visibility_changed', { visibility: 'maximized' });
    simulated().emit('visibility_changed', { visibility: 'minimized' });
    expect(actions()).toEqual(['widget_view ready', 'widget_interaction ready', 'widget_close visibility_changed:minimized']);
  });

  it('unsubscribes on uninstall and leaves the site handlers and the queue as they were', async () => {
    const handle = installBridge();
    const site: unknown[] = [];
    snippet().on('visibility_changed', (payload) => site.push(payload));
    expect(widget()._q).toHaveLength(1);
    widget().init();
    await tick();
    handle.uninstall();
    widget().call('maximize');
    expect(actions()).toEqual(['widget_view ready']);
    expect(site).toEqual([{ visibility: 'maximized' }]);
    expect(Object.getOwnPropertyDescriptor(widget(), '_h')!.get).toBeUndefined();
    expect(Object.getOwnPropertyDescriptor(testWindow, 'LiveChatWidget')!.get).toBeUndefined();
  });

  it('never throws into the widget, whatever the payload, and a throwing getter leaves the push without an id', async () => {
    installBridge();
    snippet().init();
    await tick();
    const hostile = {
      get author(): unknown {
        throw new Error('boom');
      },
      type: 'message',
    };
    expect(() => emit('new_event', hostile)).not.toThrow();
    for (const payload of [undefined, null, 42, 'x', [], { visibility: 7 }])
      expect(() => emit('visibility_changed', payload)).not.toThrow();
    widget().get = () => {
      throw new Error('not loaded');
    };
    emit('visibility_changed', { visibility: 'maximized' });
    expect(dataLayer().at(-1)).toMatchObject({ widget_action: 'visibility_changed:maximized', widget_interaction_id: undefined });
    expect(actions()).toEqual(['widget_view ready', 'widget_open visibility_changed:maximized']);
  });

  it('never reaches into a LiveChatWidget that is not an object, and subscribes once one is', async () => {
    installBridge();
    testWindow.LiveChatWidget = 'not the widget';
    testWindow.LiveChatWidget = null;
    snippet().init();
    await tick();
    expect(actions()).toEqual(['widget_view ready']);
  });
});
