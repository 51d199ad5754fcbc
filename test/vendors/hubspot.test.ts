import { afterEach, describe, expect, it, vi } from 'vitest';
import { PLANTED } from '../../fixtures/personalData';
import { STAGES } from '../../src/core/schema';
import {
  hubspot,
  hubspotStages,
  isMeetingsOrigin,
  readFormEvent,
  readLegacyFormMessage,
  readMeetingsMessage,
} from '../../src/vendors/hubspot';
import { hubspotDocs } from '../../src/vendors/hubspot/docs';
import {
  HUBSPOT_CHAT_EVENTS,
  HUBSPOT_FORMS_EVENTS,
  HUBSPOT_IGNORED,
  HUBSPOT_LEGACY_FORMS_EVENTS,
  HUBSPOT_MEETINGS_EVENTS,
} from '../documentedEvents';
import { dataLayer, definedParams, eventNames, installBridge, postMessageFrom, testWindow } from '../helpers';
import {
  CONVERSATION_ID,
  FORM_ID,
  INSTANCE_ID,
  MEETINGS,
  chat,
  chatPayload,
  dispatchFormEvent,
  loadConversations,
  meetingMessage,
  postLegacyForm,
} from './hubspotDriver';

type Conversations = {
  on(name: string, fn: (payload: unknown) => unknown): void;
  off(name: string, fn: unknown): void;
  widget: { load(): void; remove(): void };
};
const api = () => testWindow.HubSpotConversations as Conversations;

afterEach(() => {
  for (const key of ['HubSpotConversations', 'hsConversationsOnReady', 'hsConversationsSettings', '__hubspotChat', '__hubspotChatErrors'])
    delete testWindow[key];
});

/** Non-lead pushes as "stage action". */
const steps = () => dataLayer().map((push) => push.event + ' ' + push.widget_action);
const leads = () => dataLayer().filter((push) => push.event == 'generate_lead');

/** A message from a scheduling iframe: `source` stands for the iframe's window. */
const postFromFrame = (source: object, data: unknown, origin = MEETINGS) =>
  window.dispatchEvent(new MessageEvent('message', { data, origin, source: source as MessageEventSource }));

describe('HubSpot mapping table', () => {
  it('maps every pushed event of the three products, and only those, to one stage', () => {
    expect(Object.keys(hubspotStages).sort()).toEqual(
      [...HUBSPOT_MEETINGS_EVENTS, ...HUBSPOT_FORMS_EVENTS, ...HUBSPOT_LEGACY_FORMS_EVENTS, ...HUBSPOT_CHAT_EVENTS].sort(),
    );
    for (const stage of Object.values(hubspotStages)) expect(STAGES).toContain(stage);
  });

  it('follows the proposed stages, with the default leads of each product', () => {
    expect(hubspotStages).toMatchObject({
      meetingBookSucceeded: 'complete',
      'on-ready': 'view',
      'on-interaction:navigate': 'start',
      'on-submission:success': 'submit',
      'on-submission:failed': 'error',
      widgetLoaded: 'view',
      userInteractedWithWidget: 'open',
      conversationStarted: 'start',
      contactAssociated: 'submit',
      conversationClosed: 'complete',
      widgetClosed: 'close',
    });
    expect(hubspot.leadActions).toEqual([
      'meetingBookSucceeded',
      'meetingCreated',
      'on-submission:success',
      'onFormSubmitted',
      'contactAssociated',
    ]);
  });

  it('never maps the twins, the not-yet-visible form or the unread count, and documents each as ignored', () => {
    const ignoredDocs = Object.keys(hubspotDocs.ignored).join(' ');
    for (const name of Object.values(HUBSPOT_IGNORED).flat()) {
      expect(name in hubspotStages, name).toBe(false);
      expect(ignoredDocs, name).toContain(name);
    }
    // Positive control.
    expect('on-ready' in hubspotStages).toBe(true);
  });
});

