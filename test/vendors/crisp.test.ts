import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { crispStages, readCrispCall } from '../../src/vendors/crisp';
import { crispDocs } from '../../src/vendors/crisp/docs';
import { CRISP_EVENTS, CRISP_IGNORED } from '../documentedEvents';
import { dataLayer, definedParams, eventNames, installBridge, testWindow } from '../helpers';
import { PLANTED } from '../../fixtures/personalData';

const CLIENT = readFileSync('fixtures/crisp-client.js', 'utf8');
const PERSONAL = PLANTED;
const SESSION = 'session_700d2d2a-1c52-4d6e-9a0e-0b0b6bd7e8a1';

type Crisp = { push(...items: unknown[]): unknown; is?: unknown };
const $crisp = () => testWindow.$crisp as Crisp;
/** The chatbox script, as client.crisp.chat serves it: runs the queue, then session:loaded and the availability. */
const loadChatbox = () => new Function(CLIENT)();
type Mock = { emit(name: string, ...args: unknown[]): unknown; callbacks: Record<string, unknown> };
const chatbox = () => testWindow.__crisp as Mock;
const emit = (name: string, ...args: unknown[]) => chatbox().emit(name, ...args);
/** The embed snippet's first line. */
const snippet = () => (testWindow.$crisp = []);

afterEach(() => {
  vi.useRealTimers();
  for (const key of ['$crisp', '__crisp', '__crispCalls', '__crispInPlace', '__crispAvailable']) delete testWindow[key];
});

const common = { widget_vendor: 'crisp', widget_product: 'live_chat', widget_schema: 1 };
const CHAT = ['chat:opened', 'chat:initiated', 'message:sent', 'message:received', 'message:sent', 'user:email:changed', 'chat:closed'];
const CHAT_PUSHES = [
  ['session:loaded', 'widget_view'],
  ['website:availability:changed:online', 'widget_interaction'],
  ['chat:opened', 'widget_open'],
  ['chat:initiated', 'widget_start'],
  ['message:sent', 'widget_interaction'],
  ['message:received', 'widget_interaction'],
  ['user:email:changed', 'widget_submit'],
  ['user:email:changed', 'generate_lead'],
  ['chat:closed', 'widget_close'],
];
const actions = () => dataLayer().map((push) => [push.widget_action, push.event]);

describe('Crisp mapping table', () => {
  it('maps every documented event, and only those, to one stage; the rest are documented as ignored', () => {
    expect(Object.keys(crispStages).sort()).toEqual([...CRISP_EVENTS].sort());
    expect(Object.keys(crispDocs.ignored).sort()).toEqual([...CRISP_IGNORED].sort());
    expect(crispStages).toMatchObject({
      'session:loaded': 'view',
      'chat:opened': 'open',
      'chat:initiated': 'start',
      'user:email:changed': 'submit',
      'website:availability:changed:away': 'unavailable',
      'chat:closed': 'close',
    });
  });
});

describe('readCrispCall', () => {
  it('reads the availability and whether an e-mail address was given, nothing else', () => {
    expect(readCrispCall('website:availability:changed', [false])).toEqual({
      widget_action: 'website:availability:changed:away',
      widget_availability: 'away',
    });
    expect(readCrispCall('website:availability:changed', [true]).widget_availability).toBe('online');
    expect(readCrispCall('user:email:changed', [' Jane.Doe@Example.com '])).toEqual({
      widget_action: 'user:email:changed',
      widget_email_provided: true,
      email: ' Jane.Doe@Example.com ',
    });
    for (const name of ['user:phone:changed', 'user:nickname:changed', 'message:sent', 'helpdesk:queried'])
      expect(readCrispCall(name, ['Jane Doe +1 555 0100'])).toEqual({ widget_action: name });
  });

  it('copes with hostile and malformed arguments', () => {
    for (const value of [undefined, null, 'true', 1, 0, {}, [], 'not an address', { email: 'jane@example.com' }]) {
      expect(readCrispCall('website:availability:changed', [value]).widget_availability).toBeUndefined();
      expect(readCrispCall('user:email:changed', [value]).widget_email_provided).toBe(false);
    }
    expect(readCrispCall('user:email:changed', []).widget_email_provided).toBe(false);
  });
});

