import { expect, test, type Page } from './test';
import { BRIDGE, CDN_URL, expectPushes, external, fixture, inline, openHost } from './helpers';
import { PLANTED } from '../fixtures/personalData';

// Tidio publishes no client code on npm: the widget script (https://code.tidio.co/<public key>.js) is the mock
// fixtures/tidio-widget.js, in the shapes Tidio's docs give (https://developers.tidio.com/docs/widget-listeners-events,
// https://docs.tidio.com/): window.tidioChatApi with on(name, fn) once loaded, and tidioChat-<name> events on document.
const WIDGET_URL = 'https://code.tidio.co/demo-public-key.js';
const PERSONAL = PLANTED;

/** The site's own listeners, both ways Tidio's docs show ("Fully loading Tidio Chat"), recording what they hear. */
const SITE = inline(`window.siteHeard = [];
  function onTidioChatApiReady() {
    window.tidioChatApi.on('preFormFilled', function (data) { siteHeard.push('api preFormFilled ' + data.form_data.email); });
  }
  if (window.tidioChatApi) window.tidioChatApi.on('ready', onTidioChatApiReady);
  else document.addEventListener('tidioChat-ready', onTidioChatApiReady);
  document.addEventListener('tidioChat-open', function () { siteHeard.push('document open'); });
  document.addEventListener('tidioChat-ready', function () { window.tidioReady = true; });`);

const trigger = (page: Page, name: string, payload?: string) =>
  page.evaluate(
    ([event, key]) => {
      const tidio = (window as unknown as { __tidio: { trigger(n: string, d?: unknown): void; payloads: Record<string, unknown> } })
        .__tidio;
      tidio.trigger(event!, key ? (tidio.payloads[key] ?? key) : undefined);
    },
    [name, payload],
  );
const call = (page: Page, method: 'open' | 'close') =>
  page.evaluate((name) => (window as unknown as { tidioChatApi: Record<string, () => void> }).tidioChatApi[name](), method);
const siteHeard = (page: Page) => page.evaluate(() => (window as unknown as { siteHeard: string[] }).siteHeard);

const common = { widget_vendor: 'tidio', widget_product: 'chat_widget', widget_schema: 1 };

async function chat(page: Page) {
  await call(page, 'open');
  await trigger(page, 'conversationStart');
  await trigger(page, 'preFormFilled', 'preForm');
  await trigger(page, 'messageFromVisitor', 'visitorMessage');
  await trigger(page, 'messageFromOperator', 'operatorMessage');
  await trigger(page, 'messageFromVisitor', 'visitorMessage');
  await trigger(page, 'setStatus', 'offline');
  await call(page, 'close');
}

const CHAT_PUSHES = [
  { event: 'widget_open', ...common, widget_action: 'open', widget_stage: 'open' },
  { event: 'widget_start', ...common, widget_action: 'conversationStart', widget_stage: 'start' },
  { event: 'widget_submit', ...common, widget_action: 'preFormFilled', widget_stage: 'submit', widget_email_provided: true },
  {
    event: 'generate_lead',
    ...common,
    widget_action: 'preFormFilled',
    widget_stage: 'submit',
    widget_email_provided: true,
    lead_source: 'tidio',
  },
  { event: 'widget_interaction', ...common, widget_action: 'messageFromVisitor', widget_stage: 'interaction' },
  { event: 'widget_interaction', ...common, widget_action: 'messageFromOperator', widget_stage: 'interaction' },
  {
    event: 'widget_unavailable',
    ...common,
    widget_action: 'setStatus:offline',
    widget_stage: 'unavailable',
    widget_availability: 'offline',
  },
  { event: 'widget_close', ...common, widget_action: 'close', widget_stage: 'close' },
];

test('Tidio, bridge first: every event once though it arrives both ways, the site listeners intact, no personal data', async ({ page }) => {
  const { errors } = await openHost(page, {
    frames: [],
    head: [BRIDGE, SITE, external(WIDGET_URL)],
    scripts: { [WIDGET_URL]: fixture('tidio-widget.js') },
  });
  await page.waitForFunction(() => (window as unknown as { dataLayer?: unknown[] }).dataLayer?.length === 1);
  await chat(page);
  await expectPushes(page, [{ event: 'widget_view', ...common, widget_action: 'ready', widget_stage: 'view' }, ...CHAT_PUSHES], PERSONAL);
  // Positive control: the site's own handler got the address the pushes leave out.
  expect(await siteHeard(page)).toEqual(['document open', 'api preFormFilled Jane.Doe@x.test']);
  expect(errors).toEqual([]);
});

test('core.js + vendors/tidio.js after the widget was ready, with hashEmail: the rest of the visit, the lead hashed', async ({ page }) => {
  const { errors } = await openHost(page, {
    frames: [],
    head: [SITE, external(WIDGET_URL)],
    scripts: { [WIDGET_URL]: fixture('tidio-widget.js') },
  });
  await page.waitForFunction(() => (window as unknown as { tidioReady?: boolean }).tidioReady === true);
  await page.evaluate(() => ((window as unknown as Record<string, unknown>).gtmWidgetBridgeConfig = { hashEmail: true }));
  await page.addScriptTag({ url: `${CDN_URL}vendors/tidio.js` });
  await page.addScriptTag({ url: `${CDN_URL}core.js` });
  await chat(page);
  const hash = await page.evaluate(async () =>
    Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode('jane.doe@x.test'))))
      .map((byte) => byte.toString(16).padStart(2, '0'))
      .join(''),
  );
  const expected = CHAT_PUSHES.map((push) =>
    push.event == 'generate_lead' ? { ...push, user_data: { sha256_email_address: hash } } : push,
  );
  await expectPushes(page, expected, PERSONAL);
  expect(errors).toEqual([]);
});

test('Tidio delivering by the document only (before tidioChatApi exists, or a widget without on): pushed once each', async ({ page }) => {
  const { errors } = await openHost(page, {
    frames: [],
    head: [inline(`window.__tidioWays = 'document';`), BRIDGE, external(WIDGET_URL)],
    scripts: { [WIDGET_URL]: fixture('tidio-widget.js') },
  });
  await page.waitForFunction(() => (window as unknown as { dataLayer?: unknown[] }).dataLayer?.length === 1);
  await chat(page);
  await expectPushes(page, [{ event: 'widget_view', ...common, widget_action: 'ready', widget_stage: 'view' }, ...CHAT_PUSHES], PERSONAL);
  expect(errors).toEqual([]);
});