describe('isMeetingsOrigin', () => {
  it.each([
    ['https://meetings.hubspot.com', true],
    ['https://meetings-eu1.hubspot.com', true],
    ['https://meetings-na2.hubspot.com', true],
    ['https://meetings.hubspot.com.evil.net', false],
    ['https://evilmeetings.hubspot.com', false],
    ['https://evil.meetings.hubspot.com', false],
    ['https://app.hubspot.com', false],
    ['https://hubspot.com', false],
    ['https://meetings.hubspot.com:8443', false],
    ['http://meetings.hubspot.com', false],
    ['https://MEETINGS.HUBSPOT.COM', false],
    ['null', false],
    ['', false],
    ['https://meet.example.com', false],
  ])('%s → %s', (origin, expected) => {
    expect(isMeetingsOrigin(origin, [])).toBe(expected);
  });

  it('accepts configured extra origins exactly (meetings links on a connected domain)', () => {
    const extra = ['https://meet.example.com'];
    expect(isMeetingsOrigin('https://meet.example.com', extra)).toBe(true);
    expect(isMeetingsOrigin('https://meet.example.com.evil.net', extra)).toBe(false);
    expect(isMeetingsOrigin('http://meet.example.com', extra)).toBe(false);
  });
});

describe('readMeetingsMessage', () => {
  it('reads the booking flag and the booked slot only', () => {
    expect(readMeetingsMessage(meetingMessage())).toEqual({
      widget_action: 'meetingBookSucceeded',
      widget_product: 'meetings',
      widget_slot_start: '2030-03-04T10:00:00.000Z',
      widget_slot_end: '2030-03-04T10:30:00.000Z',
      widget_duration_minutes: 30,
    });
    expect(readMeetingsMessage(meetingMessage('meetingCreated'))).toMatchObject({ widget_action: 'meetingCreated' });
    const text = JSON.stringify(readMeetingsMessage(meetingMessage()));
    for (const fragment of PLANTED) expect(text, fragment).not.toContain(fragment);
    // Positive control: the planted contact was in the message.
    expect(JSON.stringify(meetingMessage())).toContain('jane.doe@x.test');
  });

  it('falls back to event.dateTime for the start, and pushes no duration without an end', () => {
    const start = Date.UTC(2030, 0, 2, 9);
    expect(
      readMeetingsMessage({ meetingBookSucceeded: true, meetingsPayload: { bookingResponse: { event: { dateTime: start } } } }),
    ).toEqual({
      widget_action: 'meetingBookSucceeded',
      widget_product: 'meetings',
      widget_slot_start: '2030-01-02T09:00:00.000Z',
      widget_slot_end: undefined,
      widget_duration_minutes: undefined,
    });
    expect(readMeetingsMessage({ meetingBookSucceeded: true })).toMatchObject({ widget_slot_start: undefined });
  });

  it.each([
    ['the height message', { height: 756 }],
    ['a string', 'meetingBookSucceeded'],
    ['null', null],
    ['a false flag', { meetingBookSucceeded: false }],
    ['a string flag', { meetingBookSucceeded: 'true' }],
    ['an inherited flag', Object.create({ meetingBookSucceeded: true })],
    ['a Calendly message', { event: 'calendly.event_scheduled' }],
  ])('returns undefined for %s', (_, data) => {
    expect(readMeetingsMessage(data)).toBeUndefined();
  });

  it('drops bogus times: negative, huge, unparsable, an end before the start', () => {
    const message = (start: unknown, end: unknown) => ({
      meetingBookSucceeded: true,
      meetingsPayload: { bookingResponse: { postResponse: { timerange: { start, end } } } },
    });
    expect(readMeetingsMessage(message(-1, 1e20))).toMatchObject({ widget_slot_start: undefined, widget_slot_end: undefined });
    expect(readMeetingsMessage(message('soon', {}))).toMatchObject({ widget_slot_start: undefined, widget_duration_minutes: undefined });
    expect(readMeetingsMessage(message(2e12, 1e12))).toMatchObject({ widget_duration_minutes: undefined });
  });
});