describe('$crisp callbacks: one per event, the bridge’s the one registered', () => {
  const siteHandlers = () => {
    const calls: unknown[][] = [];
    const make = (name: string) =>
      function siteCallback(this: unknown, ...args: unknown[]) {
        calls.push([name, this, ...args]);
        return 'site:' + name;
      };
    return { calls, make };
  };
  const registerSite = (make: (name: string) => unknown, sdkStyle = false) => {
    for (const name of ['chat:opened', 'message:sent', 'user:email:changed']) {
      // npm crisp-sdk-web pushes off before each on (chat.ts onChatOpened, message.ts onMessageSent…).
      if (sdkStyle) $crisp().push(['off', name]);
      $crisp().push(['on', name, make(name)]);
    }
  };

  it.each([
    ['queued before the bridge (the snippet first)', 'before'],
    ['queued after the bridge', 'after'],
    ['pushed after the chatbox loaded', 'loaded'],
    ['registered the way crisp-sdk-web does (off, then on) after load', 'sdk'],
  ])('site callbacks %s: the chat pushed, the site callbacks called with the same arguments, this and return value', (_, when) => {
    const { calls, make } = siteHandlers();
    snippet();
    if (when == 'before') registerSite(make);
    installBridge();
    if (when == 'after') registerSite(make);
    loadChatbox();
    if (when == 'loaded' || when == 'sdk') registerSite(make, when == 'sdk');
    const results = CHAT.map((name) => emit(name));
    expect(actions()).toEqual(CHAT_PUSHES);
    expect(results).toEqual([
      'site:chat:opened',
      undefined,
      'site:message:sent',
      undefined,
      'site:message:sent',
      'site:user:email:changed',
      undefined,
    ]);
    expect(calls.map((call) => call[0])).toEqual(['chat:opened', 'message:sent', 'message:sent', 'user:email:changed']);
    expect(calls[0][1]).toBe($crisp()); // `this` is what the chatbox called with
    expect(calls[3][2]).toBe('jane.doe@example.com');
    // The chatbox holds the bridge's callback for every heard event: one per event, never the site's directly.
    const held = Object.values(chatbox().callbacks) as ((...a: unknown[]) => unknown)[];
    expect(held.map((callback) => callback.name)).not.toContain('siteCallback');
    expect(Object.keys(chatbox().callbacks).sort()).toEqual(
      [...new Set(CRISP_EVENTS.map((name) => name.replace(/:(online|away)$/, '')))].sort(),
    );
    const serialized = JSON.stringify(dataLayer());
    for (const fragment of PERSONAL) expect(serialized).not.toContain(fragment);
    // Positive controls.
    expect(definedParams(dataLayer()[6])).toEqual({
      event: 'widget_submit',
      ...common,
      widget_action: 'user:email:changed',
      widget_stage: 'submit',
      widget_interaction_id: SESSION,
      widget_email_provided: true,
    });
    expect(dataLayer()[1]).toMatchObject({ widget_availability: 'online' });
  });

  it('an off from the site stops its callback, never the bridge; an on later brings it back', () => {
    const site = vi.fn(() => 'site');
    snippet();
    installBridge();
    loadChatbox();
    $crisp().push(['on', 'chat:opened', site]);
    emit('chat:opened');
    $crisp().push(['off', 'chat:opened']);
    emit('chat:closed');
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 2000 });
    expect(emit('chat:opened')).toBeUndefined();
    $crisp().push(['on', 'chat:opened', site]);
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 4000 });
    expect(emit('chat:opened')).toBe('site');
    expect(site).toHaveBeenCalledTimes(2);
    expect(actions().slice(2)).toEqual([
      ['chat:opened', 'widget_open'],
      ['chat:closed', 'widget_close'],
      ['chat:opened', 'widget_interaction'],
      ['chat:opened', 'widget_interaction'],
    ]);
  });

  it('passes every other command through unchanged, in one push with the claimed ones', () => {
    const avatar = vi.fn();
    snippet();
    installBridge();
    loadChatbox();
    $crisp().push(['on', 'user:avatar:changed', avatar], ['on', 'chat:opened', () => 'site'], ['do', 'chat:open']);
    emit('user:avatar:changed');
    expect(avatar).toHaveBeenCalledWith('https://x.test/jane.png');
    expect(chatbox().callbacks['user:avatar:changed']).toBe(avatar);
    expect(actions().slice(2)).toEqual([['chat:opened', 'widget_open']]);
  });

  it('lets a throwing site callback throw to the chatbox, after the push', () => {
    snippet();
    $crisp().push([
      'on',
      'chat:closed',
      () => {
        throw new Error('site callback broke');
      },
    ]);
    installBridge();
    loadChatbox();
    expect(() => emit('chat:closed')).toThrow('site callback broke');
    expect(eventNames()).toEqual(['widget_view', 'widget_interaction', 'widget_close']);
  });

  it('met already loaded: replaces no site callback, and hears an event once the site registers one', () => {
    const opened = vi.fn(() => 'site opened');
    snippet();
    $crisp().push(['on', 'chat:opened', opened]);
    loadChatbox();
    installBridge();
    expect(emit('chat:opened')).toBe('site opened'); // not replaced: the bridge cannot hear it
    expect(dataLayer()).toEqual([]);
    const closed = vi.fn(() => 'site closed');
    $crisp().push(['off', 'chat:closed'], ['on', 'chat:closed', closed]);
    expect(emit('chat:closed')).toBe('site closed');
    expect(eventNames()).toEqual(['widget_close']);
  });

  it('follows a chatbox that takes over the queue array itself', () => {
    const site = vi.fn(() => 'site');
    testWindow.__crispInPlace = true;
    snippet();
    installBridge();
    $crisp().push(['on', 'chat:opened', site]);
    loadChatbox();
    expect(typeof $crisp().is).toBe('function');
    $crisp().push(['on', 'message:sent', site]);
    expect(emit('chat:opened')).toBe('site');
    expect(emit('message:sent')).toBe('site');
    expect(actions()).toEqual(CHAT_PUSHES.slice(0, 3).concat([['message:sent', 'widget_start']]));
  });

  it('starts afresh with a new queue (a page re-creating the chatbox): a new session, a new lead, no doubling', () => {
    snippet();
    installBridge();
    loadChatbox();
    emit('user:email:changed');
    emit('user:email:changed', 'other@example.com');
    emit('message:sent');
    emit('message:sent');
    // A new chatbox: the page empties $crisp and loads the script again, with its callback on the new queue.
    const site = vi.fn();
    snippet();
    $crisp().push(['on', 'chat:opened', site]);
    loadChatbox();
    emit('session:loaded', 'session_2');
    emit('chat:opened');
    emit('message:sent');
    emit('user:email:changed');
    expect(site).toHaveBeenCalledTimes(1);
    expect(dataLayer().map((push) => [push.widget_action, push.event, push.widget_interaction_id])).toEqual([
      ['session:loaded', 'widget_view', SESSION],
      ['website:availability:changed:online', 'widget_interaction', SESSION],
      ['user:email:changed', 'widget_submit', SESSION],
      ['user:email:changed', 'generate_lead', SESSION],
      // The second address within a second is an exact duplicate; the second message is not pushed (one per session).
      ['message:sent', 'widget_interaction', SESSION],
      // The script ran again: its session:loaded and availability for the same session are exact duplicates.
      ['session:loaded', 'widget_view', 'session_2'],
      ['chat:opened', 'widget_open', 'session_2'],
      ['message:sent', 'widget_start', 'session_2'],
      ['user:email:changed', 'widget_submit', 'session_2'],
      ['user:email:changed', 'generate_lead', 'session_2'],
    ]);
  });

  it('reports an away team as unavailable', () => {
    testWindow.__crispAvailable = false;
    snippet();
    installBridge();
    loadChatbox();
    expect(dataLayer().map((push) => [push.event, push.widget_availability])).toEqual([
      ['widget_view', undefined],
      ['widget_unavailable', 'away'],
    ]);
  });

  it('hashes the e-mail for the opt-in lead only', async () => {
    snippet();
    installBridge({ hashEmail: true });
    loadChatbox();
    emit('user:email:changed');
    await vi.waitFor(() => expect(eventNames()).toContain('generate_lead'));
    const lead = dataLayer().find((push) => push.event == 'generate_lead')!;
    expect((lead.user_data as { sha256_email_address: string }).sha256_email_address).toMatch(/^[0-9a-f]{64}$/);
    const serialized = JSON.stringify(dataLayer());
    for (const fragment of PERSONAL) expect(serialized).not.toContain(fragment);
  });

  it('on uninstall stops pushing, and the site callbacks keep being called', () => {
    const site = vi.fn(() => 'site');
    snippet();
    $crisp().push(['on', 'chat:opened', site]);
    const handle = installBridge();
    installBridge(); // a second install does nothing
    loadChatbox();
    expect(eventNames()).toEqual(['widget_view', 'widget_interaction']);
    handle.uninstall();
    expect(emit('chat:opened')).toBe('site');
    expect(eventNames()).toEqual(['widget_view', 'widget_interaction']);
    expect(Object.getOwnPropertyDescriptor(window, '$crisp')).toMatchObject({ value: $crisp(), writable: true });
  });
});
