import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { STAGES } from '../../src/core/schema';
import { isTypeformOrigin, readTypeformMessage, typeform, typeformStages } from '../../src/vendors/typeform';
import { PLANTED } from '../../fixtures/personalData';
import { TYPEFORM_EVENTS } from '../documentedEvents';
import { dataLayer, definedParams, eventNames, installBridge, postMessageFrom } from '../helpers';

const ORIGIN = 'https://form.typeform.com';
const FORM = 'HLjqXS5W';

/** A `message` event as the browser delivers one from an iframe's window. */
function postFrom(source: Window | null, origin: string, data: unknown): void {
  window.dispatchEvent(new MessageEvent('message', { data, origin, source }));
}

/**
 * An iframe in the page with the URL @typeform/embed gives it (`typeform-embed=` names the embed type),
 * and its window: a stand-in object, as the unit tests load no page in an iframe (an empty `srcdoc`
 * keeps happy-dom from trying).
 */
function frame(embed: string): Window {
  const iframe = document.createElement('iframe');
  iframe.setAttribute('srcdoc', '');
  const contentWindow = {} as Window;
  Object.defineProperty(iframe, 'contentWindow', { value: contentWindow });
  iframe.setAttribute('src', 'https://form.typeform.com/to/' + FORM + '?typeform-embed-id=1&typeform-embed=' + embed);
  document.body.appendChild(iframe);
  return contentWindow;
}

let time = 1700000000000;
/** A visitor's steps a second apart: pushes carry the milliseconds since the embed's form-ready. */
const tick = () => vi.setSystemTime((time += 1000));

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  tick();
});
afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('Typeform mapping table', () => {
  it('maps every message type @typeform/embed turns into a callback, and only those, to one stage', () => {
    expect(Object.keys(typeformStages).sort()).toEqual([...TYPEFORM_EVENTS].sort());
    for (const stage of Object.values(typeformStages)) expect(STAGES).toContain(stage);
  });

  it('follows the form funnel, the submit being the default lead', () => {
    expect(typeformStages).toEqual({
      'form-ready': 'view',
      'form-started': 'start',
      'form-screen-changed': 'interaction',
      'form-submit': 'submit',
      'thank-you-screen-button-click': 'interaction',
      'duplicate-detected': 'unavailable',
      'form-close': 'close',
    });
    expect(typeform.leadActions).toEqual(['form-submit']);
    expect(typeform.leadsNeedId).toBe(true);
  });

  it('leaves layout and navigation messages out', () => {
    for (const type of ['form-height-changed', 'form-theme', 'welcome-screen-hidden', 'redirect-after-submit', 'thank-you-screen-redirect'])
      expect(type in typeformStages, type).toBe(false);
  });
});

describe('isTypeformOrigin', () => {
  it.each([
    ['https://form.typeform.com', true],
    ['https://form.typeform.eu', true],
    ['https://typeform.com', false],
    ['https://admin.typeform.com', false],
    ['https://evil.form.typeform.com', false],
    ['https://form.typeform.com.evil.net', false],
    ['https://form.typeform.co', false],
    ['https://formtypeform.com', false],
    ['https://form.typeform.com:8443', false],
    ['http://form.typeform.com', false],
    ['wss://form.typeform.com', false],
    ['https://FORM.TYPEFORM.COM', false],
    ['null', false],
    ['', false],
  ])('%s → %s', (origin, expected) => {
    expect(isTypeformOrigin(origin, [])).toBe(expected);
  });

  it('accepts configured extra origins exactly', () => {
    const extra = ['https://forms.example.com', 'http://localhost:8081'];
    expect(isTypeformOrigin('https://forms.example.com', extra)).toBe(true);
    expect(isTypeformOrigin('http://localhost:8081', extra)).toBe(true);
    expect(isTypeformOrigin('https://forms.example.com.evil.net', extra)).toBe(false);
    expect(isTypeformOrigin('https://evil.forms.example.com', extra)).toBe(false);
    expect(isTypeformOrigin('http://localhost:8082', extra)).toBe(false);
  });
});