describe('HubSpot meetings listener', () => {
  it('pushes a booking as complete with one lead, from HubSpot origins only', () => {
    installBridge();
    for (const origin of [
      'https://meetings.hubspot.com.evil.net',
      'https://evilmeetings.hubspot.com',
      'http://meetings.hubspot.com',
      'null',
      '',
    ])
      postMessageFrom(origin, meetingMessage());
    expect(dataLayer()).toEqual([]);
    postMessageFrom(MEETINGS, { height: 812 });
    postMessageFrom(MEETINGS, meetingMessage());
    expect(dataLayer()).toHaveLength(2);
    expect(definedParams(dataLayer()[0])).toEqual({
      event: 'widget_complete',
      widget_vendor: 'hubspot',
      widget_product: 'meetings',
      widget_action: 'meetingBookSucceeded',
      widget_stage: 'complete',
      widget_interaction_id: 'meetings-1',
      widget_slot_start: '2030-03-04T10:00:00.000Z',
      widget_slot_end: '2030-03-04T10:30:00.000Z',
      widget_duration_minutes: 30,
      widget_schema: 1,
    });
    expect(dataLayer()[1]).toMatchObject({ event: 'generate_lead', lead_source: 'hubspot', widget_interaction_id: 'meetings-1' });
  });

  it('one lead per scheduling iframe: a repeated or legacy-named confirmation adds none, a second iframe adds its own', () => {
    installBridge();
    const first = {};
    const second = {};
    postFromFrame(first, meetingMessage());
    postFromFrame(first, meetingMessage());
    postFromFrame(first, meetingMessage('meetingCreated'));
    postFromFrame(second, meetingMessage('meetingBookSucceeded', Date.UTC(2030, 2, 5, 14)));
    expect(steps()).toEqual([
      'widget_complete meetingBookSucceeded',
      'generate_lead meetingBookSucceeded',
      'widget_interaction meetingCreated',
      'widget_complete meetingBookSucceeded',
      'generate_lead meetingBookSucceeded',
    ]);
    expect(leads().map((push) => push.widget_interaction_id)).toEqual(['meetings-1', 'meetings-2']);
  });

  it('accepts a configured meetings origin exactly', () => {
    installBridge({ hubspot: { origins: ['https://meet.example.com'] } });
    postMessageFrom('https://meet.example.com.evil.net', meetingMessage());
    postMessageFrom('https://meet.example.com', meetingMessage());
    expect(eventNames()).toEqual(['widget_complete', 'generate_lead']);
  });
});

describe('HubSpot forms (updated editor)', () => {
  it('reads the form and instance ids only', () => {
    expect(readFormEvent('on-ready', { formId: FORM_ID, instanceId: INSTANCE_ID, submissionValues: { email: 'jane@x.test' } })).toEqual({
      widget_action: 'on-ready',
      widget_product: 'forms',
      widget_id: FORM_ID,
      widget_interaction_id: INSTANCE_ID,
    });
    // Without an instance id the form names the interaction; without any detail nothing is read.
    expect(readFormEvent('on-ready', { formId: FORM_ID })).toMatchObject({ widget_interaction_id: FORM_ID });
    expect(readFormEvent('on-ready', undefined)).toMatchObject({ widget_id: undefined, widget_interaction_id: undefined });
    expect(readFormEvent('on-ready', { formId: 'jane@x.test', instanceId: 'Jane Doe' })).toMatchObject({
      widget_id: undefined,
      widget_interaction_id: undefined,
    });
  });

  it('pushes ready, the first step change, success and failure, with one lead per form instance', () => {
    installBridge();
    dispatchFormEvent('on-ready');
    dispatchFormEvent('on-interaction:navigate');
    dispatchFormEvent('on-interaction:navigate:next');
    dispatchFormEvent('on-interaction:navigate');
    dispatchFormEvent('on-submission:failed');
    dispatchFormEvent('on-submission:success');
    dispatchFormEvent('on-submission:success');
    expect(steps()).toEqual([
      'widget_view on-ready',
      'widget_start on-interaction:navigate',
      'widget_error on-submission:failed',
      'widget_submit on-submission:success',
      'generate_lead on-submission:success',
    ]);
    expect(dataLayer()[3]).toMatchObject({ widget_id: FORM_ID, widget_interaction_id: INSTANCE_ID, widget_product: 'forms' });
  });

  it('two forms on one page are two interactions, each with its lead', () => {
    installBridge();
    for (const instanceId of ['inst-a', 'inst-b']) {
      dispatchFormEvent('on-ready', { formId: FORM_ID, instanceId });
      dispatchFormEvent('on-submission:success', { formId: FORM_ID, instanceId });
    }
    expect(steps()).toEqual([
      'widget_view on-ready',
      'widget_submit on-submission:success',
      'generate_lead on-submission:success',
      'widget_view on-ready',
      'widget_submit on-submission:success',
      'generate_lead on-submission:success',
    ]);
  });

  it('keeps the site’s own listeners of the same events working', () => {
    const heard: unknown[] = [];
    const site = (event: Event) => heard.push((event as CustomEvent).detail.formId);
    addEventListener('hs-form-event:on-submission:success', site);
    installBridge();
    dispatchFormEvent('on-submission:success');
    removeEventListener('hs-form-event:on-submission:success', site);
    expect(heard).toEqual([FORM_ID]);
    expect(eventNames()).toEqual(['widget_submit', 'generate_lead']);
  });
});

