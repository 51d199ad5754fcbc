import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readUserlikeCall, userlikeStages } from '../../src/vendors/userlike';
import { USERLIKE_OLDER_EVENTS, USERLIKE_SEED_EVENTS } from '../documentedEvents';
import { pushedStages } from '../funnelSteps';
import { dataLayer, definedParams, eventNames, installBridge, testWindow } from '../helpers';
import { PLANTED } from '../../fixtures/personalData';

const WIDGET = readFileSync('fixtures/userlike-widget.js', 'utf8');

const SEED_EVENTS = USERLIKE_SEED_EVENTS;
const OLDER_EVENTS = USERLIKE_OLDER_EVENTS;
const PERSONAL = PLANTED;

type Fire = { fire(name: string): unknown; fireAll(): unknown[] };
const widget = () => testWindow.__userlike as Fire;
const loadWidget = () => new Function(WIDGET)();

afterEach(() => {
  delete testWindow.userlikeTrackingEvent;
  delete testWindow.__userlike;
  delete testWindow.__userlikeEvents;
});

describe('Userlike mapping table', () => {
  it('maps every seed event and the older names, and only those, to one stage', () => {
    expect(Object.keys(userlikeStages).sort()).toEqual([...SEED_EVENTS, ...OLDER_EVENTS].sort());
    expect(userlikeStages).toMatchObject({
      button_displayed: 'view',
      chat_window_maximized: 'open',
      chat_started: 'start',
      contact_first_message: 'start',
      slot_unavailable: 'unavailable',
      error_message: 'error',
      chat_window_minimized: 'interaction',
      chat_window_minimzed: 'interaction',
    });
  });
});

describe('readUserlikeCall', () => {
  const globalContext = { client_uuid: 'c-1', operator_group_id: 17, widget_id: 4242, widget_lang: 'de' };
  const sessionContext = {
    session_id: 's-1',
    chat_id: 'chat-1',
    client_name: 'Jane',
    client_email: 'jane@example.com',
    operator_id: 9,
    operator_name: 'Agent Smith',
    custom_data: { a: 1 },
  };

  it('keeps widget, language, group and operator ids; chat_id is the interaction', () => {
    expect(readUserlikeCall(['chat_started', globalContext, sessionContext])).toEqual({
      widget_action: 'chat_started',
      widget_interaction_id: 'chat-1',
      scope: 's-1',
      widget_proactive: undefined,
      widget_id: '4242',
      widget_lang: 'de',
      widget_operator_group_id: '17',
      widget_operator_id: '9',
    });
  });

  it('never takes an e-mail address as an id, however its at-sign is written', () => {
    for (const at of ['@', '\uFF20', '\uFE6B', '\u{E0040}', '%40', '&#64;']) {
      const event = readUserlikeCall(['chat_started', {}, { session_id: `jane.doe${at}acme.com` }]);
      expect(event.widget_interaction_id, at).toBeUndefined();
      expect(event.scope, at).toBeUndefined();
    }
    // Positive control: a session id of its own is the interaction.
    expect(readUserlikeCall(['chat_started', {}, { session_id: 'sess-81c2' }]).widget_interaction_id).toBe('sess-81c2');
  });

  it('falls back to session_id, and marks proactive events', () => {
    expect(readUserlikeCall(['chat_connected_proactive', {}, { session_id: 's-1' }])).toMatchObject({
      widget_interaction_id: 's-1',
      widget_proactive: true,
    });
  });

  it('copes with missing or non-object contexts', () => {
    for (const args of [['button_displayed'], ['button_displayed', null, 'x'], ['button_displayed', 42, []], []]) {
      expect(() => readUserlikeCall(args)).not.toThrow();
    }
    expect(readUserlikeCall(['button_displayed', null, undefined])).toMatchObject({
      widget_action: 'button_displayed',
      widget_id: undefined,
    });
    expect(readUserlikeCall([42])).toMatchObject({ widget_action: '' });
  });
});

