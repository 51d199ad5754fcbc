import { expect, test, type Page } from './test';
import { BRIDGE, CDN_URL, expectPushes, external, inline, loadBridgeLate, openHost, type Served } from './helpers';
import { vendorFile } from './vendorCode';
import { PLANTED } from '../fixtures/personalData';

// Cal.com's own embed code (npm @calcom/embed-core, dist/embed/embed.js) runs unchanged, loaded by the
// snippet Cal.com's docs publish; only the booker iframe on https://app.cal.com is the mock. It posts what
// @calcom/embed-core's embed-iframe posts to the parent: `{originator: 'CAL', type, namespace, fullType, data}`
// with target origin '*' (events: https://cal.com/docs/developing/guides/embeds/embed-events).
const EMBED_URL = 'https://app.cal.com/embed/embed.js';
const CAL_ORIGIN = 'https://app.cal.com';
const LOOK_ALIKE_URL = 'https://app.cal.com.evil.test/acme/sales/embed';
/** A self-hosted Cal.com the site names in `calCom.origins`. */
const SELF_HOSTED_URL = 'https://cal.acme-shop.test/acme/sales/embed';

/** The vanilla snippet of Cal.com's docs ("Adding embed"), loading embed.js from app.cal.com. */
const SNIPPET = `(function (C, A, L) { let p = function (a, ar) { a.q.push(ar); }; let d = C.document; C.Cal = C.Cal || function () { let cal = C.Cal; let ar = arguments; if (!cal.loaded) { cal.ns = {}; cal.q = cal.q || []; d.head.appendChild(d.createElement("script")).src = A; cal.loaded = true; } if (ar[0] === L) { const api = function () { p(api, arguments); }; const namespace = ar[1]; api.q = api.q || []; if (typeof namespace === "string") { cal.ns[namespace] = cal.ns[namespace] || api; p(cal.ns[namespace], ar); p(cal, ["initNamespace", namespace]); } else p(cal, ar); return; } p(cal, ar); }; })(window, "${EMBED_URL}", "init");`;

/**
 * The site's own integration: two namespaced inline embeds, each with its own `Cal('on')` handler for every
 * action ('*'), recording what it heard.
 */
const SITE = `
window.__siteHeard = [];
${SNIPPET}
for (const ns of ['sales', 'support']) {
  Cal('init', ns, { origin: '${CAL_ORIGIN}' });
  Cal.ns[ns]('on', { action: '*', callback: (e) => window.__siteHeard.push(e.detail.namespace + ':' + e.detail.type) });
}
document.addEventListener('DOMContentLoaded', () => {
  for (const ns of ['sales', 'support']) {
    const box = document.createElement('div');
    box.id = 'cal-' + ns;
    document.body.append(box);
    Cal.ns[ns]('inline', { elementOrSelector: '#cal-' + ns, calLink: 'acme/' + ns });
  }
});`;

/** The mocked booker page: it only posts what the test hands it. */
const BOOKER_PAGE = '<!doctype html><title>Booker</title><script>window.post = (m) => parent.postMessage(m, "*");</script>';

const serve = (request: { url(): string }): Served | undefined => {
  const url = request.url();
  if (url == EMBED_URL) return { contentType: 'text/javascript', body: vendorFile('@calcom/embed-core', 'dist/embed/embed.js') };
  if (url.startsWith(CAL_ORIGIN + '/acme/') || url.startsWith(LOOK_ALIKE_URL) || url.startsWith(SELF_HOSTED_URL))
    return { contentType: 'text/html', body: BOOKER_PAGE };
  return undefined;
};

/** Opens the page with the site's embeds, the bridge where `head` puts BRIDGE, and waits for both booker iframes. */
async function openSite(page: Page, head: string[], config?: Record<string, unknown>) {
  const opened = await openHost(page, { frames: [], head, serve, config });
  for (const ns of ['sales', 'support'])
    await (await bookerFrame(page, CAL_ORIGIN + '/acme/' + ns)).waitForFunction(() => 'post' in window);
  return opened;
}

function bookerFrame(page: Page, prefix: string) {
  return expect
    .poll(() => page.frames().find((frame) => frame.url().startsWith(prefix)), { message: 'frame ' + prefix })
    .toBeTruthy()
    .then(() => page.frames().find((frame) => frame.url().startsWith(prefix))!);
}

/** Posts one Cal.com message from the embed's booker iframe and waits until the page received it. */
async function calPost(page: Page, ns: string, type: string, data: unknown = {}, from = CAL_ORIGIN + '/acme/' + ns) {
  const received = () => page.evaluate(() => (window as unknown as { __received: unknown[] }).__received.length);
  const before = await received();
  const frame = await bookerFrame(page, from);
  await frame.evaluate((message) => (window as unknown as { post(m: unknown): void }).post(message), {
    originator: 'CAL',
    type,
    namespace: ns,
    fullType: `CAL:${ns}:${type}`,
    data,
  });
  await expect.poll(received).toBeGreaterThan(before);
}