describe('HubSpot legacy forms (hsFormCallback)', () => {
  it('reads the event name and the form id, never data', () => {
    expect(
      readLegacyFormMessage({
        type: 'hsFormCallback',
        eventName: 'onFormSubmitted',
        id: FORM_ID,
        data: [{ name: 'email', value: 'jane@x.test' }],
      }),
    ).toEqual({
      widget_action: 'onFormSubmitted',
      widget_product: 'forms',
      widget_id: FORM_ID,
      widget_interaction_id: FORM_ID,
    });
    for (const data of [
      null,
      'hsFormCallback',
      { type: 'hsFormCallback' },
      { type: 'hsFormCallback', eventName: 7 },
      { type: 'other', eventName: 'onFormReady' },
    ])
      expect(readLegacyFormMessage(data)).toBeUndefined();
  });

  it('accepts only messages the page posted to itself', () => {
    installBridge();
    // From a frame, or without a source, even with the page's own origin: ignored.
    postMessageFrom(location.origin, { type: 'hsFormCallback', eventName: 'onFormSubmitted', id: FORM_ID, data: [] });
    postFromFrame({}, { type: 'hsFormCallback', eventName: 'onFormSubmitted', id: FORM_ID, data: [] }, location.origin);
    postFromFrame({}, { type: 'hsFormCallback', eventName: 'onFormSubmitted', id: FORM_ID, data: [] }, MEETINGS);
    expect(dataLayer()).toEqual([]);
    // Positive control: the same message posted by the page.
    postLegacyForm('onFormSubmitted');
    expect(eventNames()).toEqual(['widget_submit', 'generate_lead']);
  });

  it('walks a legacy form: ready, sent, stored, with one lead per form; init and the older submit are not pushed', () => {
    installBridge();
    for (const name of ['onBeforeFormInit', 'onFormReady', 'onBeforeFormSubmit', 'onFormSubmit', 'onFormSubmitted', 'onFormSubmitted'])
      postLegacyForm(name, FORM_ID, [{ name: 'firstname', value: 'Jane' }]);
    expect(steps()).toEqual([
      'widget_view onFormReady',
      'widget_start onBeforeFormSubmit',
      'widget_submit onFormSubmitted',
      'generate_lead onFormSubmitted',
    ]);
  });
});

