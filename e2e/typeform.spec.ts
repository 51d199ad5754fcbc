import { expect, test, type Frame, type Page } from './test';
import { BRIDGE, CDN_URL, expectPushes, external, inline, loadBridgeLate, openHost, waitForMessages, type Served } from './helpers';
import { vendorFile } from './vendorCode';
import { PLANTED } from '../fixtures/personalData';

// Typeform's own embed library (npm @typeform/embed, build/embed.js: the file its CDN serves as
// embed.typeform.com/next/embed.js, which sets window.tf) runs unchanged as the site's code, with the
// site's own callbacks. Only the form app is the mock: a page on https://form.typeform.com/to/<formId>
// that posts {type, embedId, formId, …} to the host, the shape the package's getForm…Handler reads
// (it matches `type` and the `typeform-embed-id` it put in the iframe URL, and hands the rest to the
// callback; README "Callbacks" lists each payload).
const EMBED_URL = 'https://embed.typeform.com/next/embed.js';
const FORM_ORIGIN = 'https://form.typeform.com';
const FORM_A = 'AaAaAaAa';
const FORM_B = 'BbBbBbBb';

/** The mock form app: `send(type, payload)` posts one message to the page, as the real form does. */
const FORM_PAGE = `<!doctype html><html><body><p>form</p><script>
  var query = new URLSearchParams(location.search);
  var formId = location.pathname.split('/').pop();
  window.send = function (type, payload) {
    var message = Object.assign({ type: type, embedId: query.get('typeform-embed-id'), formId: formId }, payload || {});
    parent.postMessage(message, '*');
  };
</script></body></html>`;

/** Serves the form app for every form URL and an empty stylesheet for the package's CSS. */
const serve = (request: { url(): string }): Served | undefined => {
  const url = request.url();
  if (url.startsWith(FORM_ORIGIN + '/to/')) return { contentType: 'text/html', body: FORM_PAGE };
  if (url.startsWith('https://embed.typeform.com/') && url.endsWith('.css')) return { contentType: 'text/css', body: '' };
  return undefined;
};

/**
 * The site's own integration: two inline widgets (forms A and B) and a popup (form B), each with the
 * site's callbacks, which record what the package hands them.
 */
const SITE = `
  window.siteCalls = [];
  var record = function (embed, name) { return function (event) { window.siteCalls.push([embed, name, event || null]); }; };
  var callbacks = function (embed) {
    return {
      onReady: record(embed, 'onReady'),
      onStarted: record(embed, 'onStarted'),
      onQuestionChanged: record(embed, 'onQuestionChanged'),
      onSubmit: record(embed, 'onSubmit'),
      onEndingButtonClick: record(embed, 'onEndingButtonClick'),
      onClose: record(embed, 'onClose'),
    };
  };
  document.body.insertAdjacentHTML('beforeend', '<div id="a" style="height:300px"></div><div id="b" style="height:300px"></div>');
  window.tf.createWidget('${FORM_A}', Object.assign({ container: document.getElementById('a') }, callbacks('A')));
  window.tf.createWidget('${FORM_B}', Object.assign({ container: document.getElementById('b') }, callbacks('B')));
  window.sitePopup = window.tf.createPopup('${FORM_B}', callbacks('popup'));
`;

/** The iframe of the embed whose URL carries `typeform-embed=<type>` and the form id. */
async function formFrame(page: Page, formId: string, type: string): Promise<Frame> {
  const prefix = `${FORM_ORIGIN}/to/${formId}?`;
  await expect
    .poll(() => page.frames().some((frame) => frame.url().startsWith(prefix) && frame.url().includes('typeform-embed=' + type)))
    .toBe(true);
  const frame = page
    .frames()
    .find((candidate) => candidate.url().startsWith(prefix) && candidate.url().includes('typeform-embed=' + type))!;
  await frame.waitForFunction(() => typeof (window as { send?: unknown }).send == 'function');
  return frame;
}

/** Time as the page sees it, so the pushes' `widget_elapsed_ms` is exact. */
const T0 = new Date('2026-01-05T10:00:00Z').getTime();

/** Posts one message from a form frame at page time T0 + `at` ms and waits until the page received it. */
async function send(page: Page, frame: Frame, at: number, type: string, payload: Record<string, unknown> = {}) {
  await page.clock.setFixedTime(T0 + at);
  const before = await page.evaluate(() => (window as unknown as { __received: unknown[] }).__received.length);
  await frame.evaluate(([t, p]) => (window as unknown as { send(t: string, p: unknown): void }).send(t as string, p), [
    type,
    payload,
  ] as const);
  await waitForMessages(page, before + 1);
}