describe('userlikeTrackingEvent', () => {
  const everyEvent = [...SEED_EVENTS, ...OLDER_EVENTS];

  it.each([
    ['defined before the bridge', 'before'],
    ['assigned after the bridge', 'after'],
    ['not defined by the site at all', 'none'],
  ])(
    '%s: every event pushed once (a step the session already reached as interaction), the site function called with the same arguments',
    (_, when) => {
      const site = vi.fn((name: string, ..._contexts: unknown[]) => 'site:' + name);
      testWindow.__userlikeEvents = everyEvent;
      if (when == 'before') testWindow.userlikeTrackingEvent = site;
      installBridge();
      if (when == 'after') testWindow.userlikeTrackingEvent = site;
      loadWidget();
      const results = widget().fireAll();
      // All events come from one session: a step it already reached is pushed as an interaction.
      const stages = pushedStages(everyEvent.map((name) => userlikeStages[name as keyof typeof userlikeStages]));
      expect(stages).toContain('interaction');
      expect(dataLayer().map((push) => push.widget_action)).toEqual(everyEvent);
      expect(dataLayer().map((push) => push.event)).toEqual(stages.map((stage) => 'widget_' + stage));
      if (when == 'none') {
        expect(results).toEqual(everyEvent.map(() => undefined));
      } else {
        expect(site.mock.calls.map((call) => call[0])).toEqual(everyEvent);
        expect(site.mock.calls[0][1]).toBe((widget() as unknown as { globalContext: unknown }).globalContext);
        expect(site.mock.calls[0][2]).toBe((widget() as unknown as { sessionContext: unknown }).sessionContext);
        expect(results).toEqual(everyEvent.map((name) => 'site:' + name));
      }
      const serialized = JSON.stringify(dataLayer());
      for (const fragment of PERSONAL) expect(serialized).not.toContain(fragment);
      expect(definedParams(dataLayer()[everyEvent.indexOf('chat_started')])).toEqual({
        event: 'widget_start',
        widget_vendor: 'userlike',
        widget_product: 'messenger',
        widget_action: 'chat_started',
        widget_stage: 'start',
        widget_interaction_id: 'chat-5521',
        widget_id: '4242',
        widget_lang: 'de',
        widget_operator_group_id: '17',
        widget_operator_id: '9',
        widget_schema: 1,
      });
    },
  );

  it('lets a throwing site function throw to its caller, after the push', () => {
    testWindow.userlikeTrackingEvent = () => {
      throw new Error('site tracking broke');
    };
    installBridge();
    loadWidget();
    expect(() => widget().fire('chat_started')).toThrow('site tracking broke');
    expect(eventNames()).toEqual(['widget_start']);
  });

  it('pushes nothing for unknown event names (positive control: a known one)', () => {
    installBridge();
    loadWidget();
    for (const name of ['chat_exploded', '__proto__', 'constructor', '']) widget().fire(name);
    expect(dataLayer()).toEqual([]);
    widget().fire('error_message');
    expect(eventNames()).toEqual(['widget_error']);
  });

  it('restores the site function on uninstall', () => {
    const site = vi.fn();
    testWindow.userlikeTrackingEvent = site;
    installBridge().uninstall();
    expect(testWindow.userlikeTrackingEvent).toBe(site);
  });

  it('wraps the site function again when a later script replaced the hook, at the next load event', () => {
    installBridge();
    loadWidget();
    widget().fire('button_displayed');
    // What a later `function userlikeTrackingEvent(){}` does to the global: the accessor is gone, a plain function is there.
    const site = vi.fn(() => 'site');
    Object.defineProperty(window, 'userlikeTrackingEvent', { value: site, writable: true, enumerable: true, configurable: true });
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 2000 });
    expect(widget().fire('chat_requested')).toBe('site'); // before any load event: unseen, nothing breaks
    // The page finished loading.
    window.dispatchEvent(new Event('load'));
    expect(widget().fire('chat_started')).toBe('site');
    document.dispatchEvent(new Event('DOMContentLoaded')); // nothing to do: already wrapped
    vi.useRealTimers();
    expect(site).toHaveBeenCalledTimes(2);
    expect(eventNames()).toEqual(['widget_view', 'widget_start']);
  });

  it('wraps a function the site assigned after deleting the hooked global, at the next script load (which reaches the document, not window)', () => {
    installBridge();
    loadWidget();
    delete testWindow.userlikeTrackingEvent;
    const site = vi.fn(() => 'site');
    testWindow.userlikeTrackingEvent = site;
    expect(widget().fire('button_displayed')).toBe('site'); // a plain property: unseen (the control)
    expect(dataLayer()).toEqual([]);
    const script = document.createElement('script');
    document.head.appendChild(script);
    script.dispatchEvent(new Event('load')); // does not bubble: only a capturing listener above it hears it
    script.remove();
    expect(widget().fire('chat_started')).toBe('site');
    expect(site).toHaveBeenCalledTimes(2);
    expect(eventNames()).toEqual(['widget_start']);
  });

  it('keeps the session as the scope of funnel steps: one open per session, a new session opens again', () => {
    installBridge();
    const call = (name: string, session: string) =>
      (testWindow.userlikeTrackingEvent as (...a: unknown[]) => void)(name, {}, { session_id: session });
    call('chat_requested', 's-1');
    call('chat_connected', 's-1');
    call('chat_requested', 's-2');
    call('chat_window_minimized', 's-2');
    call('chat_window_minimized', 's-1');
    expect(dataLayer().map((push) => [push.widget_action, push.event, push.widget_interaction_id])).toEqual([
      ['chat_requested', 'widget_open', 's-1'],
      ['chat_connected', 'widget_interaction', 's-1'],
      ['chat_requested', 'widget_open', 's-2'],
      ['chat_window_minimized', 'widget_interaction', 's-2'],
      ['chat_window_minimized', 'widget_interaction', 's-1'],
    ]);
  });
});
