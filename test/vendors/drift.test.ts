import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { driftStages, readDriftEvent } from '../../src/vendors/drift';
import { DRIFT_EVENTS, DRIFT_IGNORED } from '../documentedEvents';
import { dataLayer, definedParams, eventNames, installBridge, testWindow } from '../helpers';
import { PLANTED } from '../../fixtures/personalData';

const WIDGET = readFileSync('fixtures/drift-widget.js', 'utf8');

type Widget = { fire(name: string, payload?: unknown): void; payloads: Record<string, unknown>; count(name: string): number };
type Drift = { on(name: string, callback: (...args: unknown[]) => unknown): unknown; off(name: string, callback?: unknown): unknown };
const widget = () => testWindow.__driftWidget as Widget;
const driftApi = () => testWindow.drift as Drift;
const loadWidget = () => new Function(WIDGET)();
/** Drift's install snippet (devdocs.drift.com), without the script it loads: the queue of calls on window.drift. */
const snippet = () => {
  const t = [] as unknown as unknown[] & Record<string, unknown>;
  testWindow.driftt = testWindow.drift = t;
  t.invoked = true;
  t.methods = ['identify', 'config', 'track', 'reset', 'debug', 'show', 'ping', 'page', 'hide', 'off', 'on'];
  for (const method of t.methods as string[])
    t[method] = (...args: unknown[]) => {
      t.push([method, ...args]);
      return t;
    };
  t.load = () => {};
};
const actions = () => dataLayer().map((push) => push.event + ' ' + push.widget_action);
const later = () => vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 2000 });

afterEach(() => {
  vi.useRealTimers();
  for (const key of ['drift', 'driftt', '__driftWidget', '__driftSwapsObject', '__driftOnline']) delete testWindow[key];
});

describe('Drift mapping table', () => {
  it('maps every documented event it pushes, and none of those it leaves out', () => {
    expect(Object.keys(driftStages).sort()).toEqual([...DRIFT_EVENTS].sort());
    for (const name of DRIFT_IGNORED) expect(driftStages).not.toHaveProperty(name);
    expect(driftStages).toMatchObject({
      ready: 'view',
      chatOpen: 'open',
      startConversation: 'start',
      emailCapture: 'submit',
      phoneCapture: 'submit',
      'scheduling:meetingBooked': 'complete',
      'awayMessage:open': 'unavailable',
    });
  });
});

describe('readDriftEvent', () => {
  it('reads the booked meeting’s team member id, time, length and time zone, never names', () => {
    const payload = {
      conversationId: 7001,
      teamMember: { id: 42, name: 'Agent Smith' },
      meeting: { time: '2030-01-07T15:00:00.000Z', duration: 30, timeZone: 'America/New_York' },
    };
    expect(readDriftEvent('scheduling:meetingBooked', payload)).toEqual({
      widget_action: 'scheduling:meetingBooked',
      widget_interaction_id: '7001',
      widget_availability: undefined,
      widget_assignee_id: '42',
      widget_slot_start: '2030-01-07T15:00:00.000Z',
      widget_duration_minutes: 30,
      widget_timezone: 'America/New_York',
      widget_trigger_id: undefined,
    });
  });

  it('says that an e-mail was captured, hands the address to the core only, and finds the conversation in data', () => {
    const event = readDriftEvent('emailCapture', { data: { email: 'jane.doe@example.com', conversationId: 7001 } });
    expect(event).toMatchObject({ widget_email_provided: true, email: 'jane.doe@example.com', widget_interaction_id: '7001' });
    expect(readDriftEvent('emailCapture', { data: { email: 'not an address' } }).widget_email_provided).toBe(false);
    // Only emailCapture's data is an address.
    expect(readDriftEvent('phoneCapture', { data: { email: 'jane.doe@example.com' }, phone: '+1 555 0100' })).not.toHaveProperty('email');
  });

  it('reads availability from ready’s state only, as online or offline', () => {
    expect(readDriftEvent('ready', { isOnline: true }).widget_availability).toBe('online');
    expect(readDriftEvent('ready', { isOnline: false }).widget_availability).toBe('offline');
    expect(readDriftEvent('ready', { isOnline: 'yes' }).widget_availability).toBeUndefined();
    expect(readDriftEvent('chatOpen', { isOnline: true }).widget_availability).toBeUndefined();
  });

  it('copes with malformed payloads and drops ids that look personal', () => {
    for (const payload of [undefined, null, 42, 'x', [], { data: null, meeting: 'soon', teamMember: [] }])
      expect(() => readDriftEvent('scheduling:meetingBooked', payload)).not.toThrow();
    const event = readDriftEvent('scheduling:meetingBooked', {
      conversationId: 'jane.doe@example.com',
      teamMember: { id: 'Agent Smith' },
      meeting: { time: 'tomorrow', duration: -5, timeZone: '+1 555 0100' },
      playbookId: Infinity,
    });
    expect(definedParams(event as Record<string, unknown>)).toEqual({ widget_action: 'scheduling:meetingBooked' });
  });
});