const push = (stage: string, action: string, formId: string, id: string, elapsed: number, extra: Record<string, unknown> = {}) => ({
  event: 'widget_' + stage,
  widget_vendor: 'typeform',
  widget_product: 'form',
  widget_action: action,
  widget_stage: stage,
  widget_interaction_id: id,
  widget_id: formId,
  widget_elapsed_ms: elapsed,
  widget_schema: 1,
  ...extra,
});
const lead = (formId: string, id: string, elapsed: number) => ({
  ...push('submit', 'form-submit', formId, id, elapsed),
  event: 'generate_lead',
  lead_source: 'typeform',
});

/** Walks both inline forms to their submit, interleaved, with personal data in the fields the bridge never reads. */
async function fillBothForms(page: Page) {
  const a = await formFrame(page, FORM_A, 'embed-widget');
  const b = await formFrame(page, FORM_B, 'embed-widget');
  const ids = await Promise.all(
    [a, b].map((frame) => frame.evaluate(() => new URLSearchParams(location.search).get('typeform-embed-id')!)),
  );
  await send(page, a, 0, 'form-ready', { isClosed: false });
  await send(page, b, 0, 'form-ready', { isClosed: false });
  await send(page, a, 1000, 'form-started', { responseId: 'respA1' });
  await send(page, b, 1500, 'form-started', { responseId: 'respB1' });
  await send(page, a, 2000, 'form-screen-changed', { ref: 'email-of-Jane' });
  await send(page, a, 2000, 'form-height-changed', { ref: 'email-of-Jane', height: 555 });
  await send(page, b, 2500, 'form-screen-changed', { ref: 'secret' });
  await send(page, a, 3000, 'form-submit', {
    responseId: 'respA1',
    answers: ['Jane Doe', 'jane@x.test'],
    hidden: { email: 'jane@x.test' },
  });
  await send(page, b, 4000, 'form-submit', { responseId: 'respB1', answers: ['Hi there', 'my quote'] });
  await send(page, a, 5000, 'thank-you-screen-button-click', { ref: 'Talk to Smith Ltd' });
  return ids;
}

/** What the two forms push: each message of each embed once, one submit and one lead per form. */
const bothFormsPushes = ([idA, idB]: string[]) => [
  push('view', 'form-ready', FORM_A, idA, 0),
  push('view', 'form-ready', FORM_B, idB, 0),
  push('start', 'form-started', FORM_A, 'respA1', 1000),
  push('start', 'form-started', FORM_B, 'respB1', 1500),
  push('interaction', 'form-screen-changed', FORM_A, 'respA1', 2000),
  push('interaction', 'form-screen-changed', FORM_B, 'respB1', 2500),
  push('submit', 'form-submit', FORM_A, 'respA1', 3000),
  lead(FORM_A, 'respA1', 3000),
  push('submit', 'form-submit', FORM_B, 'respB1', 4000),
  lead(FORM_B, 'respB1', 4000),
  push('interaction', 'thank-you-screen-button-click', FORM_A, 'respA1', 5000),
];

/** What the package handed the site's own callbacks: each once, for its own embed only. */
const SITE_CALLS = [
  ['A', 'onReady', { formId: FORM_A, isClosed: false }],
  ['B', 'onReady', { formId: FORM_B, isClosed: false }],
  ['A', 'onStarted', { formId: FORM_A, responseId: 'respA1' }],
  ['B', 'onStarted', { formId: FORM_B, responseId: 'respB1' }],
  ['A', 'onQuestionChanged', { formId: FORM_A, ref: 'email-of-Jane' }],
  ['B', 'onQuestionChanged', { formId: FORM_B, ref: 'secret' }],
  ['A', 'onSubmit', { formId: FORM_A, responseId: 'respA1', answers: ['Jane Doe', 'jane@x.test'], hidden: { email: 'jane@x.test' } }],
  ['B', 'onSubmit', { formId: FORM_B, responseId: 'respB1', answers: ['Hi there', 'my quote'] }],
  ['A', 'onEndingButtonClick', { formId: FORM_A, ref: 'Talk to Smith Ltd' }],
];

const siteCalls = (page: Page) => page.evaluate(() => (window as unknown as { siteCalls: unknown[] }).siteCalls);

test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(T0);
});

test('bridge first, then @typeform/embed and the site: two embeds, exact pushes, the site’s callbacks each called once', async ({
  page,
}) => {
  const { errors } = await openHost(page, {
    frames: [],
    head: [BRIDGE, external(EMBED_URL), inline(`addEventListener('DOMContentLoaded', function () {${SITE}});`)],
    scripts: { [EMBED_URL]: vendorFile('@typeform/embed', 'build/embed.js') },
    serve,
  });
  const ids = await fillBothForms(page);
  await expectPushes(page, bothFormsPushes(ids), PLANTED);
  expect(await siteCalls(page)).toEqual(SITE_CALLS);
  expect(errors).toEqual([]);
});

