import { describe, expect, it, vi } from 'vitest';
import { PLANTED } from '../../fixtures/personalData';
import { STAGES } from '../../src/core/schema';
import { calCom, calComStages, isCalComOrigin, readCalComMessage } from '../../src/vendors/cal_com';
import { calComDocs } from '../../src/vendors/cal_com/docs';
import { CAL_COM_EVENTS, CAL_COM_IGNORED } from '../documentedEvents';
import { dataLayer, definedParams, eventNames, installBridge, postMessageFrom } from '../helpers';

const CAL = 'https://app.cal.com';
const UID = 'bk_7Hq2XcLw9pYt';

/** A message as @calcom/embed-core's embed-iframe posts it to the parent: `{originator: 'CAL', ...detail}`. */
const calMessage = (type: string, data: unknown = {}, namespace = 'demo') => ({
  originator: 'CAL',
  type,
  namespace,
  fullType: 'CAL:' + namespace + ':' + type,
  data,
});

/** bookingSuccessfulV2's documented payload, every field filled, personal data where a real booking has it. */
const booking = (uid = UID) => ({
  uid,
  title: '30 Min Meeting between Jane Doe and Smith Ltd',
  startTime: '2030-03-04T10:00:00.000Z',
  endTime: '2030-03-04T10:30:00.000Z',
  eventTypeId: 1234,
  status: 'ACCEPTED',
  paymentRequired: false,
  isRecurring: false,
  allBookings: [{ startTime: '2030-03-04T10:00:00.000Z', endTime: '2030-03-04T10:30:00.000Z' }],
  videoCallUrl: 'https://cal.video/jane-doe-secret',
});

describe('Cal.com mapping table', () => {
  it('maps every documented action, and only those, to one stage', () => {
    expect(Object.keys(calComStages).sort()).toEqual([...CAL_COM_EVENTS].sort());
    for (const stage of Object.values(calComStages)) expect(STAGES).toContain(stage);
  });

  it('follows the proposed stages', () => {
    expect(calComStages).toMatchObject({
      linkReady: 'view',
      bookerViewed: 'view',
      eventTypeSelected: 'start',
      bookingSuccessfulV2: 'complete',
      rescheduleBookingSuccessfulV2: 'complete',
      bookingCancelled: 'cancel',
      linkFailed: 'error',
      bookingFailed: 'error',
    });
    expect(calCom.leadActions).toEqual(['bookingSuccessfulV2']);
  });

  it('never maps the dry-run, deprecated, prerender or internal actions, and documents each as ignored', () => {
    const ignoredDocs = Object.keys(calComDocs.ignored).join(' ');
    for (const action of CAL_COM_IGNORED) {
      expect(action in calComStages, action).toBe(false);
      expect(ignoredDocs, action).toContain(action);
    }
    // Positive control: a mapped action is in the table.
    expect('bookingSuccessfulV2' in calComStages).toBe(true);
  });
});

describe('isCalComOrigin', () => {
  it.each([
    ['https://app.cal.com', true],
    ['https://cal.com', true],
    ['https://app.cal.com.evil.net', false],
    ['https://cal.com.evil.net', false],
    ['https://evilcal.com', false],
    ['https://evil.app.cal.com', false],
    ['https://acme.cal.com', false],
    ['https://app.cal.com:8443', false],
    ['http://app.cal.com', false],
    ['http://cal.com', false],
    ['wss://app.cal.com', false],
    ['https://APP.CAL.COM', false],
    ['null', false],
    ['', false],
    ['https://cal.example.com', false],
  ])('%s → %s', (origin, expected) => {
    expect(isCalComOrigin(origin, [])).toBe(expected);
  });

  it('accepts configured extra origins exactly (self-hosted Cal.com)', () => {
    const extra = ['https://cal.example.com', 'http://localhost:3000'];
    expect(isCalComOrigin('https://cal.example.com', extra)).toBe(true);
    expect(isCalComOrigin('http://localhost:3000', extra)).toBe(true);
    expect(isCalComOrigin('https://cal.example.com.evil.net', extra)).toBe(false);
    expect(isCalComOrigin('https://evil.cal.example.com', extra)).toBe(false);
    expect(isCalComOrigin('http://localhost:3001', extra)).toBe(false);
  });
});

