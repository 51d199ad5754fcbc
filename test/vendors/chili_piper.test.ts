import { describe, expect, it, vi } from 'vitest';
import { STAGES } from '../../src/core/schema';
import { chiliPiper, chiliPiperStages, isChiliPiperOrigin, readChiliPiperMessage } from '../../src/vendors/chili_piper';
import { CHILI_PIPER_ACTIONS } from '../documentedEvents';
import { CHILI_PIPER_ORIGIN, dataLayer, definedParams, eventNames, installBridge, postMessageFrom } from '../helpers';

const DOCUMENTED_ACTIONS = CHILI_PIPER_ACTIONS;

describe('Chili Piper mapping table', () => {
  it('maps every documented action, and only those, to one stage', () => {
    expect(Object.keys(chiliPiperStages).sort()).toEqual([...DOCUMENTED_ACTIONS].sort());
    for (const stage of Object.values(chiliPiperStages)) expect(STAGES).toContain(stage);
  });

  it('follows the booking funnel', () => {
    expect(chiliPiperStages).toMatchObject({
      'availability-loaded': 'open',
      'timeslot-selected': 'start',
      booked: 'submit',
      'booking-confirmed': 'complete',
      'no-free-slots': 'unavailable',
      'prospect-disqualified': 'unavailable',
      prospect_cancel: 'cancel',
      close: 'close',
      error: 'error',
    });
    expect(chiliPiper.leadActions).toEqual(['booking-confirmed']);
  });

  it('does not treat the REDIRECT navigation command as an event', () => {
    expect('REDIRECT' in chiliPiperStages).toBe(false);
  });
});

describe('isChiliPiperOrigin', () => {
  it.each([
    ['https://acme.chilipiper.com', true],
    ['https://acme.na.chilipiper.com', true],
    ['https://a.b.c.chilipiper.com', true],
    ['https://chilipiper.com', false],
    ['https://chilipiper.com.evil.net', false],
    ['https://evilchilipiper.com', false],
    ['https://acme.chilipiper.com.evil.net', false],
    ['https://acme.chilipiper.co', false],
    ['https://acme.chilipiper.com:8443', false],
    ['http://acme.chilipiper.com', false],
    ['wss://acme.chilipiper.com', false],
    ['null', false],
    ['', false],
    ['https://booking.example.com', false],
  ])('%s → %s', (origin, expected) => {
    expect(isChiliPiperOrigin(origin, [])).toBe(expected);
  });

  it('accepts configured extra origins exactly', () => {
    const extra = ['https://booking.example.com', 'http://localhost:8081'];
    expect(isChiliPiperOrigin('https://booking.example.com', extra)).toBe(true);
    expect(isChiliPiperOrigin('http://localhost:8081', extra)).toBe(true);
    expect(isChiliPiperOrigin('https://booking.example.com.evil.net', extra)).toBe(false);
    expect(isChiliPiperOrigin('https://evil.booking.example.com', extra)).toBe(false);
    expect(isChiliPiperOrigin('http://localhost:8082', extra)).toBe(false);
  });
});

const ROUTE = '5a7c654a2b52873a2ce5df57';