describe('HubSpot chat', () => {
  /** The site's own integration, as the SDK page writes it: its handler, and its entry in hsConversationsOnReady. */
  function siteSnippet(calls: unknown[][]) {
    const siteHandler = function (this: unknown, payload: unknown) {
      calls.push(['handler', this, payload]);
      return 'site result';
    };
    const onReady = () => {
      calls.push(['ready']);
      api().on('conversationStarted', siteHandler);
    };
    if (testWindow.HubSpotConversations) onReady();
    else testWindow.hsConversationsOnReady = [onReady];
    return { siteHandler, onReady };
  }

  const conversation = (bridgeFirst: boolean) => {
    const calls: unknown[][] = [];
    if (bridgeFirst) installBridge();
    const { onReady } = siteSnippet(calls);
    loadConversations();
    if (!bridgeFirst) installBridge();
    return { calls, onReady };
  };

  it.each([
    ['bridge, then site snippet, then widget', true],
    ['site snippet and widget, then bridge', false],
  ])('%s: the whole conversation, the site’s entry and handler kept', (_, bridgeFirst) => {
    const { calls, onReady } = conversation(bridgeFirst);
    if (bridgeFirst) expect(testWindow.hsConversationsOnReady).toEqual([onReady, expect.any(Function)]);
    for (const name of ['userInteractedWithWidget', 'conversationStarted', 'contactAssociated', 'conversationClosed', 'widgetClosed'])
      chat().fire(name, chatPayload(name));
    const expected = [
      'widget_open userInteractedWithWidget',
      'widget_start conversationStarted',
      'widget_submit contactAssociated',
      'generate_lead contactAssociated',
      'widget_complete conversationClosed',
      'widget_close widgetClosed',
    ];
    // The widget loaded immediately: before the bridge, its load was not heard.
    expect(steps()).toEqual(bridgeFirst ? ['widget_view widgetLoaded', ...expected] : expected);
    expect(calls).toEqual([['ready'], ['handler', undefined, { conversation: { conversationId: CONVERSATION_ID } }]]);
    const lead = leads()[0];
    expect(lead).toMatchObject({ widget_product: 'chat', widget_interaction_id: String(CONVERSATION_ID) });
  });

  it('keeps the entries of an array the site set before the bridge, and the site’s array when it assigns one later', () => {
    const early = () => undefined;
    testWindow.hsConversationsOnReady = [early];
    installBridge();
    const list = testWindow.hsConversationsOnReady as unknown[];
    expect(list[0]).toBe(early);
    expect(list).toHaveLength(2);
    const late = () => undefined;
    testWindow.hsConversationsOnReady = [late];
    expect(testWindow.hsConversationsOnReady).toEqual([late, list[1]]);
  });

  it('creates hsConversationsOnReady when the page has none, and subscribes once the widget runs it', () => {
    installBridge();
    expect(testWindow.hsConversationsOnReady).toEqual([expect.any(Function)]);
    loadConversations();
    expect(Object.keys(chat().handlers).sort()).toEqual([...HUBSPOT_CHAT_EVENTS].sort());
    expect(steps()).toEqual(['widget_view widgetLoaded']);
  });

  it('subscribes each handler once however often the entry runs, and undoes everything on uninstall', () => {
    const handle = installBridge();
    loadConversations();
    (testWindow.hsConversationsOnReady as (() => void)[]).forEach((entry) => entry());
    for (const name of HUBSPOT_CHAT_EVENTS) expect(chat().handlers[name], name).toHaveLength(1);
    const site = () => undefined;
    api().on('widgetClosed', site);
    handle.uninstall();
    for (const name of HUBSPOT_CHAT_EVENTS) expect(chat().handlers[name], name).toHaveLength(name == 'widgetClosed' ? 1 : 0);
    expect(chat().handlers.widgetClosed).toEqual([site]);
    expect(testWindow.hsConversationsOnReady).toEqual([]);
    // A second install after an uninstall hears each event once.
    testWindow.dataLayer = [];
    installBridge();
    chat().fire('widgetClosed', {});
    expect(steps()).toEqual(['widget_close widgetClosed']);
  });

  it('a widget reload is a new view; interactions after the first open are interactions', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    installBridge();
    loadConversations();
    chat().fire('userInteractedWithWidget', chatPayload(''));
    // A second later: the same payload at once would be one event reported twice.
    vi.setSystemTime(Date.now() + 2000);
    chat().fire('userInteractedWithWidget', chatPayload(''));
    api().widget.remove();
    api().widget.load();
    chat().fire('userInteractedWithWidget', chatPayload(''));
    expect(steps()).toEqual([
      'widget_view widgetLoaded',
      'widget_open userInteractedWithWidget',
      'widget_interaction userInteractedWithWidget',
      'widget_view widgetLoaded',
      'widget_open userInteractedWithWidget',
    ]);
    vi.useRealTimers();
  });

  it('a single-page app that loads a new HubSpotConversations gets the bridge’s handlers on it, not twice on the old one', () => {
    installBridge();
    loadConversations();
    const old = chat();
    delete testWindow.HubSpotConversations;
    delete testWindow.__hubspotChat;
    loadConversations();
    expect(chat()).not.toBe(old);
    for (const name of HUBSPOT_CHAT_EVENTS) {
      expect(chat().handlers[name], name).toHaveLength(1);
      expect(old.handlers[name], name).toHaveLength(1);
    }
    expect(steps()).toEqual(['widget_view widgetLoaded', 'widget_view widgetLoaded']);
  });

  it('one lead per conversation; a contact without a conversation is one lead per page; the unread count is not pushed', () => {
    installBridge();
    loadConversations();
    chat().fire('contactAssociated', { message: 'Jane Doe <jane@x.test>' });
    chat().fire('unreadConversationCountChanged', { unreadCount: 3 });
    chat().fire('conversationStarted', { conversation: { conversationId: 1 } });
    chat().fire('contactAssociated', {});
    chat().fire('contactAssociated', {});
    chat().fire('conversationStarted', { conversation: { conversationId: 2 } });
    chat().fire('contactAssociated', {});
    expect(leads().map((push) => push.widget_interaction_id)).toEqual([undefined, '1', '2']);
    expect(dataLayer().some((push) => push.widget_action == 'unreadConversationCountChanged')).toBe(false);
  });

  it('a selected thread becomes the current conversation of the events that follow', () => {
    installBridge();
    loadConversations();
    chat().fire('userSelectedThread', { conversation: { conversationId: 77 } });
    chat().fire('quickReplyButtonClick', chatPayload('quickReplyButtonClick'));
    chat().fire('contactAssociated', {});
    expect(dataLayer().map((push) => push.widget_interaction_id)).toEqual([undefined, '77', '77', '77', '77']);
  });

  it('a throwing site handler changes nothing for the bridge, and odd payloads are read as nothing', () => {
    installBridge();
    loadConversations();
    api().on('conversationStarted', () => {
      throw new Error('site bug');
    });
    for (const payload of [undefined, null, 'x', { conversation: null }, { conversation: { conversationId: 'jane@x.test' } }])
      chat().fire('conversationStarted', payload);
    expect(dataLayer().filter((push) => push.widget_action == 'conversationStarted')).toHaveLength(1);
    expect(testWindow.__hubspotChatErrors).toHaveLength(5);
  });

  it('ignores a HubSpotConversations without on, and one whose on throws', () => {
    testWindow.HubSpotConversations = { widget: {} };
    expect(() => installBridge()).not.toThrow();
    delete testWindow.HubSpotConversations;
    testWindow.HubSpotConversations = {
      on: () => {
        throw new Error('not ready');
      },
    };
    const onReady = (testWindow.hsConversationsOnReady as (() => void)[])[0];
    expect(() => onReady()).not.toThrow();
  });
});