describe('readTypeformMessage', () => {
  it('reads type, formId and responseId only', () => {
    expect(readTypeformMessage({ type: 'form-submit', embedId: '42', formId: FORM, responseId: 'r1', ref: 'q1' })).toEqual({
      widget_action: 'form-submit',
      widget_interaction_id: 'r1',
      widget_id: FORM,
    });
  });

  it.each([
    ['null', null],
    ['a string', 'form-submit'],
    ['a number', 7],
    ['an array', ['form-submit']],
    ['no type', { formId: FORM }],
    ['a type of another vendor', { type: 'calendly.event_scheduled' }],
    ['an ignored type', { type: 'form-height-changed', formId: FORM, height: 300 }],
    ['a non-string type', { type: { toString: () => 'form-submit' } }],
    ['an inherited type', Object.create({ type: 'form-submit' })],
    ['a type inherited by the table', { type: 'toString' }],
    ['a type named __proto__', JSON.parse('{"type": "__proto__"}')],
  ])('ignores %s', (_, data) => {
    expect(readTypeformMessage(data)).toBeUndefined();
  });

  it('drops ids that could be personal data, keeping genuine ones (positive control)', () => {
    expect(readTypeformMessage({ type: 'form-started', formId: 'Jane Doe', responseId: 'jane@x.test' })).toMatchObject({
      widget_interaction_id: undefined,
      widget_id: undefined,
    });
    expect(readTypeformMessage({ type: 'form-started', formId: FORM, responseId: 'r1' })).toMatchObject({
      widget_interaction_id: 'r1',
      widget_id: FORM,
    });
  });
});

