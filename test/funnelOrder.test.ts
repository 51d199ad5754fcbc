import { afterEach, describe, expect, it, vi } from 'vitest';
import { VENDOR_GLOBALS } from '../fixtures/vendorGlobals';
import type { HappyPath } from '../src/core/adapter';
import { DOCUMENTED_ADAPTERS as ADAPTERS } from '../src/vendors/manifest';
import {
  CAL_COM_EVENTS,
  CALENDLY_EVENTS,
  CHILI_PIPER_ACTIONS,
  CRISP_EVENTS,
  DRIFT_EVENTS,
  CUSTOMERLY_CALLBACKS,
  GENESYS_EVENTS,
  HUBSPOT_CHAT_EVENTS,
  HUBSPOT_FORMS_EVENTS,
  HUBSPOT_LEGACY_FORMS_EVENTS,
  HUBSPOT_MEETINGS_EVENTS,
  LIVECHAT_EVENTS,
  TIDIO_EVENTS,
  TAWK_TO_EVENTS,
  TYPEFORM_EVENTS,
  USERLIKE_OLDER_EVENTS,
  USERLIKE_SEED_EVENTS,
  INTERCOM_CALLBACKS,
  ZENDESK_EVENTS,
} from './documentedEvents';
import { FUNNEL_STEPS, stepsStrictlyIncrease } from './funnelSteps';
import { CHILI_PIPER_ORIGIN, dataLayer, installBridge, postMessageFrom, testWindow } from './helpers';
import { hubspotDriver } from './vendors/hubspotDriver';

afterEach(() => {
  // The bridge's accessors, and the HubSpot driver's mock widget.
  for (const key of [...VENDOR_GLOBALS, 'HubSpotConversations', '__hubspotChat']) delete testWindow[key];
  vi.useRealTimers();
});

type Handler = (event: unknown) => void;

type Path = HappyPath & { vendor: string };

/** Every vendor's documented happy paths (the docs in each vendor's stages.ts). */
const HAPPY_PATHS: Path[] = ADAPTERS.flatMap((adapter) => adapter.docs.happyPaths.map((path) => ({ ...path, vendor: adapter.vendor })));

