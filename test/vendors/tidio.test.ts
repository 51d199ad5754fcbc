import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readTidioEvent, tidioStages } from '../../src/vendors/tidio';
import { TIDIO_EVENTS } from '../documentedEvents';
import { dataLayer, definedParams, eventNames, installBridge, testWindow } from '../helpers';
import { PLANTED } from '../../fixtures/personalData';

const WIDGET = readFileSync('fixtures/tidio-widget.js', 'utf8');
const PERSONAL = PLANTED;

type Simulated = {
  trigger(name: string, data?: unknown): void;
  payloads: Record<'preForm' | 'visitorMessage' | 'operatorMessage', unknown>;
};
type Api = { on(name: string, fn: (data: unknown) => unknown): void; open(): void; close(): void };

const loadWidget = () => new Function(WIDGET)();
const widget = () => testWindow.__tidio as Simulated;
const api = () => testWindow.tidioChatApi as Api;
const trigger = (name: string, data?: unknown) => widget().trigger(name, data);
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const actions = () => dataLayer().map((push) => push.event + ' ' + push.widget_action);
/** Moves the clock past the core's exact-duplicate window. */
const later = () => vi.setSystemTime(Date.now() + 2000);

afterEach(() => {
  vi.useRealTimers();
  delete testWindow.tidioChatApi;
  delete testWindow.__tidio;
  delete testWindow.__tidioWays;
});

describe('Tidio mapping table', () => {
  it('maps every documented event, setStatus with each status, and only those, to one stage', () => {
    expect(Object.keys(tidioStages).sort()).toEqual([...TIDIO_EVENTS].sort());
    expect(tidioStages).toMatchObject({
      ready: 'view',
      open: 'open',
      conversationStart: 'start',
      preFormFilled: 'submit',
      close: 'close',
      'setStatus:offline': 'unavailable',
      messageFromOperator: 'interaction',
    });
  });
});

describe('readTidioEvent', () => {
  it('joins the status to setStatus, as a string or as {setStatus}', () => {
    expect(definedParams(readTidioEvent('setStatus', 'offline'))).toEqual({
      widget_action: 'setStatus:offline',
      widget_availability: 'offline',
    });
    expect(definedParams(readTidioEvent('setStatus', { setStatus: 'online' }))).toEqual({
      widget_action: 'setStatus:online',
      widget_availability: 'online',
    });
    const odd = readTidioEvent('setStatus', 'jane@x.test');
    expect(odd.widget_availability).toBeUndefined();
    expect(Object.keys(tidioStages)).not.toContain(odd.widget_action);
    expect(readTidioEvent('setStatus', {}).widget_action).toBe('setStatus');
  });

  it('says that the pre-chat form held an e-mail address, never which, nor any other field', () => {
    const event = readTidioEvent('preFormFilled', { form_data: { email: ' Jane.Doe@X.test ', name: 'Jane Doe', phone: '+1 555 0100' } });
    expect(event).toEqual({
      widget_action: 'preFormFilled',
      widget_availability: undefined,
      widget_email_provided: true,
      email: ' Jane.Doe@X.test ',
    });
    for (const form of [{}, { email: '' }, { email: 'Jane Doe' }, { email: 42 }, null, 'x'])
      expect(readTidioEvent('preFormFilled', { form_data: form }).widget_email_provided, JSON.stringify(form)).toBe(false);
    expect(readTidioEvent('preFormFilled', undefined).widget_email_provided).toBe(false);
  });

  it('reads nothing of a message', () => {
    expect(definedParams(readTidioEvent('messageFromVisitor', { message: 'Hi there', fromBot: false, type: 'text' }))).toEqual({
      widget_action: 'messageFromVisitor',
    });
  });

  it('survives malformed data and ignores inherited keys', () => {
    for (const data of [undefined, null, 0, 'x', [], () => 1, Object.create({ setStatus: 'offline', form_data: { email: 'jane@x.test' } })])
      for (const name of ['setStatus', 'preFormFilled', 'open']) expect(() => readTidioEvent(name, data)).not.toThrow();
    const inherited = readTidioEvent('preFormFilled', Object.create({ form_data: { email: 'jane@x.test' } }));
    expect(inherited.widget_email_provided).toBe(false);
    expect(inherited.email).toBeUndefined();
  });
});