describe('readCalComMessage', () => {
  it('reads the action from fullType, the namespace as widget_id, and the booking uid, slot and duration', () => {
    expect(readCalComMessage(calMessage('bookingSuccessfulV2', booking()))).toEqual({
      widget_action: 'bookingSuccessfulV2',
      scope: 'ns:demo',
      widget_id: 'demo',
      widget_interaction_id: UID,
      widget_slot_start: '2030-03-04T10:00:00.000Z',
      widget_slot_end: '2030-03-04T10:30:00.000Z',
      widget_duration_minutes: 30,
    });
  });

  it('reads the default namespace (CAL::<type>) without a widget_id', () => {
    expect(readCalComMessage({ originator: 'CAL', fullType: 'CAL::linkReady', data: {} })).toMatchObject({
      widget_action: 'linkReady',
      scope: 'ns:',
      widget_id: undefined,
    });
  });

  it('returns only named fields: the title, video link, organizer and booking never come back', () => {
    const read = readCalComMessage(
      calMessage('bookingCancelled', {
        ...booking(),
        booking: { title: 'Jane Doe', responses: { email: 'jane@x.test', notes: 'Hi there' } },
        organizer: { name: 'Smith', email: 'smith@x.test', timeZone: 'Europe/Berlin' },
        eventType: { title: 'Talk to Jane', slug: 'talk-to-jane' },
      }),
    );
    expect(Object.keys(read!).sort()).toEqual(
      [
        'scope',
        'widget_action',
        'widget_duration_minutes',
        'widget_id',
        'widget_interaction_id',
        'widget_slot_end',
        'widget_slot_start',
      ].sort(),
    );
    const text = JSON.stringify(read);
    for (const fragment of PLANTED) expect(text, fragment).not.toContain(fragment);
    // Positive control: the planted data was in the message.
    expect(JSON.stringify(booking())).toContain('Jane');
  });

  it.each([
    ['a string', 'CAL:demo:linkReady'],
    ['a number', 42],
    ['null', null],
    ['an array', [calMessage('linkReady')]],
    ['no originator', { fullType: 'CAL:demo:linkReady' }],
    ['another originator', { originator: 'CALENDLY', fullType: 'CAL:demo:linkReady' }],
    ['a non-string fullType', { originator: 'CAL', fullType: ['CAL', 'demo', 'linkReady'] }],
    ['a fullType of another prefix', { originator: 'CAL', fullType: 'XCAL:demo:linkReady' }],
    ['a fullType without an action', { originator: 'CAL', fullType: 'CAL:demo' }],
    ['an inherited originator', Object.assign(Object.create({ originator: 'CAL', fullType: 'CAL:demo:linkReady' }), {})],
  ])('returns undefined for %s', (_, data) => {
    expect(readCalComMessage(data)).toBeUndefined();
  });

  it('ignores non-string, personal and bogus detail values', () => {
    expect(
      readCalComMessage(calMessage('bookingSuccessfulV2', { uid: 'jane@x.test', startTime: 1893456000, endTime: 'soon' }, 'jane doe')),
    ).toMatchObject({
      widget_id: undefined,
      widget_interaction_id: undefined,
      widget_slot_start: undefined,
      widget_slot_end: undefined,
      widget_duration_minutes: undefined,
    });
    // An end before the start has no duration.
    expect(
      readCalComMessage(calMessage('bookingSuccessfulV2', { startTime: '2030-03-04T10:30:00Z', endTime: '2030-03-04T10:00:00Z' })),
    ).toMatchObject({ widget_duration_minutes: undefined, widget_slot_start: '2030-03-04T10:30:00.000Z' });
  });
});