describe('readChiliPiperMessage', () => {
  it('reads {action}', () => {
    expect(readChiliPiperMessage({ action: 'availability-loaded' })).toMatchObject({
      widget_action: 'availability-loaded',
      widget_interaction_id: undefined,
    });
  });

  it('reads {action, args} with ids and slot in epoch milliseconds', () => {
    const message = readChiliPiperMessage({
      action: 'booking-confirmed',
      args: {
        routeId: ROUTE,
        eventId: 'ev1',
        assigneeId: '0051N000001S8LUUA0',
        actionType: 'create',
        slot: { start: 1619789400000, end: 1619791200000 },
      },
    });
    expect(message).toEqual({
      widget_action: 'booking-confirmed',
      widget_interaction_id: ROUTE,
      widget_event_id: 'ev1',
      widget_assignee_id: '0051N000001S8LUUA0',
      widget_action_type: 'create',
      widget_slot_start: '2021-04-30T13:30:00.000Z',
      widget_slot_end: '2021-04-30T14:00:00.000Z',
      widget_timezone: undefined,
      widget_duration_minutes: undefined,
    });
  });

  it('reads ids at the top level (older listeners) with slot in epoch seconds', () => {
    expect(
      readChiliPiperMessage({ action: 'booking-confirmed', routeId: ROUTE, eventId: 'ev1', slot: { start: 1536355315, end: 1536356315 } }),
    ).toMatchObject({
      widget_interaction_id: ROUTE,
      widget_event_id: 'ev1',
      widget_slot_start: '2018-09-07T21:21:55.000Z',
      widget_slot_end: '2018-09-07T21:38:35.000Z',
    });
  });

  it('reads timeslot-selected time, timezone and duration', () => {
    expect(
      readChiliPiperMessage({
        action: 'timeslot-selected',
        args: { time: '2023-08-24T12:30:00.000Z', timezone: 'America/Chicago', duration: 30 },
      }),
    ).toMatchObject({
      widget_action: 'timeslot-selected',
      widget_slot_start: '2023-08-24T12:30:00.000Z',
      widget_timezone: 'America/Chicago',
      widget_duration_minutes: 30,
    });
  });

  it('reads the keyed form {"no-action-choice": {…}}', () => {
    expect(readChiliPiperMessage({ 'no-action-choice': { routeId: ROUTE } })).toMatchObject({
      widget_action: 'no-action-choice',
      widget_interaction_id: ROUTE,
    });
    expect(readChiliPiperMessage({ 'no-action-choice': true })).toMatchObject({ widget_action: 'no-action-choice' });
  });

  it('reads bare {routeId} as booked and bare {routeId, eventId, …} as booking-confirmed (the seed examples)', () => {
    expect(readChiliPiperMessage({ routeId: ROUTE })).toMatchObject({ widget_action: 'booked', widget_interaction_id: ROUTE });
    expect(
      readChiliPiperMessage({
        routeId: ROUTE,
        eventId: '5b2124533a906b5f0bff32ad',
        assigneeId: '0051N000001S8LUUA0',
        slot: { start: 1536355315, end: 1536356315 },
      }),
    ).toMatchObject({ widget_action: 'booking-confirmed', widget_event_id: '5b2124533a906b5f0bff32ad' });
  });

  it('prefers args over top-level values', () => {
    expect(readChiliPiperMessage({ action: 'booked', routeId: 'top', args: { routeId: 'nested' } })).toMatchObject({
      widget_interaction_id: 'nested',
    });
  });

  it('reads only named fields: form data riding along is never returned', () => {
    const message = readChiliPiperMessage({
      action: 'booked',
      args: { routeId: ROUTE, email: 'jane@example.com', form: { FirstName: 'Jane', Phone: '+1 555 0100' } },
    });
    expect(JSON.stringify(message)).not.toMatch(/jane|555|Jane/);
    expect(message?.widget_interaction_id).toBe(ROUTE);
  });

  it.each([
    ['a string', 'booking-confirmed'],
    ['a JSON string', '{"action":"booked"}'],
    ['a number', 42],
    ['null', null],
    ['undefined', undefined],
    ['an array', [{ action: 'booked' }]],
    ['an empty object', {}],
    ['a non-string action', { action: 42 }],
    ['an object action', { action: { toString: () => 'booked' } }],
    ['two unknown keys', { foo: 1, bar: 2 }],
    ['an unknown keyed form', { 'not-an-action': {} }],
    ['a keyed __proto__', JSON.parse('{"__proto__": {"routeId": "x"}}')],
  ])('returns undefined for %s', (_, data) => {
    expect(readChiliPiperMessage(data)).toBeUndefined();
  });

  it('ignores non-primitive and bogus detail values', () => {
    expect(
      readChiliPiperMessage({ action: 'booked', args: { routeId: { id: 1 }, slot: 'soon', duration: '30', eventId: NaN } }),
    ).toMatchObject({
      widget_interaction_id: undefined,
      widget_slot_start: undefined,
      widget_duration_minutes: undefined,
      widget_event_id: undefined,
    });
  });
});

