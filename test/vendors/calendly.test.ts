import { afterEach, describe, expect, it, vi } from 'vitest';
import { STAGES } from '../../src/core/schema';
import { calendly, calendlyStages, isCalendlyOrigin, readCalendlyMessage } from '../../src/vendors/calendly';
import { calendlyDocs } from '../../src/vendors/calendly/docs';
import { PLANTED } from '../../fixtures/personalData';
import { CALENDLY_EVENTS, CALENDLY_IGNORED_EVENTS } from '../documentedEvents';
import { dataLayer, definedParams, eventNames, installBridge, postMessageFrom } from '../helpers';

const ORIGIN = 'https://calendly.com';
const UUID = 'GBGBDCAADAEDCRZ2';
const EVENT_URI = 'https://api.calendly.com/scheduled_events/' + UUID;
const INVITEE_URI = EVENT_URI + '/invitees/AAAAAAAAAAAAAAAA';

/** The documented message of one event, `payload` as Calendly's page shows it. */
const message = (name: string, payload: unknown = {}) => ({ event: 'calendly.' + name, payload });
const scheduled = (eventUri = EVENT_URI, inviteeUri = INVITEE_URI) =>
  message('event_scheduled', { event: { uri: eventUri }, invitee: { uri: inviteeUri } });

/** A message from one scheduling iframe: `frame` stands for the iframe's window, as `event.source`. */
function postFrom(frame: object, data: unknown, origin = ORIGIN): void {
  window.dispatchEvent(new MessageEvent('message', { data, origin, source: frame as Window }));
}

afterEach(() => {
  vi.useRealTimers();
});

describe('Calendly mapping table', () => {
  it('maps every documented event, and only those, to one stage; page_height is documented as ignored', () => {
    expect(Object.keys(calendlyStages).sort()).toEqual([...CALENDLY_EVENTS].sort());
    for (const stage of Object.values(calendlyStages)) expect(STAGES).toContain(stage);
    for (const name of CALENDLY_IGNORED_EVENTS) {
      expect(name in calendlyStages).toBe(false);
      expect(Object.keys(calendlyDocs.ignored)).toContain(name);
    }
  });

  it('follows the scheduling funnel, with the booking as the lead', () => {
    expect(calendlyStages).toEqual({
      profile_page_viewed: 'view',
      event_type_viewed: 'view',
      date_and_time_selected: 'start',
      event_scheduled: 'complete',
    });
    expect(calendly.leadActions).toEqual(['event_scheduled']);
    expect(calendly.product).toBe('scheduling');
  });
});

describe('isCalendlyOrigin', () => {
  it.each([
    ['https://calendly.com', true],
    ['https://calendly.com.evil.net', false],
    ['https://evilcalendly.com', false],
    ['https://evil.calendly.com', false],
    ['https://www.calendly.com', false],
    ['https://calendly.com:8443', false],
    ['http://calendly.com', false],
    ['https://calendly.co', false],
    ['https://CALENDLY.com', false],
    ['null', false],
    ['', false],
  ])('%s → %s', (origin, expected) => {
    expect(isCalendlyOrigin(origin, [])).toBe(expected);
  });

  it('accepts configured extra origins exactly', () => {
    const extra = ['https://scheduling.example.com', 'http://127.0.0.1:8081'];
    expect(isCalendlyOrigin('https://scheduling.example.com', extra)).toBe(true);
    expect(isCalendlyOrigin('http://127.0.0.1:8081', extra)).toBe(true);
    expect(isCalendlyOrigin('https://scheduling.example.com.evil.net', extra)).toBe(false);
    expect(isCalendlyOrigin('https://evil.scheduling.example.com', extra)).toBe(false);
    expect(isCalendlyOrigin('http://127.0.0.1:8082', extra)).toBe(false);
  });
});