/** Feeds one vendor event to the installed bridge through the vendor's own channel. */
function driverFor(path: Path): (name: string) => void {
  switch (path.vendor) {
    case 'chili_piper':
      // The legacy loader's back button sends CLOSE_IFRAME with this message; without it the action is not Chili Piper's.
      return (action) =>
        postMessageFrom(CHILI_PIPER_ORIGIN, {
          action,
          args: { routeId: 'route-1' },
          ...(action == 'CLOSE_IFRAME' ? { message: 'CP_BACK_PRESSED' } : {}),
        });
    case 'customerly': {
      testWindow.customerly = [];
      const namespace = testWindow.customerly as unknown as Record<string, (...args: unknown[]) => void>;
      const args: Record<string, unknown[]> = {
        onNewMessageReceived: [{ conversationId: 42 }],
        onRealtimeVideoReceived: [{ conversation_id: 42 }],
        onRealtimeVideoAnswered: [{ conversation_id: 42 }],
        onLeadGenerated: ['lead@example.com'],
      };
      return (name) => namespace[name](...(args[name] || []));
    }
    case 'userlike':
      return (name) =>
        (testWindow.userlikeTrackingEvent as (...args: unknown[]) => void)(name, { widget_id: 1 }, { session_id: 'session-1' });
    case 'genesys': {
      const handlers: Record<string, Handler[]> = {};
      testWindow._genesys = { widgets: { clicktocall: {}, callback: {}, webchat: {}, sendmessage: {} } };
      testWindow.CXBus = {
        registerPlugin: () => ({ subscribe: (name: string, handler: Handler) => (handlers[name] = handlers[name] || []).push(handler) }),
      };
      const metadata: Record<string, unknown> = { id: path.name.includes('8.5') ? undefined : 'ixn-1' };
      let time = 1700000000000;
      return (name) => {
        metadata[name.split('.')[1]] = time += 1000;
        for (const handler of handlers[name] || [])
          handler({ event: name, data: name.startsWith('WebChatService.started') ? { sessionID: 'session-1' } : { ...metadata } });
      };
    }
    case 'calendly': {
      // One scheduling iframe (the window that posts) per walk; the booking's scheduled event URI on event_scheduled.
      const frame = {} as Window;
      return (name) =>
        window.dispatchEvent(
          new MessageEvent('message', {
            origin: 'https://calendly.com',
            source: frame,
            data: {
              event: 'calendly.' + name,
              payload:
                name == 'event_scheduled'
                  ? {
                      event: { uri: 'https://api.calendly.com/scheduled_events/GBGBDCAADAEDCRZ2' },
                      invitee: { uri: 'https://api.calendly.com/scheduled_events/GBGBDCAADAEDCRZ2/invitees/AAAAAAAAAAAAAAAA' },
                    }
                  : {},
            },
          }),
        );
    }
    case 'typeform': {
      // The form iframe's messages as @typeform/embed reads them, the response id on form-started and
      // form-submit; a visitor's steps a second apart (the pushes carry the time since form-ready).
      vi.useFakeTimers({ toFake: ['Date'] });
      let time = 1700000000000;
      return (type) => {
        vi.setSystemTime((time += 1000));
        postMessageFrom('https://form.typeform.com', {
          type,
          embedId: '123',
          formId: 'AbCdEf',
          ...(type == 'form-started' || type == 'form-submit' ? { responseId: 'resp-1' } : {}),
        });
      };
    }
    case 'cal_com':
      // The embed iframe's message, as @calcom/embed-core's embed-iframe posts it to the parent.
      return (type) =>
        postMessageFrom('https://app.cal.com', {
          originator: 'CAL',
          type,
          namespace: 'demo',
          fullType: 'CAL:demo:' + type,
          data: type.includes('ookingSuccessful')
            ? { uid: 'booking-1', startTime: '2030-01-01T10:00:00Z', endTime: '2030-01-01T10:30:00Z' }
            : {},
        });
    case 'hubspot':
      return hubspotDriver();
    case 'livechat': {
      // The tracking code's LiveChatWidget once tracking.js took it over (fixtures/livechat-tracking.js, in short):
      // `on` adds a handler, `get('chat_data')` names the chat. Each action is the event with its deciding value.
      const handlers: Record<string, Handler[]> = {};
      const handle = (method: string, [name, handler]: unknown[]) => {
        if (method == 'on') (handlers[name as string] ||= []).push(handler as Handler);
        return method == 'get' ? { chatId: 'chat-1' } : undefined;
      };
      const field: Record<string, string> = {
        availability_changed: 'availability',
        visibility_changed: 'visibility',
        customer_status_changed: 'status',
        form_submitted: 'type',
      };
      testWindow.LiveChatWidget = {
        _q: [],
        _h: handle,
        on: (...args: unknown[]) => handle('on', args),
        off: (...args: unknown[]) => handle('off', args),
        get: (...args: unknown[]) => handle('get', args),
      };
      return (action) => {
        const [name, value] = action.split(':');
        const payload =
          name == 'new_event'
            ? { type: 'message', author: { type: value } }
            : name == 'rating_submitted'
              ? 'good'
              : name == 'ready'
                ? { state: { availability: 'online', visibility: 'minimized' } }
                : value
                  ? { [field[name]]: value }
                  : { id: 12 };
        for (const handler of handlers[name] || []) handler(payload);
      };
    }
    case 'tidio':
      // The widget's tidioChat-<name> events on document (its tidioChatApi.on handlers are heard the same way);
      // setStatus with its status, preFormFilled with the pre-chat form.
      return (action) => {
        const [name, status] = action.split(':');
        const data = status || (name == 'preFormFilled' ? { form_data: { email: 'jane@x.test' } } : undefined);
        document.dispatchEvent(new CustomEvent('tidioChat-' + name, { detail: data }));
      };
    case 'intercom': {
      // The loaded messenger: Intercom('<callback>', fn) registers, the messenger calls every registered function.
      const callbacks: Record<string, Handler[]> = {};
      testWindow.Intercom = (method: string, callback: Handler) => (callbacks[method] ||= []).push(callback);
      return (name) => {
        for (const callback of callbacks[name] || []) callback(undefined);
      };
    }
    case 'drift': {
      // The loaded widget: drift.on keeps every callback; ready gets (api, state), the others one payload of one conversation.
      const callbacks: Record<string, Handler[]> = {};
      testWindow.drift = { on: (name: string, callback: Handler) => (callbacks[name] ||= []).push(callback) };
      const payload = { conversationId: 7001, meeting: { time: '2030-01-07T15:00:00Z', duration: 30 } };
      return (name) => {
        for (const callback of callbacks[name] || [])
          (callback as (...args: unknown[]) => void)(...(name == 'ready' ? [{}, { isOnline: true }] : [payload]));
      };
    }
    case 'zendesk': {
      // The loaded widget: zE('messenger:on', name, fn) subscribes; each event object carries one conversation's id.
      const callbacks: Record<string, Handler[]> = {};
      testWindow.zE = (_scope: string, name: string, callback: Handler) => (callbacks[name] ||= []).push(callback);
      return (name) => {
        for (const callback of callbacks[name] || []) callback({ id: 'e', createdAt: 1, type: name, data: { conversationId: 'conv-1' } });
      };
    }
    case 'tawk_to':
      // The page's Tawk_API callbacks, called as the widget calls them (https://developer.tawk.to/jsapi/).
      testWindow.Tawk_API = {};
      return (name) => {
        const [callback, status] = name.split(':');
        const args: Record<string, unknown> = {
          onPrechatSubmit: { name: 'Lead', email: 'lead@example.com', message: 'm' },
          onAgentJoinChat: { id: 'agent-1' },
          onChatSatisfaction: 1,
        };
        (testWindow.Tawk_API as Record<string, (arg: unknown) => void>)[callback](status || args[callback]);
      };
    case 'crisp': {
      // The one callback per event the bridge queued on $crisp, called as the chatbox calls them.
      testWindow.$crisp = [];
      const callbacks: Record<string, (arg?: unknown) => void> = {};
      for (const [, name, callback] of testWindow.$crisp as [string, string, (arg?: unknown) => void][]) callbacks[name] = callback;
      const args: Record<string, unknown> = {
        'session:loaded': 'session_1',
        'website:availability:changed:online': true,
        'website:availability:changed:away': false,
        'user:email:changed': 'lead@example.com',
      };
      return (name) => callbacks[name.replace(/:(online|away)$/, '')](args[name]);
    }
    default:
      throw new Error('no driver for ' + path.vendor + ': add one when adding a vendor');
  }
}