describe('Tidio through tidioChatApi.on and the tidioChat-<name> document events', () => {
  function playVisit() {
    const { payloads } = widget();
    api().open();
    trigger('conversationStart');
    trigger('preFormFilled', payloads.preForm);
    trigger('messageFromVisitor', payloads.visitorMessage);
    trigger('messageFromOperator', payloads.operatorMessage);
    trigger('messageFromVisitor', payloads.visitorMessage);
    trigger('messageFromOperator', payloads.operatorMessage);
    trigger('setStatus', 'offline');
    api().close();
  }
  const VISIT = [
    'widget_view ready',
    'widget_open open',
    'widget_start conversationStart',
    'widget_submit preFormFilled',
    'generate_lead preFormFilled',
    'widget_interaction messageFromVisitor',
    'widget_interaction messageFromOperator',
    'widget_unavailable setStatus:offline',
    'widget_close close',
  ];

  for (const ways of ['both', 'api', 'document'])
    for (const order of ['bridge first', 'widget first', 'bridge after ready']) {
      it(`${order}, delivered ${ways == 'both' ? 'both ways' : 'by ' + ways + ' only'}: one push per event, site handlers intact, no personal data`, async () => {
        testWindow.__tidioWays = ways;
        const site: string[] = [];
        const siteListener = (event: Event) =>
          site.push('document ' + event.type + ' ' + JSON.stringify((event as Event & { data?: unknown }).data));
        for (const name of ['tidioChat-ready', 'tidioChat-preFormFilled']) document.addEventListener(name, siteListener);
        if (order == 'bridge first') installBridge();
        loadWidget();
        if (order == 'widget first') installBridge();
        api().on('preFormFilled', (data) => site.push('api preFormFilled ' + JSON.stringify(data)));
        await tick();
        if (order == 'bridge after ready') installBridge();
        playVisit();
        expect(actions()).toEqual(order == 'bridge after ready' ? VISIT.slice(1) : VISIT);
        for (const push of dataLayer())
          expect(push).toMatchObject({ widget_vendor: 'tidio', widget_product: 'chat_widget', widget_interaction_id: undefined });
        expect(dataLayer().find((push) => push.event == 'widget_submit')).toMatchObject({ widget_email_provided: true });
        const serialized = JSON.stringify(dataLayer());
        for (const fragment of PERSONAL) expect(serialized, fragment).not.toContain(fragment);
        // Positive control: the site's own listeners got the form data the pushes leave out.
        const siteSaw = site.join('\n');
        expect(siteSaw).toContain(ways == 'api' ? 'api preFormFilled' : 'document tidioChat-preFormFilled');
        for (const fragment of ['Jane', 'x.test', '555']) expect(siteSaw).toContain(fragment);
        for (const name of ['tidioChat-ready', 'tidioChat-preFormFilled']) document.removeEventListener(name, siteListener);
      });
    }

  it('pushes the first message of each side per conversation, and again in a later conversation', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    installBridge();
    loadWidget();
    await tick();
    const { payloads } = widget();
    trigger('conversationStart');
    trigger('messageFromVisitor', payloads.visitorMessage);
    trigger('messageFromVisitor', payloads.visitorMessage);
    trigger('messageFromOperator', payloads.operatorMessage);
    later();
    trigger('conversationStart');
    trigger('messageFromOperator', payloads.operatorMessage);
    trigger('messageFromVisitor', payloads.visitorMessage);
    expect(actions()).toEqual([
      'widget_view ready',
      'widget_start conversationStart',
      'widget_interaction messageFromVisitor',
      'widget_interaction messageFromOperator',
      // The second conversation is an interaction of its own: it starts again.
      'widget_start conversationStart',
      'widget_interaction messageFromOperator',
      'widget_interaction messageFromVisitor',
    ]);
  });

  it('sends one lead per page view (Tidio names no conversation), and hashes the normalized e-mail only with hashEmail', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    installBridge({ hashEmail: true });
    loadWidget();
    await tick();
    trigger('preFormFilled', widget().payloads.preForm);
    later();
    trigger('preFormFilled', { form_data: { email: 'other@x.test' } });
    await vi.waitFor(() => expect(eventNames()).toContain('generate_lead'));
    const leads = dataLayer().filter((push) => push.event == 'generate_lead');
    expect(leads).toHaveLength(1);
    expect(leads[0].user_data).toEqual({ sha256_email_address: createHash('sha256').update('jane.doe@x.test').digest('hex') });
    expect(JSON.stringify(dataLayer())).not.toContain('x.test');
  });

  it('counts an event delivered both ways once even when the two deliveries carry different data', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    installBridge();
    const handlers: Record<string, (data: unknown) => void> = {};
    testWindow.tidioChatApi = { on: (name: string, fn: (data: unknown) => void) => (handlers[name] = fn) };
    handlers.preFormFilled({ form_data: { email: 'jane@x.test' } });
    // The document's copy without data: not the same push, still the same event.
    document.dispatchEvent(new Event('tidioChat-preFormFilled'));
    expect(actions()).toEqual(['widget_submit preFormFilled', 'generate_lead preFormFilled']);
    expect(dataLayer()[0].widget_email_provided).toBe(true);
    // Positive control: a second event by the same way is a second event.
    handlers.open(undefined);
    handlers.close(undefined);
    later();
    handlers.open(undefined);
    expect(actions().slice(2)).toEqual(['widget_interaction open', 'widget_close close', 'widget_interaction open']);
  });

  it('reads a CustomEvent detail too, and pushes an event that comes only by the document once per occurrence', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    installBridge();
    document.dispatchEvent(new CustomEvent('tidioChat-setStatus', { detail: 'offline' }));
    later();
    document.dispatchEvent(new CustomEvent('tidioChat-setStatus', { detail: 'online' }));
    later();
    document.dispatchEvent(new CustomEvent('tidioChat-setStatus', { detail: 'offline' }));
    expect(actions()).toEqual([
      'widget_unavailable setStatus:offline',
      'widget_interaction setStatus:online',
      'widget_unavailable setStatus:offline',
    ]);
  });

  it('subscribes once per tidioChatApi object: a new one (the script loaded again) once more, the same one again never', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    testWindow.__tidioWays = 'api';
    installBridge();
    loadWidget();
    await tick();
    const first = testWindow.tidioChatApi;
    testWindow.tidioChatApi = first;
    api().open();
    later();
    // A single-page app loads the widget script again: a new tidioChatApi.
    loadWidget();
    await tick();
    api().close();
    expect(actions()).toEqual(['widget_view ready', 'widget_open open', 'widget_interaction ready', 'widget_close close']);
  });

  it('falls silent and removes its document listeners on uninstall, the site handlers keep working', async () => {
    const handle = installBridge();
    loadWidget();
    const site: string[] = [];
    api().on('open', () => site.push('api open'));
    document.addEventListener('tidioChat-open', () => site.push('document open'));
    await tick();
    handle.uninstall();
    api().open();
    expect(actions()).toEqual(['widget_view ready']);
    expect(site).toEqual(['api open', 'document open']);
  });

  it('never throws into the widget or the page, whatever the data', async () => {
    installBridge();
    loadWidget();
    await tick();
    const hostile = {
      get form_data(): unknown {
        throw new Error('boom');
      },
    };
    expect(() => trigger('preFormFilled', hostile)).not.toThrow();
    for (const data of [undefined, null, 42, 'x', [], { setStatus: 7 }]) expect(() => trigger('setStatus', data)).not.toThrow();
    expect(actions()).toEqual(['widget_view ready']);
  });

  it('never reaches into a tidioChatApi that is not an object with on, and subscribes once one is', async () => {
    testWindow.__tidioWays = 'api';
    installBridge();
    testWindow.tidioChatApi = 'not the widget';
    testWindow.tidioChatApi = { on: 'not a function' };
    loadWidget();
    await tick();
    expect(actions()).toEqual(['widget_view ready']);
  });
});