describe('readCalendlyMessage', () => {
  it.each(CALENDLY_EVENTS.filter((name) => name != 'event_scheduled'))('reads %s with its empty payload', (name) => {
    expect(readCalendlyMessage(message(name))).toEqual({
      widget_action: name,
      widget_interaction_id: undefined,
      widget_event_id: undefined,
    });
  });

  it("reads event_scheduled's meeting UUID from payload.event.uri, never the invitee", () => {
    expect(readCalendlyMessage(scheduled())).toEqual({
      widget_action: 'event_scheduled',
      widget_interaction_id: UUID,
      widget_event_id: UUID,
    });
    // The older URI form react-calendly's types show.
    expect(readCalendlyMessage(scheduled('https://calendly.com/api/v2/scheduled_events/AAAAAAAAAAAAAA'))).toMatchObject({
      widget_event_id: 'AAAAAAAAAAAAAA',
    });
    // Lowercase UUIDs with dashes, as the API also writes them.
    expect(readCalendlyMessage(scheduled('https://api.calendly.com/scheduled_events/2f9c6a1e-1b2c-4d3e-8f90-a1b2c3d4e5f6'))).toMatchObject({
      widget_event_id: '2f9c6a1e-1b2c-4d3e-8f90-a1b2c3d4e5f6',
    });
  });

  it.each([
    ['the invitee URI in the event field', INVITEE_URI],
    ['an e-mail as the UUID', 'https://api.calendly.com/scheduled_events/jane.doe@x.test'],
    ['an encoded e-mail as the UUID', 'https://api.calendly.com/scheduled_events/jane%40x.test'],
    ['a query string', EVENT_URI + '?email=jane@x.test'],
    ['another host', 'https://evil.example/scheduled_events/' + UUID],
    ['plain http', 'http://api.calendly.com/scheduled_events/' + UUID],
    ['no scheduled_events path', 'https://api.calendly.com/users/' + UUID],
    ['a UUID too long to be one', 'https://api.calendly.com/scheduled_events/' + 'A'.repeat(65)],
    ['a number', 42],
    ['an object', { toString: () => EVENT_URI }],
  ])('reads no id from %s', (_, uri) => {
    const read = readCalendlyMessage(message('event_scheduled', { event: { uri }, invitee: { uri: INVITEE_URI } }));
    expect(read).toEqual({ widget_action: 'event_scheduled', widget_interaction_id: undefined, widget_event_id: undefined });
  });

  it('reads no id from a payload without the event, or with it inherited', () => {
    expect(readCalendlyMessage(message('event_scheduled'))?.widget_event_id).toBeUndefined();
    expect(readCalendlyMessage(message('event_scheduled', null))?.widget_event_id).toBeUndefined();
    const inherited = Object.create({ event: { uri: EVENT_URI } });
    expect(readCalendlyMessage(message('event_scheduled', inherited))?.widget_event_id).toBeUndefined();
    // Positive control: the same value as an own property is read.
    expect(readCalendlyMessage(message('event_scheduled', { event: { uri: EVENT_URI } }))?.widget_event_id).toBe(UUID);
  });

  it('reads an id only on event_scheduled', () => {
    expect(readCalendlyMessage(message('date_and_time_selected', { event: { uri: EVENT_URI } }))?.widget_event_id).toBeUndefined();
  });

  it.each([
    ['a string', 'calendly.event_scheduled'],
    ['a JSON string', JSON.stringify(scheduled())],
    ['a number', 42],
    ['null', null],
    ['undefined', undefined],
    ['an array', [scheduled()]],
    ['an empty object', {}],
    ['a non-string event', { event: 42 }],
    ['an object event', { event: { toString: () => 'calendly.event_scheduled' } }],
    ['an event without the calendly. prefix', { event: 'event_scheduled' }],
    ['a prefix elsewhere in the name', { event: 'x.calendly.event_scheduled' }],
    ['an inherited event', Object.create({ event: 'calendly.event_scheduled' })],
  ])('returns undefined for %s', (_, data) => {
    expect(readCalendlyMessage(data)).toBeUndefined();
  });
});