describe('Typeform listener', () => {
  it('pushes every documented message into the exact dataLayer, one lead per response', () => {
    installBridge();
    const embed = frame('popup-blank');
    const post = (data: Record<string, unknown>) => {
      tick();
      postFrom(embed, ORIGIN, { embedId: '1234', formId: FORM, ...data });
    };
    post({ type: 'form-ready', isClosed: false });
    post({ type: 'form-started', responseId: 'resp1' });
    post({ type: 'form-screen-changed', ref: 'q1' });
    post({ type: 'form-height-changed', ref: 'q1', height: 400 });
    post({ type: 'form-screen-changed', ref: 'q2' });
    post({ type: 'form-submit', responseId: 'resp1' });
    post({ type: 'form-submit', responseId: 'resp1' }); // the same response again
    post({ type: 'thank-you-screen-button-click', ref: 'end1' });
    post({ type: 'redirect-after-submit', url: 'https://example.com/thanks', target: '_parent' });
    post({ type: 'duplicate-detected' });
    post({ type: 'form-close' });
    expect(eventNames()).toEqual([
      'widget_view',
      'widget_start',
      'widget_interaction',
      'widget_interaction',
      'widget_submit',
      'generate_lead',
      'widget_interaction',
      'widget_interaction',
      'widget_unavailable',
      'widget_close',
    ]);
    const common = { widget_vendor: 'typeform', widget_product: 'form', widget_id: FORM, widget_schema: 1 };
    expect(dataLayer().map(definedParams)).toEqual([
      {
        ...common,
        event: 'widget_view',
        widget_action: 'form-ready',
        widget_stage: 'view',
        widget_interaction_id: '1234',
        widget_elapsed_ms: 0,
      },
      {
        ...common,
        event: 'widget_start',
        widget_action: 'form-started',
        widget_stage: 'start',
        widget_interaction_id: 'resp1',
        widget_elapsed_ms: 1000,
      },
      {
        ...common,
        event: 'widget_interaction',
        widget_action: 'form-screen-changed',
        widget_stage: 'interaction',
        widget_interaction_id: 'resp1',
        widget_elapsed_ms: 2000,
      },
      {
        ...common,
        event: 'widget_interaction',
        widget_action: 'form-screen-changed',
        widget_stage: 'interaction',
        widget_interaction_id: 'resp1',
        widget_elapsed_ms: 4000,
      },
      {
        ...common,
        event: 'widget_submit',
        widget_action: 'form-submit',
        widget_stage: 'submit',
        widget_interaction_id: 'resp1',
        widget_elapsed_ms: 5000,
      },
      {
        ...common,
        event: 'generate_lead',
        widget_action: 'form-submit',
        widget_stage: 'submit',
        widget_interaction_id: 'resp1',
        widget_elapsed_ms: 5000,
        lead_source: 'typeform',
      },
      {
        ...common,
        event: 'widget_interaction',
        widget_action: 'form-submit',
        widget_stage: 'interaction',
        widget_interaction_id: 'resp1',
        widget_elapsed_ms: 6000,
      },
      {
        ...common,
        event: 'widget_interaction',
        widget_action: 'thank-you-screen-button-click',
        widget_stage: 'interaction',
        widget_interaction_id: 'resp1',
        widget_elapsed_ms: 7000,
      },
      {
        ...common,
        event: 'widget_unavailable',
        widget_action: 'duplicate-detected',
        widget_stage: 'unavailable',
        widget_interaction_id: 'resp1',
        widget_elapsed_ms: 9000,
      },
      {
        ...common,
        event: 'widget_close',
        widget_action: 'form-close',
        widget_stage: 'close',
        widget_interaction_id: 'resp1',
        widget_elapsed_ms: 10000,
      },
    ]);
  });

  it('pushes nothing from look-alike origins, and the same messages from Typeform (positive control)', () => {
    installBridge();
    const embed = frame('popup-blank');
    for (const origin of ['https://form.typeform.com.evil.net', 'https://evil.form.typeform.com', 'http://form.typeform.com', 'null', '']) {
      postFrom(embed, origin, { type: 'form-ready', embedId: '1', formId: FORM });
      postFrom(embed, origin, { type: 'form-submit', embedId: '1', formId: FORM, responseId: 'spoof' });
    }
    expect(dataLayer()).toEqual([]);
    postFrom(embed, 'https://form.typeform.eu', { type: 'form-ready', embedId: '1', formId: FORM });
    postFrom(embed, ORIGIN, { type: 'form-submit', embedId: '1', formId: FORM, responseId: 'genuine' });
    expect(eventNames()).toEqual(['widget_view', 'widget_submit', 'generate_lead']);
  });

  it('reads no data of a foreign message, and reads a Typeform one (positive control)', () => {
    installBridge();
    const reads: string[] = [];
    const spied = (origin: string) => {
      const event = new MessageEvent('message', { origin });
      Object.defineProperty(event, 'data', {
        get: () => {
          reads.push(origin);
          return { type: 'form-ready', formId: FORM };
        },
      });
      window.dispatchEvent(event);
    };
    spied('https://ads.example.net');
    spied('https://form.typeform.com.evil.net');
    expect(reads).toEqual([]);
    spied(ORIGIN);
    expect(reads).toEqual([ORIGIN]);
  });

  it('survives hostile payloads and still pushes the next genuine message', () => {
    installBridge();
    const hostile: unknown[] = [
      null,
      undefined,
      'form-submit',
      42,
      [],
      { type: 'form-submit', responseId: { toString: () => 'x' }, formId: ['a'] },
      new Proxy(
        {},
        {
          get: () => {
            throw new Error('boom');
          },
          getOwnPropertyDescriptor: () => {
            throw new Error('boom');
          },
        },
      ),
      Object.defineProperty({ type: 'form-submit' }, 'responseId', {
        enumerable: true,
        get: () => {
          throw new Error('boom');
        },
      }),
      { type: 'form-submit', responseId: 'x'.repeat(5000), formId: 'y'.repeat(5000) },
    ];
    for (const data of hostile) postMessageFrom(ORIGIN, data);
    const before = dataLayer().length;
    expect(before).toBeGreaterThan(0); // the long ids were pushed, truncated
    // The long ids were truncated, not pushed whole; the form-submit without a usable responseId sends no lead.
    for (const push of dataLayer())
      for (const value of Object.values(push)) if (typeof value == 'string') expect(value.length).toBeLessThanOrEqual(100);
    expect(eventNames().filter((name) => name == 'generate_lead').length).toBeLessThanOrEqual(1);
    postFrom(frame('popup-blank'), ORIGIN, { type: 'form-ready', formId: FORM });
    expect(dataLayer().length).toBe(before + 1);
    expect(dataLayer()[before]).toMatchObject({ event: 'widget_view', widget_id: FORM });
  });

  it('sends no lead for a form-submit without a responseId, and one for the genuine submit that follows (positive control)', () => {
    installBridge();
    postMessageFrom(ORIGIN, { type: 'form-submit', formId: FORM });
    expect(eventNames()).toEqual(['widget_submit']);
    tick();
    postMessageFrom(ORIGIN, { type: 'form-submit', formId: FORM, responseId: 'resp1' });
    // The genuine submit is its own response's step, with its lead.
    expect(eventNames()).toEqual(['widget_submit', 'widget_submit', 'generate_lead']);
    expect(dataLayer()[2]).toMatchObject({ widget_interaction_id: 'resp1', lead_source: 'typeform' });
  });

  it('two embeds on one page: one push per message per embed, one submit and one lead per form', () => {
    installBridge();
    const first = frame('embed-widget');
    const second = frame('popup-blank');
    // The same form twice: only the package's per-embed id tells the two views apart.
    postFrom(first, ORIGIN, { type: 'form-ready', embedId: '111', formId: FORM, isClosed: false });
    postFrom(second, ORIGIN, { type: 'form-ready', embedId: '222', formId: FORM, isClosed: false });
    tick();
    postFrom(first, ORIGIN, { type: 'form-started', embedId: '111', formId: FORM, responseId: 'respA' });
    postFrom(second, ORIGIN, { type: 'form-started', embedId: '222', formId: FORM, responseId: 'respB' });
    tick();
    postFrom(first, ORIGIN, { type: 'form-submit', embedId: '111', formId: FORM, responseId: 'respA' });
    postFrom(second, ORIGIN, { type: 'form-submit', embedId: '222', formId: FORM, responseId: 'respB' });
    const pushes = dataLayer().map((push) => [push.event, push.widget_interaction_id]);
    expect(pushes).toEqual([
      ['widget_view', '111'],
      ['widget_view', '222'],
      ['widget_start', 'respA'],
      ['widget_start', 'respB'],
      ['widget_submit', 'respA'],
      ['generate_lead', 'respA'],
      ['widget_submit', 'respB'],
      ['generate_lead', 'respB'],
    ]);
  });

  it("names an embed by the package's digits-only embedId until a response exists, a leading 00 included; nothing else", () => {
    installBridge();
    postFrom(frame('embed-widget'), ORIGIN, { type: 'form-ready', embedId: '004180034437060165', formId: FORM });
    postFrom(frame('embed-widget'), ORIGIN, { type: 'form-ready', embedId: '12ab', formId: FORM });
    postFrom(frame('embed-widget'), ORIGIN, { type: 'form-ready', embedId: 4711, formId: 'Other' });
    expect(dataLayer().map((push) => push.widget_interaction_id)).toEqual(['004180034437060165', undefined, undefined]);
  });

  it('a form reloaded in its embed starts a new response: a second submit and lead', () => {
    installBridge();
    const embed = frame('embed-widget');
    for (const response of ['resp1', 'resp2']) {
      tick();
      postFrom(embed, ORIGIN, { type: 'form-ready', embedId: '1', formId: FORM });
      tick();
      postFrom(embed, ORIGIN, { type: 'form-started', embedId: '1', formId: FORM, responseId: response });
      tick();
      postFrom(embed, ORIGIN, { type: 'form-submit', embedId: '1', formId: FORM, responseId: response });
    }
    expect(eventNames()).toEqual([
      'widget_view',
      'widget_start',
      'widget_submit',
      'generate_lead',
      'widget_interaction',
      'widget_start',
      'widget_submit',
      'generate_lead',
    ]);
  });

  it('ignores form-close from an inline widget, which the package does not close, and pushes it from a popup (positive control)', () => {
    installBridge();
    const inline = frame('embed-widget');
    const popup = frame('popup-blank');
    postFrom(inline, ORIGIN, { type: 'form-close', embedId: '1', formId: FORM });
    expect(dataLayer()).toEqual([]);
    postFrom(popup, ORIGIN, { type: 'form-close', embedId: '2', formId: FORM });
    expect(eventNames()).toEqual(['widget_close']);
  });

  it('accepts configured extra origins exactly', () => {
    installBridge({ typeform: { origins: ['https://forms.example.com'] } });
    postMessageFrom('https://forms.example.com.evil.net', { type: 'form-ready', formId: FORM });
    expect(dataLayer()).toEqual([]);
    postMessageFrom('https://forms.example.com', { type: 'form-ready', formId: FORM });
    expect(eventNames()).toEqual(['widget_view']);
  });

  it('drops a malformed origin with a warning and keeps the valid ones', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    installBridge({ typeform: { origins: ['https://forms.example.com/', 'https://ok.example.com'] } });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls.flat().join(' ')).toContain('typeform.origins');
    // The malformed entry (a trailing slash is never a browser origin) matches nothing, even without its slash.
    postMessageFrom('https://forms.example.com', { type: 'form-ready', formId: FORM });
    expect(dataLayer()).toEqual([]);
    postMessageFrom('https://ok.example.com', { type: 'form-ready', formId: FORM });
    expect(eventNames()).toEqual(['widget_view']);
    // Typeform's own origin still counts.
    postMessageFrom(ORIGIN, { type: 'form-ready', formId: 'OtherForm1' });
    expect(dataLayer()).toHaveLength(2);
  });

  it('stops listening on uninstall', () => {
    const handle = installBridge();
    handle.uninstall();
    postMessageFrom(ORIGIN, { type: 'form-ready', formId: FORM });
    expect(dataLayer()).toEqual([]);
  });
});

