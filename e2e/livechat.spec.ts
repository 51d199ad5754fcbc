import { expect, test, type Page } from './test';
import { BRIDGE, CDN_URL, expectPushes, external, fixture, inline, loadBridgeLate, openHost } from './helpers';
import { PLANTED } from '../fixtures/personalData';
import { bundleFixtureApp } from './vendorCode';

// LiveChat's official adapter core (npm @livechat/widget-core 1.4.1) runs unchanged in the site's app:
// it builds window.LiveChatWidget (the tracking code's queue), subscribes the site's handlers and loads
// https://cdn.livechatinc.com/tracking.js. Only that remote widget is the mock (fixtures/livechat-tracking.js,
// in the shapes the Chat Widget JavaScript API page and widget-core read).
const APP_URL = 'https://www.acme-shop.test/app.js';
const TRACKING_URL = 'https://cdn.livechatinc.com/tracking.js';
const PERSONAL = PLANTED;

let app = '';
test.beforeAll(async () => {
  app = await bundleFixtureApp('livechat-widget-core-app.js');
});

const scripts = () => ({ [APP_URL]: app, [TRACKING_URL]: fixture('livechat-tracking.js') });

/** Loads the widget through the site's app, and waits for it to be up (its ready event sent). */
async function mount(page: Page) {
  await page.evaluate(() => (window as unknown as { site: { mount(): void } }).site.mount());
  await page.waitForFunction(() =>
    (window as unknown as { site: { heard: string[] } }).site.heard.some((line) => line.startsWith('ready')),
  );
}

/** Plays a visitor's step in the simulated widget. */
async function emit(page: Page, name: string, payload: unknown) {
  await page.evaluate(
    ([event, data]) => (window as unknown as { __livechat: { emit(n: unknown, p: unknown): void } }).__livechat.emit(event, data),
    [name, payload],
  );
}
const payload = (page: Page, name: string) =>
  page.evaluate((key) => (window as unknown as { __livechat: { payloads: Record<string, unknown> } }).__livechat.payloads[key], name);
const call = (page: Page, name: string) =>
  page.evaluate((method) => (window as unknown as { LiveChatWidget: { call(m: string): void } }).LiveChatWidget.call(method), name);
const siteHeard = (page: Page) => page.evaluate(() => (window as unknown as { site: { heard: string[] } }).site.heard);

const common = { widget_vendor: 'livechat', widget_product: 'chat_widget', widget_interaction_id: 'QX7LC2', widget_schema: 1 };

async function chat(page: Page) {
  await call(page, 'maximize');
  await emit(page, 'form_submitted', { type: 'prechat' });
  await emit(page, 'new_event', await payload(page, 'customerMessage'));
  await emit(page, 'new_event', await payload(page, 'agentMessage'));
  await emit(page, 'new_event', await payload(page, 'customerMessage'));
  await emit(page, 'rating_submitted', 'good');
  await call(page, 'minimize');
}

const CHAT_PUSHES = [
  { event: 'widget_open', ...common, widget_action: 'visibility_changed:maximized', widget_stage: 'open' },
  { event: 'widget_submit', ...common, widget_action: 'form_submitted:prechat', widget_stage: 'submit', widget_item_type: 'prechat' },
  {
    event: 'generate_lead',
    ...common,
    widget_action: 'form_submitted:prechat',
    widget_stage: 'submit',
    widget_item_type: 'prechat',
    lead_source: 'livechat',
  },
  { event: 'widget_interaction', ...common, widget_action: 'new_event:customer', widget_stage: 'interaction', widget_item_type: 'message' },
  { event: 'widget_interaction', ...common, widget_action: 'new_event:agent', widget_stage: 'interaction', widget_item_type: 'message' },
  { event: 'widget_interaction', ...common, widget_action: 'rating_submitted', widget_stage: 'interaction', widget_rating: 'good' },
  { event: 'widget_close', ...common, widget_action: 'visibility_changed:minimized', widget_stage: 'close' },
];

test('@livechat/widget-core, bridge first: every event pushed once, the site handlers intact, no personal data', async ({ page }) => {
  const { errors } = await openHost(page, { frames: [], head: [BRIDGE, external(APP_URL)], scripts: scripts() });
  await mount(page);
  await chat(page);
  await expectPushes(
    page,
    [{ event: 'widget_view', ...common, widget_action: 'ready', widget_stage: 'view', widget_availability: 'online' }, ...CHAT_PUSHES],
    PERSONAL,
  );
  // Positive control: the site's own handlers got the personal data the pushes leave out.
  expect(await siteHeard(page)).toEqual([
    'ready online',
    'visibility maximized',
    'form prechat',
    'new_event customer Hi there',
    'new_event agent my quote',
    'new_event customer Hi there',
    'visibility minimized',
  ]);
  expect(errors).toEqual([]);
});