describe('Cal.com listener', () => {
  it('pushes genuine messages and ignores every look-alike origin in the same page', () => {
    installBridge();
    for (const origin of [
      'https://app.cal.com.evil.net',
      'https://evilcal.com',
      'http://app.cal.com',
      'https://evil.app.cal.com',
      'null',
      '',
    ]) {
      postMessageFrom(origin, calMessage('bookingSuccessfulV2', booking('spoof')));
    }
    expect(dataLayer()).toEqual([]);
    postMessageFrom(CAL, calMessage('linkReady'));
    postMessageFrom('https://cal.com', calMessage('eventTypeSelected', { eventType: { id: 1 } }));
    expect(eventNames()).toEqual(['widget_view', 'widget_start']);
  });

  it('runs the whole booking into the exact dataLayer, with one lead per booking uid', () => {
    installBridge();
    postMessageFrom(CAL, calMessage('__iframeReady', { isPrerendering: false }));
    postMessageFrom(CAL, calMessage('__dimensionChanged', { iframeHeight: 600, iframeWidth: 400, isFirstTime: true }));
    postMessageFrom(CAL, calMessage('linkReady'));
    postMessageFrom(CAL, calMessage('bookerViewed', { eventId: 1234, eventSlug: 'talk-to-jane', slotsLoaded: true }));
    postMessageFrom(CAL, calMessage('eventTypeSelected', { eventType: { title: 'Talk to Jane' } }));
    postMessageFrom(CAL, calMessage('bookingSuccessful', { organizer: { name: 'Smith', email: 'smith@x.test' }, confirmed: true }));
    postMessageFrom(CAL, calMessage('bookingSuccessfulV2', booking()));
    postMessageFrom(CAL, calMessage('bookingSuccessfulV2', booking())); // posted twice
    expect(eventNames()).toEqual(['widget_view', 'widget_interaction', 'widget_start', 'widget_complete', 'generate_lead']);
    const common = { widget_vendor: 'cal_com', widget_product: 'booker', widget_id: 'demo', widget_schema: 1 };
    expect(definedParams(dataLayer()[0])).toEqual({ event: 'widget_view', widget_action: 'linkReady', widget_stage: 'view', ...common });
    expect(definedParams(dataLayer()[1])).toEqual({
      event: 'widget_interaction',
      widget_action: 'bookerViewed',
      widget_stage: 'interaction',
      ...common,
    });
    const outcome = {
      widget_action: 'bookingSuccessfulV2',
      widget_stage: 'complete',
      widget_interaction_id: UID,
      widget_slot_start: '2030-03-04T10:00:00.000Z',
      widget_slot_end: '2030-03-04T10:30:00.000Z',
      widget_duration_minutes: 30,
      ...common,
    };
    expect(definedParams(dataLayer()[3])).toEqual({ event: 'widget_complete', ...outcome });
    expect(definedParams(dataLayer()[4])).toEqual({ event: 'generate_lead', lead_source: 'cal_com', ...outcome });
  });

  it('pushes a reschedule as complete without a lead, and a cancellation and errors', () => {
    installBridge();
    postMessageFrom(CAL, calMessage('rescheduleBookingSuccessfulV2', booking('bk_new')));
    postMessageFrom(CAL, calMessage('bookingCancelled', { booking: { uid: 'x' } }, 'other'));
    postMessageFrom(CAL, calMessage('linkFailed', { code: '404', msg: 'Not found', data: { url: 'https://app.cal.com/jane' } }, 'third'));
    postMessageFrom(CAL, calMessage('bookingFailed', {}, 'third'));
    expect(eventNames()).toEqual(['widget_complete', 'widget_cancel', 'widget_error', 'widget_error']);
    // Positive control: the same payload as a new booking does send the lead.
    postMessageFrom(CAL, calMessage('bookingSuccessfulV2', booking('bk_new')));
    expect(eventNames().filter((name) => name == 'generate_lead')).toHaveLength(1);
  });

  it('never pushes the dry-run actions (Cal.com test mode)', () => {
    installBridge();
    postMessageFrom(CAL, calMessage('dryRunBookingSuccessfulV2', { ...booking(), uid: undefined }));
    postMessageFrom(CAL, calMessage('dryRunRescheduleBookingSuccessfulV2', { ...booking(), uid: undefined }));
    expect(dataLayer()).toEqual([]);
    // Positive control: the same payload as a real booking is pushed.
    postMessageFrom(CAL, calMessage('bookingSuccessfulV2', booking()));
    expect(eventNames()).toEqual(['widget_complete', 'generate_lead']);
  });

  it('keeps two embeds (namespaces) apart: one push per event per embed, one lead per booking', () => {
    installBridge();
    for (const namespace of ['sales', 'support']) postMessageFrom(CAL, calMessage('linkReady', {}, namespace));
    for (const namespace of ['sales', 'support']) postMessageFrom(CAL, calMessage('eventTypeSelected', {}, namespace));
    postMessageFrom(CAL, calMessage('bookingSuccessfulV2', booking('bk_sales'), 'sales'));
    postMessageFrom(CAL, calMessage('bookingSuccessfulV2', booking('bk_support'), 'support'));
    expect(dataLayer().map((push) => [push.event, push.widget_id])).toEqual([
      ['widget_view', 'sales'],
      ['widget_view', 'support'],
      ['widget_start', 'sales'],
      ['widget_start', 'support'],
      ['widget_complete', 'sales'],
      ['generate_lead', 'sales'],
      ['widget_complete', 'support'],
      ['generate_lead', 'support'],
    ]);
    // Positive control: within one embed, a second view is no new funnel step.
    postMessageFrom(CAL, calMessage('bookerViewed', {}, 'sales'));
    expect(dataLayer().at(-1)).toMatchObject({ event: 'widget_interaction', widget_id: 'sales' });
  });

  it('accepts configured extra origins (self-hosted Cal.com)', () => {
    installBridge({ calCom: { origins: ['https://cal.example.com'] } });
    postMessageFrom('https://cal.example.com', calMessage('linkReady'));
    postMessageFrom('https://other.example.com', calMessage('linkFailed'));
    expect(eventNames()).toEqual(['widget_view']);
  });

  it('never reads data from a foreign origin', () => {
    installBridge();
    let reads = 0;
    const data = {
      get originator(): string {
        reads++;
        return 'CAL';
      },
      fullType: 'CAL:demo:linkReady',
      data: {},
    };
    postMessageFrom('https://ads.example.net', data);
    postMessageFrom('https://app.cal.com.evil.net', data);
    expect(reads).toBe(0);
    // Positive control: from Cal.com's origin the same object is read and pushed.
    postMessageFrom(CAL, data);
    expect(reads).toBeGreaterThan(0);
    expect(eventNames()).toEqual(['widget_view']);
  });

  it('ignores malformed and hostile messages without throwing, logging them in debug mode', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const errors: unknown[] = [];
    const onError = (event: ErrorEvent) => errors.push(event.error);
    window.addEventListener('error', onError);
    installBridge({ debug: true });
    const cyclic: Record<string, unknown> = calMessage('linkReady');
    cyclic.data = cyclic;
    const throwing = {
      originator: 'CAL',
      get fullType(): string {
        throw new Error('hostile getter');
      },
    };
    for (const data of [
      'CAL:demo:bookingSuccessfulV2',
      42,
      null,
      [1],
      { originator: 'CAL', fullType: 7 },
      JSON.parse('{"__proto__": {"originator": "CAL", "fullType": "CAL:demo:linkReady"}}'),
      throwing,
      { originator: 'CAL', fullType: 'CAL:demo:' + 'x'.repeat(1e6) },
      calMessage('toString'),
      calMessage('__proto__'),
    ])
      postMessageFrom(CAL, data);
    expect(dataLayer()).toEqual([]);
    postMessageFrom(CAL, cyclic); // cyclic but well-formed: pushed
    expect(eventNames()).toEqual(['widget_view']);
    window.removeEventListener('error', onError);
    expect(errors).toEqual([]);
    const lines = log.mock.calls.map((call) => String(call[0]));
    expect(lines.filter((line) => line.includes('cal_com: unread'))).toHaveLength(6);
    expect(lines.filter((line) => line.includes('unknown event, ignored'))).toHaveLength(3);
    log.mockRestore();
  });

  it('keeps personal data planted in every payload field out of every push', () => {
    installBridge({ leadActions: { cal_com: ['bookingSuccessfulV2', 'rescheduleBookingSuccessfulV2'] } });
    const planted = {
      ...booking('bk_planted'),
      eventType: { title: 'Talk to Jane', slug: 'jane-doe', owner: { email: 'jane@x.test' } },
      booking: { title: 'Jane Doe', responses: { name: 'Jane Doe', email: 'jane@x.test', phone: '+1 555 0100', notes: 'my quote' } },
      organizer: { name: 'Smith', email: 'smith@x.test', timeZone: 'Europe/Berlin' },
      code: 'secret',
      msg: 'Hi there Jane',
      data: { url: 'https://app.cal.com/jane-doe?email=jane@x.test' },
      actionType: 'customPageMessage',
      actionValue: 'Thanks Jane Doe, secret',
      eventId: 1234,
      eventSlug: 'cv.pdf',
      attendees: [{ name: 'Jane', email: 'jane@x.test' }],
    };
    for (const action of [...CAL_COM_EVENTS, ...CAL_COM_IGNORED]) postMessageFrom(CAL, calMessage(action, planted));
    // Positive control: every mapped event was pushed.
    expect(dataLayer().filter((push) => push.event != 'generate_lead')).toHaveLength(CAL_COM_EVENTS.length);
    const text = JSON.stringify(dataLayer());
    for (const fragment of PLANTED) expect(text, fragment).not.toContain(fragment);
    expect(text).not.toContain('cal.video');
    expect(text).not.toContain('@');
  });

  it('stops listening after uninstall', () => {
    const handle = installBridge();
    postMessageFrom(CAL, calMessage('linkReady'));
    handle.uninstall();
    postMessageFrom(CAL, calMessage('eventTypeSelected'));
    expect(eventNames()).toEqual(['widget_view']);
  });
});