describe('Drift callbacks', () => {
  const walk = [
    'chatOpen',
    'startConversation',
    'message:sent',
    'emailCapture',
    'scheduling:requestMeeting',
    'scheduling:meetingBooked',
    'chatClose',
  ];
  const expected = [
    'widget_view ready',
    'widget_open chatOpen',
    'widget_start startConversation',
    'widget_interaction message:sent',
    'widget_submit emailCapture',
    'generate_lead emailCapture',
    'widget_interaction scheduling:requestMeeting',
    'widget_complete scheduling:meetingBooked',
    'widget_close chatClose',
  ];

  it.each([
    ['bridge, snippet, widget', 'first', false],
    ['snippet with queued site callbacks, bridge, widget', 'queued', false],
    ['snippet, widget, bridge', 'last', false],
    ['bridge, snippet, a widget that swaps its own object in', 'first', true],
    ['snippet, bridge, a widget that swaps its own object in', 'queued', true],
    ['snippet, a widget that swaps its own object in, bridge', 'last', true],
  ])('%s: every event pushed once, the site’s callbacks called once each', (_, order, swaps) => {
    testWindow.__driftSwapsObject = swaps;
    const siteBefore = vi.fn();
    const siteAfter = vi.fn();
    if (order == 'first') installBridge();
    snippet();
    driftApi().on('emailCapture', siteBefore);
    if (order == 'queued') installBridge();
    loadWidget();
    if (order == 'last') installBridge();
    driftApi().on('emailCapture', siteAfter);
    for (const name of walk) widget().fire(name);
    expect(actions()).toEqual(expected);
    expect(siteBefore).toHaveBeenCalledTimes(1);
    expect(siteAfter).toHaveBeenCalledTimes(1);
    expect(siteBefore.mock.calls[0][0]).toBe(widget().payloads.emailCapture);
    const serialized = JSON.stringify(dataLayer());
    for (const fragment of [...PLANTED, 'example.com', 'Agent']) expect(serialized).not.toContain(fragment);
    expect(definedParams(dataLayer()[7])).toEqual({
      event: 'widget_complete',
      widget_vendor: 'drift',
      widget_product: 'chat',
      widget_action: 'scheduling:meetingBooked',
      widget_stage: 'complete',
      widget_interaction_id: '7001',
      widget_assignee_id: '42',
      widget_slot_start: '2030-01-07T15:00:00.000Z',
      widget_duration_minutes: 30,
      widget_timezone: 'America/New_York',
      widget_trigger_id: '55',
      widget_schema: 1,
    });
    expect(dataLayer()[0].widget_availability).toBe('online');
    // Positive control: the widget handed the planted data over.
    expect(JSON.stringify(widget().payloads)).toContain('jane.doe@example.com');
  });

  it('one lead per conversation, whichever capture or booking comes first; a second conversation is a lead of its own', () => {
    installBridge();
    snippet();
    loadWidget();
    widget().fire('phoneCapture');
    widget().fire('emailCapture');
    widget().fire('scheduling:meetingBooked');
    later();
    widget().fire('startConversation', { conversationId: 7002, inboxId: 3 });
    widget().fire('emailCapture', { data: { email: 'jane.doe@example.com', conversationId: 7002 } });
    expect(actions()).toEqual([
      'widget_view ready',
      'widget_submit phoneCapture',
      'generate_lead phoneCapture',
      'widget_interaction emailCapture',
      'widget_complete scheduling:meetingBooked',
      'widget_start startConversation',
      'widget_submit emailCapture',
      'generate_lead emailCapture',
    ]);
  });

  it('hashes the captured address only on the lead, with hashEmail', async () => {
    installBridge({ hashEmail: true });
    snippet();
    loadWidget();
    widget().fire('emailCapture');
    await vi.waitFor(() => expect(eventNames()).toEqual(['widget_view', 'widget_submit', 'generate_lead']));
    const lead = dataLayer()[2] as { user_data?: { sha256_email_address: string } };
    expect(lead.user_data?.sha256_email_address).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(dataLayer())).not.toContain('jane');
  });

  it('an offline team: ready says offline, the away message is unavailable', () => {
    testWindow.__driftOnline = false;
    installBridge();
    snippet();
    loadWidget();
    widget().fire('awayMessage:open');
    expect(actions()).toEqual(['widget_view ready', 'widget_unavailable awayMessage:open']);
    expect(dataLayer()[0].widget_availability).toBe('offline');
  });

  it('ignores the team’s messages, greetings, campaigns and unknown names (positive control: chatOpen)', () => {
    installBridge();
    snippet();
    loadWidget();
    for (const name of [...DRIFT_IGNORED, '__proto__', 'constructor']) widget().fire(name, {});
    expect(actions()).toEqual(['widget_view ready']);
    widget().fire('chatOpen');
    expect(eventNames()).toEqual(['widget_view', 'widget_open']);
  });

  it('a site callback that throws still throws to the widget, and the bridge’s push is made', () => {
    installBridge();
    snippet();
    loadWidget();
    driftApi().on('chatOpen', () => {
      throw new Error('site callback broke');
    });
    expect(() => widget().fire('chatOpen')).toThrow('site callback broke');
    expect(eventNames()).toEqual(['widget_view', 'widget_open']);
  });

  it('registers once per window.drift: a second ready or a re-assigned drift doubles nothing', () => {
    installBridge();
    snippet();
    loadWidget();
    widget().fire('ready');
    const same = testWindow.drift;
    testWindow.drift = same;
    widget().fire('chatOpen');
    expect(widget().count('chatOpen')).toBe(1);
    expect(actions()).toEqual(['widget_view ready', 'widget_open chatOpen']);
  });

  it('copes with hostile window.drift values (positive control: the widget afterwards)', () => {
    installBridge();
    for (const value of [
      null,
      42,
      'drift',
      { on: 'not a function' },
      {
        on: () => {
          throw new Error('broken on');
        },
      },
    ]) {
      testWindow.drift = value;
      expect(testWindow.drift).toBe(value);
    }
    snippet();
    loadWidget();
    widget().fire('chatOpen');
    expect(actions()).toEqual(['widget_view ready', 'widget_open chatOpen']);
  });

  it('on uninstall: nothing is pushed, the site’s callbacks still run, window.drift is the widget’s', () => {
    const handle = installBridge();
    snippet();
    loadWidget();
    const site = vi.fn();
    driftApi().on('chatOpen', site);
    handle.uninstall();
    widget().fire('chatOpen');
    expect(site).toHaveBeenCalledTimes(1);
    expect(actions()).toEqual(['widget_view ready']);
    expect(Object.getOwnPropertyDescriptor(window, 'drift')?.get).toBeUndefined();
    expect(typeof driftApi().on).toBe('function');
  });
});