test('core.js + vendors/livechat.js loaded after the widget: the rest of the visit pushed, ready missed by nature', async ({ page }) => {
  const { errors } = await openHost(page, { frames: [], head: [external(APP_URL)], scripts: scripts() });
  await mount(page);
  await page.addScriptTag({ url: `${CDN_URL}vendors/livechat.js` });
  await page.addScriptTag({ url: `${CDN_URL}core.js` });
  await chat(page);
  await expectPushes(page, CHAT_PUSHES, PERSONAL);
  expect(await siteHeard(page)).toHaveLength(7);
  expect(errors).toEqual([]);
});

test('@livechat/widget-core destroy and a new widget (a route change): subscribed again, once, the site handlers once each', async ({
  page,
}) => {
  const { errors } = await openHost(page, { frames: [], head: [BRIDGE, external(APP_URL)], scripts: scripts() });
  await mount(page);
  await call(page, 'maximize');
  await page.evaluate(() => (window as unknown as { site: { unmount(): void } }).site.unmount());
  await page.waitForTimeout(1100); // the new widget comes later than the core's one-second duplicate window
  await mount(page);
  const subscribers = await page.evaluate(() =>
    ['ready', 'visibility_changed', 'new_event', 'rating_submitted'].map((name) =>
      (window as unknown as { __livechat: { subscribers(n: string): number } }).__livechat.subscribers(name),
    ),
  );
  // The bridge's handler, and the site's for the events it handles: once each.
  expect(subscribers).toEqual([2, 2, 2, 1]);
  await emit(page, 'new_event', await payload(page, 'customerMessage'));
  await call(page, 'minimize');
  await expectPushes(
    page,
    [
      { event: 'widget_view', ...common, widget_action: 'ready', widget_stage: 'view', widget_availability: 'online' },
      { event: 'widget_open', ...common, widget_action: 'visibility_changed:maximized', widget_stage: 'open' },
      { event: 'widget_interaction', ...common, widget_action: 'ready', widget_stage: 'interaction', widget_availability: 'online' },
      { event: 'widget_start', ...common, widget_action: 'new_event:customer', widget_stage: 'start', widget_item_type: 'message' },
      { event: 'widget_close', ...common, widget_action: 'visibility_changed:minimized', widget_stage: 'close' },
    ],
    PERSONAL,
  );
  expect(await siteHeard(page)).toEqual([
    'ready online',
    'visibility maximized',
    'ready online',
    'new_event customer Hi there',
    'visibility minimized',
  ]);
  expect(errors).toEqual([]);
});

test('the documented tracking code, bridge loaded late in the all-vendor build: pushes from then on, the greeting proactive', async ({
  page,
}) => {
  // The install snippet of LiveChat's JavaScript API page, in its shape: a queue object, tracking.js loaded at once.
  const trackingCode = inline(`window.__lc = { license: 12345678 };
    (function (w, d, slice) {
      function handle(args) { return api._h ? api._h.apply(null, args) : api._q.push(args); }
      var api = {
        _q: [], _h: null, _v: '2.0',
        on: function () { handle(['on', slice.call(arguments)]); },
        once: function () { handle(['once', slice.call(arguments)]); },
        off: function () { handle(['off', slice.call(arguments)]); },
        get: function () { if (!api._h) throw new Error("[LiveChatWidget] You can't use getters before load."); return handle(['get', slice.call(arguments)]); },
        call: function () { handle(['call', slice.call(arguments)]); },
        init: function () { var s = d.createElement('script'); s.async = true; s.src = '${TRACKING_URL}'; d.head.appendChild(s); },
      };
      if (!w.__lc.asyncInit) api.init();
      w.LiveChatWidget = w.LiveChatWidget || api;
    })(window, document, [].slice);
    window.siteGreetings = [];
    LiveChatWidget.on('greeting_displayed', function (greeting) { siteGreetings.push(greeting.id); });`);
  const { errors } = await openHost(page, { frames: [], head: [trackingCode], scripts: scripts() });
  await page.waitForFunction(() => '__livechat' in window);
  await loadBridgeLate(page);
  await emit(page, 'greeting_displayed', await payload(page, 'greeting'));
  await emit(page, 'availability_changed', { availability: 'offline' });
  await expectPushes(
    page,
    [
      {
        event: 'widget_interaction',
        ...common,
        widget_action: 'greeting_displayed',
        widget_stage: 'interaction',
        widget_proactive: true,
        widget_trigger_id: '12',
      },
      {
        event: 'widget_unavailable',
        ...common,
        widget_action: 'availability_changed:offline',
        widget_stage: 'unavailable',
        widget_availability: 'offline',
      },
    ],
    PERSONAL,
  );
  expect(await page.evaluate(() => (window as unknown as { siteGreetings: number[] }).siteGreetings)).toEqual([12]);
  expect(errors).toEqual([]);
});