/** Adds an iframe of `src` to the page and waits until it can post. */
async function addFrame(page: Page, src: string) {
  await page.evaluate((url) => {
    const frame = document.createElement('iframe');
    frame.src = url;
    document.body.append(frame);
  }, src);
  await (await bookerFrame(page, src)).waitForFunction(() => 'post' in window);
}

const siteHeard = (page: Page) => page.evaluate(() => (window as unknown as { __siteHeard: string[] }).__siteHeard);

/** bookingSuccessfulV2 as documented, with the personal data a real booking carries. */
const booking = (uid: string) => ({
  uid,
  title: '30 Min Meeting between Jane Doe and Smith Ltd',
  startTime: '2030-03-04T10:00:00.000Z',
  endTime: '2030-03-04T10:45:00.000Z',
  eventTypeId: 1234,
  status: 'ACCEPTED',
  paymentRequired: false,
  isRecurring: false,
  videoCallUrl: 'https://cal.video/jane-doe-secret',
});

const push = (ns: string, stage: string, action: string, extra: Record<string, unknown> = {}) => ({
  event: stage == 'lead' ? 'generate_lead' : 'widget_' + stage,
  widget_vendor: 'cal_com',
  widget_product: 'booker',
  widget_action: action,
  widget_stage: stage == 'lead' ? 'complete' : stage,
  widget_id: ns,
  widget_schema: 1,
  ...extra,
});
const outcome = (uid: string) => ({
  widget_interaction_id: uid,
  widget_slot_start: '2030-03-04T10:00:00.000Z',
  widget_slot_end: '2030-03-04T10:45:00.000Z',
  widget_duration_minutes: 45,
});

/** One booking in the sales embed, as the booker reports it. */
async function bookSales(page: Page) {
  await calPost(page, 'sales', '__iframeReady', { isPrerendering: false });
  await calPost(page, 'sales', 'linkReady');
  await calPost(page, 'sales', 'bookerViewed', { eventId: 1234, eventSlug: 'demo', slotsLoaded: true });
  await calPost(page, 'sales', 'eventTypeSelected', { eventType: { title: 'Talk to Jane' } });
  await calPost(page, 'sales', 'bookingSuccessfulV2', booking('bk_sales1'));
  await calPost(page, 'sales', 'bookingSuccessfulV2', booking('bk_sales1')); // posted twice
}
const SALES_PUSHES = [
  push('sales', 'view', 'linkReady'),
  push('sales', 'interaction', 'bookerViewed'),
  push('sales', 'start', 'eventTypeSelected'),
  push('sales', 'complete', 'bookingSuccessfulV2', outcome('bk_sales1')),
  { ...push('sales', 'lead', 'bookingSuccessfulV2', outcome('bk_sales1')), lead_source: 'cal_com' },
];
const SALES_HEARD = ['sales:__iframeReady', 'sales:linkReady', 'sales:bookerViewed', 'sales:eventTypeSelected'].concat(
  Array(2).fill('sales:bookingSuccessfulV2'),
);

for (const [order, head] of [
  ['bridge before the Cal.com snippet', [BRIDGE, inline(SITE)]],
  ['bridge after the Cal.com snippet', [inline(SITE), BRIDGE]],
] as const) {
  test(`${order}: exact pushes from embed.js's iframe, the site's own Cal('on') handler still called`, async ({ page }) => {
    const { errors } = await openSite(page, [...head]);
    await bookSales(page);
    await expectPushes(page, SALES_PUSHES, [...PLANTED, 'cal.video']);
    expect(await siteHeard(page)).toEqual(SALES_HEARD);
    expect(errors).toEqual([]);
  });
}

test('bridge loaded late, after the embeds exist: later events pushed, the site handler unchanged', async ({ page }) => {
  const { errors } = await openSite(page, [inline(SITE)]);
  await calPost(page, 'sales', 'linkReady');
  expect(await page.evaluate(() => 'dataLayer' in window)).toBe(false);
  await loadBridgeLate(page);
  await calPost(page, 'sales', 'eventTypeSelected');
  await calPost(page, 'sales', 'bookingSuccessfulV2', booking('bk_late'));
  await expectPushes(page, [
    push('sales', 'start', 'eventTypeSelected'),
    push('sales', 'complete', 'bookingSuccessfulV2', outcome('bk_late')),
    { ...push('sales', 'lead', 'bookingSuccessfulV2', outcome('bk_late')), lead_source: 'cal_com' },
  ]);
  expect(await siteHeard(page)).toEqual(['sales:linkReady', 'sales:eventTypeSelected', 'sales:bookingSuccessfulV2']);
  expect(errors).toEqual([]);
});