describe('Calendly listener', () => {
  it('runs a whole booking into the exact dataLayer', () => {
    installBridge();
    const frame = {};
    postFrom(frame, message('profile_page_viewed'));
    postFrom(frame, message('event_type_viewed'));
    postFrom(frame, message('page_height', { height: '1200px' }));
    postFrom(frame, message('date_and_time_selected'));
    postFrom(frame, scheduled());
    postFrom(frame, scheduled()); // posted twice
    expect(eventNames()).toEqual(['widget_view', 'widget_interaction', 'widget_start', 'widget_complete', 'generate_lead']);
    const common = { widget_vendor: 'calendly', widget_product: 'scheduling', widget_schema: 1 };
    expect(dataLayer().map(definedParams)).toEqual([
      { event: 'widget_view', ...common, widget_action: 'profile_page_viewed', widget_stage: 'view' },
      { event: 'widget_interaction', ...common, widget_action: 'event_type_viewed', widget_stage: 'interaction' },
      { event: 'widget_start', ...common, widget_action: 'date_and_time_selected', widget_stage: 'start' },
      {
        event: 'widget_complete',
        ...common,
        widget_action: 'event_scheduled',
        widget_stage: 'complete',
        widget_interaction_id: UUID,
        widget_event_id: UUID,
      },
      {
        event: 'generate_lead',
        ...common,
        widget_action: 'event_scheduled',
        widget_stage: 'complete',
        widget_interaction_id: UUID,
        widget_event_id: UUID,
        lead_source: 'calendly',
      },
    ]);
    // Every push carries every key, other vendors' too, so GTM's data model keeps nothing from an earlier push.
    for (const push of dataLayer()) {
      expect(Object.keys(push)).toEqual(expect.arrayContaining(['widget_event_id', 'widget_assignee_id', 'widget_id', 'lead_source']));
      expect(push.widget_assignee_id).toBeUndefined();
    }
  });

  it('counts one booking once, however late its message is repeated (react-calendly issues 108, 168)', () => {
    vi.useFakeTimers();
    installBridge();
    const frame = {};
    postFrom(frame, message('date_and_time_selected'));
    postFrom(frame, scheduled());
    vi.advanceTimersByTime(5000);
    postFrom(frame, scheduled());
    // The repeat is still heard (its own push, as an interaction), but sends no second lead.
    expect(eventNames()).toEqual(['widget_start', 'widget_complete', 'generate_lead', 'widget_interaction']);
    // Positive control: a second, different booking in the same iframe is a second lead.
    postFrom(frame, scheduled('https://api.calendly.com/scheduled_events/SECONDBOOKING000'));
    expect(eventNames().filter((name) => name == 'generate_lead')).toHaveLength(2);
  });

  it('treats two embeds on one page as two interactions, each with its own funnel and lead', () => {
    vi.useFakeTimers();
    installBridge();
    const [first, second] = [{}, {}];
    postFrom(first, message('event_type_viewed'));
    postFrom(second, message('event_type_viewed'));
    postFrom(first, message('date_and_time_selected'));
    postFrom(second, message('date_and_time_selected'));
    postFrom(first, scheduled('https://api.calendly.com/scheduled_events/FIRSTBOOKING0000'));
    postFrom(second, scheduled('https://api.calendly.com/scheduled_events/SECONDBOOKING000'));
    expect(eventNames()).toEqual([
      'widget_view',
      'widget_view',
      'widget_start',
      'widget_start',
      'widget_complete',
      'generate_lead',
      'widget_complete',
      'generate_lead',
    ]);
    expect(
      dataLayer()
        .filter((push) => push.event == 'generate_lead')
        .map((push) => push.widget_event_id),
    ).toEqual(['FIRSTBOOKING0000', 'SECONDBOOKING000']);
    // Positive control: within one iframe, a second view (later than a duplicate) is not a new view.
    vi.advanceTimersByTime(2000);
    postFrom(first, message('event_type_viewed'));
    expect(eventNames().at(-1)).toBe('widget_interaction');
  });

  it('pushes genuine messages and ignores every look-alike origin in the same page', () => {
    installBridge();
    for (const origin of [
      'https://calendly.com.evil.net',
      'https://evilcalendly.com',
      'https://evil.calendly.com',
      'http://calendly.com',
      'https://calendly.com:444',
      'null',
      '',
    ]) {
      postFrom({}, scheduled(), origin);
    }
    expect(dataLayer()).toEqual([]);
    postFrom({}, scheduled());
    expect(eventNames()).toEqual(['widget_complete', 'generate_lead']);
  });

  it('accepts configured extra origins, exactly, and drops an invalid one with a warning', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    installBridge({ calendly: { origins: ['https://scheduling.example.com', 'https://bad.example.com/'] } });
    postFrom({}, message('event_type_viewed'), 'https://scheduling.example.com');
    postFrom({}, message('event_type_viewed'), 'https://other.example.com');
    postFrom({}, message('event_type_viewed'), 'https://bad.example.com');
    expect(eventNames()).toEqual(['widget_view']);
    expect(warn).toHaveBeenCalled();
    // Calendly's own origin still counts.
    postFrom({}, message('event_type_viewed'));
    expect(eventNames()).toEqual(['widget_view', 'widget_view']);
  });

  it('never reads data from a foreign origin', () => {
    installBridge();
    const data = {
      get event(): string {
        throw new Error('foreign data was read');
      },
    };
    expect(() => postMessageFrom('https://ads.example.net', data)).not.toThrow();
    expect(() => postMessageFrom(ORIGIN, data)).not.toThrow(); // read, throws inside, caught
    postMessageFrom(ORIGIN, message('event_type_viewed'));
    expect(eventNames()).toEqual(['widget_view']);
  });

  it('ignores malformed, unknown and layout messages silently, logging them in debug mode', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    installBridge({ debug: true });
    const cyclic: Record<string, unknown> = { event: 'calendly.date_and_time_selected' };
    cyclic.payload = cyclic;
    for (const data of [
      'calendly.event_scheduled',
      42,
      null,
      [1],
      { event: 7 },
      { event: 'calendly.page_height', payload: { height: '1200px' } },
      { event: 'calendly.something_new', payload: {} },
      { event: 'calendly.' + 'x'.repeat(1e6) },
    ]) {
      postMessageFrom(ORIGIN, data);
    }
    expect(dataLayer()).toEqual([]);
    postMessageFrom(ORIGIN, cyclic); // cyclic but well-formed: pushed
    expect(eventNames()).toEqual(['widget_start']);
    const lines = log.mock.calls.map((call) => String(call[0]));
    expect(lines.filter((line) => line.includes('ignored a message it cannot read'))).toHaveLength(5);
    expect(lines.filter((line) => line.includes('unknown event, ignored'))).toHaveLength(3);
  });

  it('never pushes or logs personal data planted in every field of every message', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    installBridge({ debug: true });
    const frame = {};
    // What an invitee typed, and what a future payload could carry, in every field around the documented ones.
    const planted = {
      name: 'Jane Doe',
      email: 'jane.doe@x.test',
      text_reminder_number: '+1 555 0100',
      questions_and_answers: [{ question: 'Company', answer: 'Smith Ltd' }, { answer: 'Hi there, my quote is secret' }],
      cancel_url: 'https://calendly.com/cancellations/c-3f2a9d?email=jane@x.test',
      tracking: { utm_source: 'Talk to Jane', salesforce_uuid: 'c-77' },
      file: 'cv.pdf',
    };
    for (const name of CALENDLY_EVENTS.filter((event) => event != 'event_scheduled'))
      postFrom(frame, { ...message(name, { ...planted }), ...planted });
    postFrom(frame, {
      event: 'calendly.event_scheduled',
      payload: {
        ...planted,
        event: { uri: EVENT_URI, ...planted, location: 'JANE’s enterprise office' },
        invitee: { uri: 'https://api.calendly.com/scheduled_events/' + UUID + '/invitees/Jane-Doe-555', ...planted },
      },
      ...planted,
    });
    // An invitee URI, or an e-mail, where the event URI belongs: no id at all.
    postFrom({}, message('event_scheduled', { event: { uri: 'https://api.calendly.com/scheduled_events/' + UUID + '/invitees/JaneDoe' } }));
    postFrom({}, message('event_scheduled', { event: { uri: 'https://api.calendly.com/scheduled_events/jane.doe@x.test' } }));
    postFrom({}, message('Jane Doe +1 555 0100'));
    postFrom({}, { event: 'calendly.jane.doe@x.test', payload: planted });

    const pushed = JSON.stringify(dataLayer());
    const logged = JSON.stringify(log.mock.calls);
    // Positive controls: the events were heard, and the meeting id did reach the dataLayer.
    expect(eventNames()).toEqual([
      'widget_view',
      'widget_interaction',
      'widget_start',
      'widget_complete',
      'generate_lead',
      'widget_complete',
      'generate_lead',
      'widget_complete',
    ]);
    expect(pushed).toContain(UUID);
    expect(log.mock.calls.length).toBeGreaterThanOrEqual(10);
    for (const fragment of [...PLANTED, 'invitees', 'cancellations', 'utm_source']) {
      expect(pushed).not.toContain(fragment);
      expect(logged).not.toContain(fragment);
    }
  });

  it("keeps the site's own message listeners working, before and after the bridge, with the same event", () => {
    const seen: [string, MessageEvent][] = [];
    const before = (event: MessageEvent) => seen.push(['before', event]);
    const after = (event: MessageEvent) => seen.push(['after', event]);
    addEventListener('message', before);
    installBridge();
    addEventListener('message', after);
    try {
      const data = scheduled();
      const copy = JSON.stringify(data);
      postFrom({}, data);
      expect(seen.map(([who]) => who)).toEqual(['before', 'after']);
      expect(seen[0][1]).toBe(seen[1][1]);
      expect(seen[1][1].data).toBe(data);
      expect(JSON.stringify(data)).toBe(copy); // the bridge wrote nothing into the message
      expect(eventNames()).toEqual(['widget_complete', 'generate_lead']);
    } finally {
      removeEventListener('message', before);
      removeEventListener('message', after);
    }
  });

  it('stops listening after uninstall', () => {
    const handle = installBridge();
    postMessageFrom(ORIGIN, message('event_type_viewed'));
    handle.uninstall();
    postMessageFrom(ORIGIN, scheduled());
    expect(eventNames()).toEqual(['widget_view']);
  });

  it('sends one lead per page for confirmations without a readable meeting URI, and one per meeting with it', () => {
    vi.useFakeTimers();
    installBridge();
    postFrom({}, message('event_scheduled', { event: { uri: 'garbled' } }));
    vi.advanceTimersByTime(2000);
    postFrom({}, message('event_scheduled', {}));
    expect(eventNames()).toEqual(['widget_complete', 'generate_lead', 'widget_complete']);
    // Positive control: a genuine confirmation still has its own lead.
    postFrom({}, scheduled());
    expect(eventNames().filter((name) => name == 'generate_lead')).toHaveLength(2);
  });

  it('is not fooled by keys another script put on Object.prototype', () => {
    installBridge();
    const proto = Object.prototype as Record<string, unknown>;
    proto.event = 'calendly.event_scheduled';
    proto.payload = { event: { uri: EVENT_URI } };
    try {
      postFrom({}, {});
      postFrom({}, { event: 'calendly.event_scheduled' });
    } finally {
      delete proto.event;
      delete proto.payload;
    }
    // Only the message with its own event name is pushed, and without the inherited meeting id.
    expect(dataLayer().map(definedParams)[0]).toMatchObject({ event: 'widget_complete', widget_action: 'event_scheduled' });
    expect(dataLayer()[0].widget_event_id).toBeUndefined();
    expect(eventNames()).toEqual(['widget_complete', 'generate_lead']);
  });

  it('leaves the lead to the configuration', () => {
    installBridge({ leadActions: { calendly: [] } });
    postFrom({}, scheduled());
    expect(eventNames()).toEqual(['widget_complete']);
  });
});