/** The pushes a path produced, leads aside: [vendor event, pushed stage]. */
function pushesOf(): [action: string, stage: string][] {
  return dataLayer()
    .filter((push) => push.event != 'generate_lead')
    .map((push) => [push.widget_action as string, push.widget_stage as string]);
}

/** Whether each event of `events` produced exactly one push, in order. */
const onePushPerEvent = (events: readonly string[], pushes: [string, string][]) =>
  pushes.length == events.length && pushes.every(([action], i) => action == events[i]);

describe('funnel order: walking each product’s happy path in vendor order', () => {
  for (const path of HAPPY_PATHS) {
    it(`${path.vendor} ${path.product}: ${path.name}: one push per event, funnel steps strictly increasing`, () => {
      installBridge();
      const send = driverFor(path);
      for (const name of path.events) send(name);
      const pushes = pushesOf();
      expect(pushes.map(([action]) => action)).toEqual(path.events);
      expect(onePushPerEvent(path.events, pushes)).toBe(true);
      const stages = pushes.map(([, stage]) => stage);
      // Positive control: the path reaches at least two steps (one, for a product whose vendor reports only its outcome).
      expect(stages.filter((stage) => FUNNEL_STEPS.includes(stage)).length, stages.join(' → ')).toBeGreaterThanOrEqual(
        Math.min(2, path.events.length),
      );
      expect(stepsStrictlyIncrease(stages), stages.join(' → ')).toBe(true);
      // Every push belongs to the path's product.
      for (const push of dataLayer()) expect(push.widget_product).toBe(path.product);
    });
  }

  it('walks at least one path of every vendor', () => {
    for (const adapter of ADAPTERS)
      expect(
        HAPPY_PATHS.some((path) => path.vendor == adapter.vendor),
        adapter.vendor,
      ).toBe(true);
  });

  // Every event each vendor documents, played in the documentation's order, however unlike a real visit that
  // order is: each is one push, and within each interaction (product and id) the funnel steps only go forward.
  // (Customerly's callbacks open and close conversations, Genesys's span four products.)
  /** Vendors whose events name no interaction. */
  const NAMES_NO_INTERACTION = ['tidio', 'tawk_to', 'intercom'];
  const EVERY_EVENT: Record<string, string[]> = {
    chili_piper: CHILI_PIPER_ACTIONS,
    customerly: CUSTOMERLY_CALLBACKS,
    userlike: [...USERLIKE_SEED_EVENTS, ...USERLIKE_OLDER_EVENTS],
    genesys: GENESYS_EVENTS,
    calendly: CALENDLY_EVENTS,
    typeform: TYPEFORM_EVENTS,
    cal_com: CAL_COM_EVENTS,
    hubspot: [...HUBSPOT_MEETINGS_EVENTS, ...HUBSPOT_FORMS_EVENTS, ...HUBSPOT_LEGACY_FORMS_EVENTS, ...HUBSPOT_CHAT_EVENTS],
    livechat: LIVECHAT_EVENTS,
    tidio: TIDIO_EVENTS,
    tawk_to: TAWK_TO_EVENTS,
    crisp: CRISP_EVENTS,
    intercom: INTERCOM_CALLBACKS,
    drift: DRIFT_EVENTS,
    zendesk: ZENDESK_EVENTS,
  };
  for (const vendor of Object.keys(EVERY_EVENT)) {
    it(`${vendor}: every documented event is one push, and the funnel steps strictly increase`, () => {
      installBridge();
      const events = EVERY_EVENT[vendor];
      const send = driverFor({ vendor, product: '', name: 'every event', events });
      for (const name of events) send(name);
      const pushes = pushesOf();
      expect(onePushPerEvent(events, pushes), JSON.stringify(pushes.map(([action]) => action))).toBe(true);
      const interactions: Record<string, string[]> = {};
      // A vendor that names no interaction (Tidio, tawk.to, Intercom) has one per page view: all its pushes.
      const idOf = (push: Record<string, unknown>) =>
        push.widget_interaction_id || (NAMES_NO_INTERACTION.includes(vendor) ? 'page' : undefined);
      for (const push of dataLayer())
        if (push.event != 'generate_lead' && idOf(push))
          (interactions[push.widget_product + '|' + idOf(push)] ||= []).push(push.widget_stage as string);
      expect(Object.keys(interactions).length).toBeGreaterThan(0);
      for (const [interaction, stages] of Object.entries(interactions))
        expect(stepsStrictlyIncrease(stages), interaction + ': ' + stages.join(' → ')).toBe(true);
    });
  }

  it('has every-event lists for exactly the registry’s vendors', () => {
    expect(Object.keys(EVERY_EVENT).sort()).toEqual(ADAPTERS.map((adapter) => adapter.vendor).sort());
  });

  it('Genesys 8.5 WebChat reaches every funnel step with an agent: view → open → start → submit → complete', () => {
    const path = HAPPY_PATHS.find((candidate) => candidate.name.includes('8.5'))!;
    installBridge();
    const send = driverFor(path);
    for (const name of path.events) send(name);
    expect(
      pushesOf()
        .map(([, stage]) => stage)
        .filter((stage) => FUNNEL_STEPS.includes(stage)),
    ).toEqual(FUNNEL_STEPS);
  });

  it('detects a missing push (the one-push-per-event property is not vacuous)', () => {
    installBridge();
    const send = driverFor({ vendor: 'userlike', product: 'messenger', name: 'control', events: [] });
    // The same call twice at once is an exact duplicate: two events heard, one push.
    const events = ['button_displayed', 'chat_requested', 'chat_requested'];
    for (const name of events) send(name);
    expect(onePushPerEvent(events, pushesOf())).toBe(false);
    expect(onePushPerEvent(events.slice(0, 2), pushesOf())).toBe(true);
  });

  it('detects a backwards step (the strictly-increasing property is not vacuous)', () => {
    installBridge();
    const send = driverFor({ vendor: 'userlike', product: 'messenger', name: 'control', events: [] });
    // In a new session each: a submit, then a start.
    send('register_submit');
    (testWindow.userlikeTrackingEvent as (...args: unknown[]) => void)('chat_started', {}, { session_id: 'session-2' });
    const stages = pushesOf().map(([, stage]) => stage);
    expect(stages).toEqual(['submit', 'start']);
    expect(stepsStrictlyIncrease(stages)).toBe(false);
  });

  it('detects a repeated step (the same interaction reaching open twice is not strictly increasing)', () => {
    expect(stepsStrictlyIncrease(['view', 'open', 'open'])).toBe(false);
    expect(stepsStrictlyIncrease(['view', 'open', 'interaction', 'start'])).toBe(true);
  });
});