test('two embeds: one push per event per embed, one lead per booking', async ({ page }) => {
  const { errors } = await openSite(page, [BRIDGE, inline(SITE)]);
  for (const ns of ['sales', 'support']) await calPost(page, ns, 'linkReady');
  for (const ns of ['sales', 'support']) await calPost(page, ns, 'eventTypeSelected');
  await calPost(page, 'sales', 'bookingSuccessfulV2', booking('bk_sales2'));
  await calPost(page, 'support', 'bookingSuccessfulV2', booking('bk_support2'));
  await calPost(page, 'support', 'rescheduleBookingSuccessfulV2', booking('bk_support3'));
  await expectPushes(page, [
    push('sales', 'view', 'linkReady'),
    push('support', 'view', 'linkReady'),
    push('sales', 'start', 'eventTypeSelected'),
    push('support', 'start', 'eventTypeSelected'),
    push('sales', 'complete', 'bookingSuccessfulV2', outcome('bk_sales2')),
    { ...push('sales', 'lead', 'bookingSuccessfulV2', outcome('bk_sales2')), lead_source: 'cal_com' },
    push('support', 'complete', 'bookingSuccessfulV2', outcome('bk_support2')),
    { ...push('support', 'lead', 'bookingSuccessfulV2', outcome('bk_support2')), lead_source: 'cal_com' },
    // The reschedule: a completed outcome, already reached in this embed, and no second lead.
    push('support', 'interaction', 'rescheduleBookingSuccessfulV2', outcome('bk_support3')),
  ]);
  expect(errors).toEqual([]);
});

test("a look-alike origin's frame: embed.js hands it to the site's Cal('on') handler, the bridge ignores it", async ({ page }) => {
  const { errors } = await openSite(page, [BRIDGE, inline(SITE)]);
  await addFrame(page, LOOK_ALIKE_URL);
  await calPost(page, 'sales', 'bookingSuccessfulV2', booking('bk_spoof'), LOOK_ALIKE_URL);
  await calPost(page, 'sales', 'linkFailed', { code: '404', msg: 'x', data: { url: LOOK_ALIKE_URL } }, LOOK_ALIKE_URL);
  // Cal.com's own listener checks no origin: the site's handler heard the spoofed booking (the difference)…
  expect(await siteHeard(page)).toEqual(['sales:bookingSuccessfulV2', 'sales:linkFailed']);
  // …the bridge pushed nothing.
  expect(await page.evaluate(() => (window as unknown as { dataLayer?: unknown[] }).dataLayer || [])).toEqual([]);
  // Positive control: the same message from the genuine booker iframe is pushed.
  await calPost(page, 'sales', 'bookingSuccessfulV2', booking('bk_genuine'));
  await expectPushes(page, [
    push('sales', 'complete', 'bookingSuccessfulV2', outcome('bk_genuine')),
    { ...push('sales', 'lead', 'bookingSuccessfulV2', outcome('bk_genuine')), lead_source: 'cal_com' },
  ]);
  expect(errors).toEqual([]);
});

test('core.js + vendors/cal_com.js: the plugin file alone hears the embed, a self-hosted origin added by config', async ({ page }) => {
  const { errors } = await openSite(page, [
    inline(`window.gtmWidgetBridgeConfig = ${JSON.stringify({ calCom: { origins: ['https://cal.acme-shop.test'] } })};`),
    external(`${CDN_URL}vendors/cal_com.js`),
    external(`${CDN_URL}core.js`),
    inline(SITE),
  ]);
  await bookSales(page);
  await expectPushes(page, SALES_PUSHES, [...PLANTED, 'cal.video']);
  // The plugin's keys and no other vendor's.
  const keys = await page.evaluate(() => Object.keys((window as unknown as { dataLayer: object[] }).dataLayer[0]));
  expect(keys).toEqual(expect.arrayContaining(['widget_id', 'widget_slot_start', 'widget_duration_minutes']));
  expect(keys).not.toContain('widget_assignee_id');
  expect(await siteHeard(page)).toEqual(SALES_HEARD);
  // The configured self-hosted origin is heard; an origin nobody configured is not (the look-alike test).
  await addFrame(page, SELF_HOSTED_URL);
  await calPost(page, 'sales', 'bookingCancelled', { booking: { title: 'Jane Doe' } }, SELF_HOSTED_URL);
  await expectPushes(page, [...SALES_PUSHES, push('sales', 'cancel', 'bookingCancelled')], [...PLANTED, 'cal.video']);
  expect(errors).toEqual([]);
});