describe('HubSpot personal data', () => {
  it('keeps personal data planted in every payload field of every product out of every push', () => {
    installBridge({ hashEmail: true });
    testWindow.hsConversationsSettings = { loadImmediately: false };
    loadConversations();
    const planted = {
      message: 'Hi there Jane Doe, jane@x.test',
      email: 'jane@x.test',
      conversation: { conversationId: 5, contact: { name: 'Jane Doe', phone: '+1 555 0100' } },
      value: ['Talk to sales', 'my quote'],
      name: 'Smith Ltd',
      unreadCount: 555,
    };
    for (const name of [...HUBSPOT_CHAT_EVENTS, ...HUBSPOT_IGNORED.chat]) chat().fire(name, planted);
    for (const name of [...HUBSPOT_FORMS_EVENTS, ...HUBSPOT_IGNORED.forms])
      dispatchFormEvent(name, {
        formId: FORM_ID,
        instanceId: INSTANCE_ID,
        submissionValues: { email: 'jane@x.test', firstname: 'Jane' },
        portalId: 555,
      });
    for (const name of [...HUBSPOT_LEGACY_FORMS_EVENTS, ...HUBSPOT_IGNORED.legacyForms])
      postLegacyForm(name, FORM_ID, [
        { name: 'email', value: 'jane@x.test' },
        { name: 'message', value: 'my quote, secret' },
      ]);
    for (const name of HUBSPOT_MEETINGS_EVENTS) postMessageFrom(MEETINGS, meetingMessage(name));
    // Positive control: every mapped event was pushed once.
    const pushed = dataLayer().filter((push) => push.event != 'generate_lead');
    expect(pushed).toHaveLength(Object.keys(hubspotStages).length);
    const text = JSON.stringify(dataLayer());
    for (const fragment of PLANTED) expect(text, fragment).not.toContain(fragment);
    expect(text).not.toContain('@');
  });
});