test('@typeform/embed and the site first, the bridge loaded later: the same pushes and site calls', async ({ page }) => {
  const { errors } = await openHost(page, {
    frames: [],
    head: [external(EMBED_URL), inline(`addEventListener('DOMContentLoaded', function () {${SITE}});`)],
    scripts: { [EMBED_URL]: vendorFile('@typeform/embed', 'build/embed.js') },
    serve,
  });
  await formFrame(page, FORM_A, 'embed-widget');
  expect(await page.evaluate(() => 'gtmWidgetBridge' in window)).toBe(false);
  await loadBridgeLate(page);
  const ids = await fillBothForms(page);
  await expectPushes(page, bothFormsPushes(ids), PLANTED);
  expect(await siteCalls(page)).toEqual(SITE_CALLS);
  expect(errors).toEqual([]);
});

test('core.js + vendors/typeform.js: the popup closed from the form pushes close, the site’s onClose still called', async ({ page }) => {
  const { errors } = await openHost(page, {
    frames: [],
    head: [
      external(`${CDN_URL}core.js`),
      external(`${CDN_URL}vendors/typeform.js`),
      external(EMBED_URL),
      inline(`addEventListener('DOMContentLoaded', function () {${SITE}});`),
    ],
    scripts: { [EMBED_URL]: vendorFile('@typeform/embed', 'build/embed.js') },
    serve,
  });
  // Escape in an inline widget, no popup open: the package closes nothing, the bridge pushes nothing.
  const inlineB = await formFrame(page, FORM_B, 'embed-widget');
  await send(page, inlineB, 0, 'form-close');
  await page.evaluate(() => (window as unknown as { sitePopup: { open(): void } }).sitePopup.open());
  const popup = await formFrame(page, FORM_B, 'popup-blank');
  const popupId = await popup.evaluate(() => new URLSearchParams(location.search).get('typeform-embed-id')!);
  await send(page, popup, 0, 'form-ready', { isClosed: false });
  await send(page, popup, 1000, 'form-started', { responseId: 'respP1' });
  // Escape in the popup's form: the package closes the popup and calls the site's onClose.
  await send(page, popup, 2000, 'form-close');
  await expect.poll(() => page.evaluate(() => document.querySelectorAll('.tf-v1-popup').length)).toBe(0);
  await expectPushes(page, [
    push('view', 'form-ready', FORM_B, popupId, 0),
    push('start', 'form-started', FORM_B, 'respP1', 1000),
    push('close', 'form-close', FORM_B, 'respP1', 2000),
  ]);
  expect(await siteCalls(page)).toEqual([
    ['popup', 'onReady', { formId: FORM_B, isClosed: false }],
    ['popup', 'onStarted', { formId: FORM_B, responseId: 'respP1' }],
    ['popup', 'onClose', null],
  ]);
  expect(errors).toEqual([]);
});

test('look-alike origins posting the form messages push nothing; the genuine form is the control', async ({ page }) => {
  const spoofs = ['https://form.typeform.com.evil.net', 'https://evil-typeform.com', 'https://admin.typeform.com'];
  const { errors } = await openHost(page, {
    frames: spoofs.map((origin) => `${origin}/to/${FORM_A}`),
    serve: (request) =>
      spoofs.some((origin) => request.url().startsWith(origin))
        ? {
            contentType: 'text/html',
            body: `<script>window.send = function (m) { parent.postMessage(m, '*'); };</script>`,
          }
        : serve(request),
    head: [BRIDGE, external(EMBED_URL), inline(`addEventListener('DOMContentLoaded', function () {${SITE}});`)],
    scripts: { [EMBED_URL]: vendorFile('@typeform/embed', 'build/embed.js') },
  });
  const genuine = await formFrame(page, FORM_A, 'embed-widget');
  const embedId = await genuine.evaluate(() => new URLSearchParams(location.search).get('typeform-embed-id')!);
  let received = await page.evaluate(() => (window as unknown as { __received: unknown[] }).__received.length);
  for (const origin of spoofs) {
    const frame = page.frames().find((candidate) => candidate.url().startsWith(origin))!;
    await frame.evaluate((m) => (window as unknown as { send(m: unknown): void }).send(m), {
      type: 'form-submit',
      embedId,
      formId: FORM_A,
      responseId: 'spoof',
    });
    await waitForMessages(page, ++received);
  }
  expect(await page.evaluate(() => (window as unknown as { dataLayer?: unknown[] }).dataLayer || [])).toEqual([]);
  await send(page, genuine, 0, 'form-submit', { responseId: 'respA1' });
  await expectPushes(page, [push('submit', 'form-submit', FORM_A, 'respA1', 0, {}), lead(FORM_A, 'respA1', 0)].map(withoutElapsed));
  expect(errors).toEqual([]);
});

/** A push of a form whose form-ready the bridge never heard: no elapsed time. */
function withoutElapsed(expected: Record<string, unknown>) {
  const copy = { ...expected };
  delete copy.widget_elapsed_ms;
  return copy;
}