describe('Typeform privacy', () => {
  /** Every field a message could carry, each holding personal data (every PLANTED fragment is used). */
  const planted = (type: string) => ({
    type,
    embedId: 'Jane Doe',
    formId: 'jane@x.test',
    responseId: '+1 555 0100 Smith',
    ref: 'secret question JANE',
    isClosed: false,
    height: 555,
    url: 'https://x.test/thanks?email=jane@x.test',
    target: '_parent',
    theme: { color: 'Ltd' },
    answers: [{ field: { ref: 'email' }, text: 'Hi there, my quote for enterprise', file_url: 'cv.pdf' }],
    hidden: { email: 'jane@x.test', name: 'Jane Doe', client_id: 'c-3f2a9d', user: 'c-77' },
    variables: { company: 'Talk to Smith Ltd' },
    email: 'jane@x.test',
  });

  it('puts no planted fragment in any push or log line, while every message is still pushed', () => {
    const logs = vi.spyOn(console, 'log').mockImplementation(() => {});
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => {});
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    installBridge({ debug: true });
    const embed = frame('popup-blank');
    for (const type of TYPEFORM_EVENTS) {
      tick();
      postFrom(embed, ORIGIN, planted(type));
    }
    // Positive control: each message was read and pushed.
    expect(
      dataLayer()
        .filter((push) => push.event != 'generate_lead')
        .map((push) => push.widget_action),
    ).toEqual(TYPEFORM_EVENTS);
    const pushed = JSON.stringify(dataLayer());
    const logged = JSON.stringify([logs.mock.calls, debug.mock.calls, info.mock.calls]);
    expect(logged.length).toBeGreaterThan(10);
    for (const fragment of PLANTED) {
      expect(pushed, fragment).not.toContain(fragment);
      expect(logged, fragment).not.toContain(fragment);
    }
  });

  it('positive control: the same fields with genuine ids are pushed', () => {
    installBridge();
    postMessageFrom(ORIGIN, { ...planted('form-submit'), embedId: '1', formId: FORM, responseId: 'resp1' });
    expect(dataLayer()[0]).toMatchObject({ widget_id: FORM, widget_interaction_id: 'resp1' });
    expect(eventNames()).toEqual(['widget_submit', 'generate_lead']);
  });
});