describe('Chili Piper listener', () => {
  it('pushes genuine messages and ignores every look-alike origin in the same page', () => {
    installBridge();
    for (const origin of ['https://chilipiper.com.evil.net', 'https://evilchilipiper.com', 'http://acme.chilipiper.com', 'null', '']) {
      postMessageFrom(origin, { action: 'booking-confirmed', args: { routeId: 'spoof' } });
    }
    expect(dataLayer()).toEqual([]);
    postMessageFrom('https://acme.na.chilipiper.com', { action: 'availability-loaded' });
    expect(eventNames()).toEqual(['widget_open']);
  });

  it('runs the whole booking flow into the exact dataLayer', () => {
    installBridge();
    postMessageFrom(CHILI_PIPER_ORIGIN, { action: 'availability-loaded', args: { routeId: ROUTE } });
    postMessageFrom(CHILI_PIPER_ORIGIN, {
      action: 'timeslot-selected',
      args: { routeId: ROUTE, time: '2023-08-24T12:30:00.000Z', timezone: 'America/Chicago', duration: 30 },
    });
    postMessageFrom(CHILI_PIPER_ORIGIN, { routeId: ROUTE });
    postMessageFrom(CHILI_PIPER_ORIGIN, {
      routeId: ROUTE,
      eventId: 'ev1',
      assigneeId: '0051N000001S8LUUA0',
      slot: { start: 1536355315, end: 1536356315 },
    });
    postMessageFrom(CHILI_PIPER_ORIGIN, {
      routeId: ROUTE,
      eventId: 'ev1',
      assigneeId: '0051N000001S8LUUA0',
      slot: { start: 1536355315, end: 1536356315 },
    }); // posted twice
    expect(eventNames()).toEqual(['widget_open', 'widget_start', 'widget_submit', 'widget_complete', 'generate_lead']);
    expect(definedParams(dataLayer()[1])).toEqual({
      event: 'widget_start',
      widget_vendor: 'chili_piper',
      widget_product: 'concierge',
      widget_action: 'timeslot-selected',
      widget_stage: 'start',
      widget_interaction_id: ROUTE,
      widget_slot_start: '2023-08-24T12:30:00.000Z',
      widget_timezone: 'America/Chicago',
      widget_duration_minutes: 30,
      widget_schema: 1,
    });
    expect(definedParams(dataLayer()[4])).toEqual({
      event: 'generate_lead',
      widget_vendor: 'chili_piper',
      widget_product: 'concierge',
      widget_action: 'booking-confirmed',
      widget_stage: 'complete',
      widget_interaction_id: ROUTE,
      widget_event_id: 'ev1',
      widget_assignee_id: '0051N000001S8LUUA0',
      widget_slot_start: '2018-09-07T21:21:55.000Z',
      widget_slot_end: '2018-09-07T21:38:35.000Z',
      lead_source: 'chili_piper',
      widget_schema: 1,
    });
  });

  it('accepts configured extra origins', () => {
    installBridge({ chiliPiper: { origins: ['https://booking.example.com'] } });
    postMessageFrom('https://booking.example.com', { action: 'close' });
    postMessageFrom('https://other.example.com', { action: 'close' });
    expect(eventNames()).toEqual(['widget_close']);
  });

  it('never reads data from a foreign origin', () => {
    installBridge();
    const data = {
      get action(): string {
        throw new Error('foreign data was read');
      },
    };
    expect(() => postMessageFrom('https://ads.example.net', data)).not.toThrow();
    expect(() => postMessageFrom(CHILI_PIPER_ORIGIN, data)).not.toThrow(); // read, throws inside, caught
    postMessageFrom(CHILI_PIPER_ORIGIN, { action: 'close' });
    expect(eventNames()).toEqual(['widget_close']);
  });

  it('ignores malformed and unknown messages silently, logging them in debug mode', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    installBridge({ debug: true });
    const cyclic: Record<string, unknown> = { action: 'booked' };
    cyclic.args = cyclic;
    for (const data of [
      'booked',
      42,
      null,
      [1],
      { action: 7 },
      { action: 'REDIRECT', args: { url: 'https://x' } },
      { action: 'x'.repeat(1e6) },
    ]) {
      postMessageFrom(CHILI_PIPER_ORIGIN, data);
    }
    expect(dataLayer()).toEqual([]);
    postMessageFrom(CHILI_PIPER_ORIGIN, cyclic); // cyclic but well-formed: pushed
    expect(eventNames()).toEqual(['widget_submit']);
    const lines = log.mock.calls.map((call) => String(call[0]));
    expect(lines.filter((line) => line.includes('ignored a message it cannot read'))).toHaveLength(5);
    expect(lines.filter((line) => line.includes('unknown event, ignored'))).toHaveLength(2);
  });

  it('never logs what an unreadable or unknown message holds, even in debug mode', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    installBridge({ debug: true });
    const planted = ['jane.doe@example.com', '+1 555 0100'];
    postMessageFrom(CHILI_PIPER_ORIGIN, { email: planted[0], phone: planted[1] });
    postMessageFrom(CHILI_PIPER_ORIGIN, planted[0]);
    postMessageFrom(CHILI_PIPER_ORIGIN, { action: planted[0] });
    postMessageFrom(CHILI_PIPER_ORIGIN, { action: 'Jane Doe +1 555 0100' });
    postMessageFrom(CHILI_PIPER_ORIGIN, { [planted[0]]: {} });
    expect(dataLayer()).toEqual([]);
    const logged = JSON.stringify(log.mock.calls);
    expect(log.mock.calls.length).toBeGreaterThanOrEqual(5); // positive control: each one was logged
    for (const fragment of [...planted, 'jane', '555', 'Jane']) expect(logged).not.toContain(fragment);
  });

  it('stops listening after uninstall', () => {
    const handle = installBridge();
    postMessageFrom(CHILI_PIPER_ORIGIN, { action: 'close' });
    handle.uninstall();
    postMessageFrom(CHILI_PIPER_ORIGIN, { action: 'error' });
    expect(eventNames()).toEqual(['widget_close']);
  });
});
