import { expect, test, type Frame, type Page } from './test';
// The built package's own key list: every push must carry all of them.
import { SCHEMA_KEYS } from '../dist/index.mjs';
import { BRIDGE, CDN_URL, expectFullSchema, expectPushes, external, fixture, loadBridgeLate, openHost, waitForMessages } from './helpers';
import { PLANTED } from '../fixtures/personalData';
import { bundleFixtureApp } from './vendorCode';
import { DEMO_PORT } from '../playwright.config';

// The site's own integration is react-calendly (npm react-calendly 4.4.0, no official Calendly package exists):
// its InlineWidget builds the calendly.com iframe URL and its useCalendlyEventListener calls the site's
// handlers. It runs unchanged; only the calendly.com scheduling page is a mock that posts the messages
// Calendly documents (fixtures/calendly_frame.html).
const APP_URL = 'https://www.acme-shop.test/app.js';
const APP = `<script src="${APP_URL}" defer></script>`;
const CORE = external(`${CDN_URL}core.js`);
const PLUGIN = external(`${CDN_URL}vendors/calendly.js`);
/** Scheduling pages: Calendly's origin, and the look-alikes a hostile page could frame. */
const FRAME_HOSTS = /^https:\/\/(calendly\.com|calendly\.com\.evil\.net|evilcalendly\.com)\//;

const A_UUID = 'GBGBDCAADAEDCRZ2';
const B_UUID = 'FCHEECAABBQ7DK5X';
const uri = (uuid: string) => 'https://api.calendly.com/scheduled_events/' + uuid;
/** Personal data riding along in the booking's payload: the invitee URI and fields a future payload could add. */
const scheduled = (uuid: string) => ({
  event: 'calendly.event_scheduled',
  payload: {
    event: { uri: uri(uuid) },
    invitee: { uri: uri(uuid) + '/invitees/AAAAAAAAAAAAAAAA', name: 'Jane Doe', email: 'jane.doe@x.test' },
    questions_and_answers: [{ question: 'Anything else?', answer: 'Hi there, my quote is secret' }],
  },
});
const named = (name: string, payload: unknown = {}) => ({ event: 'calendly.' + name, payload });

let app = '';
test.beforeAll(async () => {
  app = await bundleFixtureApp('calendly-react-app.js');
});

/** The host page with the React app (two InlineWidgets) and `head` in order; waits for both scheduling iframes. */
async function openApp(page: Page, head: string[]) {
  const opened = await openHost(page, {
    frames: [],
    head,
    scripts: { [APP_URL]: app },
    serve: (request) => (FRAME_HOSTS.test(request.url()) ? { contentType: 'text/html', body: fixture('calendly_frame.html') } : undefined),
  });
  await expect.poll(() => schedulingFrames(page).length).toBe(2);
  const [a, b] = schedulingFrames(page);
  for (const frame of [a, b]) await frame.waitForFunction(() => typeof (window as { send?: unknown }).send == 'function');
  return { ...opened, a, b };
}

/** react-calendly's iframes, the profile page's first. */
const schedulingFrames = (page: Page): Frame[] =>
  page
    .frames()
    .filter((frame) => frame.url().startsWith('https://calendly.com/acme'))
    .sort((x, y) => x.url().length - y.url().length);

/** Posts `data` from the scheduling page in `frame` (a genuine cross-origin postMessage) and waits until the host received it. */
async function send(page: Page, frame: Frame, data: unknown) {
  const before = await page.evaluate(() => (window as unknown as { __received: unknown[] }).__received.length);
  await frame.evaluate((message) => (window as unknown as { send(data: unknown): void }).send(message), data);
  await waitForMessages(page, before + 1);
}

/** Two visitors' bookings interleaved in two embeds, with layout messages and a confirmation posted twice. */
async function bookInBothEmbeds(page: Page, a: Frame, b: Frame) {
  await send(page, a, named('profile_page_viewed'));
  await send(page, b, named('event_type_viewed'));
  await send(page, a, named('event_type_viewed'));
  await send(page, a, named('page_height', { height: '1200px' }));
  await send(page, b, named('page_height', { height: '980px' }));
  await send(page, a, named('date_and_time_selected'));
  await send(page, b, named('date_and_time_selected'));
  await send(page, a, scheduled(A_UUID));
  await send(page, a, scheduled(A_UUID)); // posted twice: one booking, one push, one lead
  await send(page, b, scheduled(B_UUID));
}

const common = { widget_vendor: 'calendly', widget_product: 'scheduling', widget_schema: 1 };
const booked = (uuid: string) =>
  ['widget_complete', 'generate_lead'].map((event) => ({
    event,
    ...common,
    widget_action: 'event_scheduled',
    widget_stage: 'complete',
    widget_interaction_id: uuid,
    widget_event_id: uuid,
    ...(event == 'generate_lead' ? { lead_source: 'calendly' } : {}),
  }));
const BOOKING_PUSHES = [
  { event: 'widget_view', ...common, widget_action: 'profile_page_viewed', widget_stage: 'view' },
  { event: 'widget_view', ...common, widget_action: 'event_type_viewed', widget_stage: 'view' },
  { event: 'widget_interaction', ...common, widget_action: 'event_type_viewed', widget_stage: 'interaction' },
  { event: 'widget_start', ...common, widget_action: 'date_and_time_selected', widget_stage: 'start' },
  { event: 'widget_start', ...common, widget_action: 'date_and_time_selected', widget_stage: 'start' },
  ...booked(A_UUID),
  ...booked(B_UUID),
];
const REFUTED = [...PLANTED, 'invitees', 'AAAAAAAAAAAAAAAA'];

/** What react-calendly handed the site's handlers: every message, page_height included, with the invitee for the site. */
const SITE_CALLS = [
  ['onProfilePageViewed', 'calendly.profile_page_viewed', 'https://calendly.com', null],
  ['onEventTypeViewed', 'calendly.event_type_viewed', 'https://calendly.com', null],
  ['onEventTypeViewed', 'calendly.event_type_viewed', 'https://calendly.com', null],
  ['onPageHeightResize', 'calendly.page_height', 'https://calendly.com', null],
  ['onPageHeightResize', 'calendly.page_height', 'https://calendly.com', null],
  ['onDateAndTimeSelected', 'calendly.date_and_time_selected', 'https://calendly.com', null],
  ['onDateAndTimeSelected', 'calendly.date_and_time_selected', 'https://calendly.com', null],
  ['onEventScheduled', 'calendly.event_scheduled', 'https://calendly.com', uri(A_UUID) + '/invitees/AAAAAAAAAAAAAAAA'],
  ['onEventScheduled', 'calendly.event_scheduled', 'https://calendly.com', uri(A_UUID) + '/invitees/AAAAAAAAAAAAAAAA'],
  ['onEventScheduled', 'calendly.event_scheduled', 'https://calendly.com', uri(B_UUID) + '/invitees/AAAAAAAAAAAAAAAA'],
];
const siteCalls = (page: Page) => page.evaluate(() => (window as unknown as { siteCalls: unknown[] }).siteCalls);

for (const order of ['bridge before react-calendly', 'bridge after react-calendly'] as const) {
  test(`${order}: two embeds, two bookings, exact dataLayer, the site's handlers unchanged, zero page errors`, async ({ page }) => {
    const { errors, a, b } = await openApp(page, order == 'bridge before react-calendly' ? [BRIDGE, APP] : [APP]);
    if (order == 'bridge after react-calendly') await loadBridgeLate(page);
    // react-calendly's own URL builder adds embed_domain, without which Calendly posts nothing.
    for (const frame of [a, b]) expect(new URL(frame.url()).searchParams.get('embed_domain')).toBe('1');
    await bookInBothEmbeds(page, a, b);
    await expectPushes(page, BOOKING_PUSHES, REFUTED);
    await expectFullSchema(page, SCHEMA_KEYS);
    expect(await siteCalls(page)).toEqual(SITE_CALLS);
    expect(errors).toEqual([]);
  });
}

test('core.js + vendors/calendly.js (plugin before the core): the same pushes', async ({ page }) => {
  const { errors, a, b } = await openApp(page, [APP, PLUGIN, CORE]);
  await bookInBothEmbeds(page, a, b);
  await expectPushes(page, BOOKING_PUSHES, REFUTED);
  expect(await siteCalls(page)).toEqual(SITE_CALLS);
  expect(errors).toEqual([]);
});

test('look-alike and opaque origins push nothing, though react-calendly hands them to the site; Calendly is the control', async ({
  page,
}) => {
  const { errors, a } = await openApp(page, [BRIDGE, APP]);
  const spoofs = ['https://calendly.com.evil.net/acme', 'https://evilcalendly.com/acme', 'sandbox:https://calendly.com/acme/sandboxed'];
  await page.evaluate((urls) => {
    for (const url of urls) {
      const frame = document.createElement('iframe');
      if (url.startsWith('sandbox:')) frame.setAttribute('sandbox', 'allow-scripts');
      frame.src = url.replace(/^sandbox:/, '') + '?embed_domain=1';
      document.body.appendChild(frame);
    }
  }, spoofs);
  const spoofFrames = () => page.frames().filter((frame) => /evil|sandboxed/.test(frame.url()));
  await expect.poll(() => spoofFrames().length).toBe(spoofs.length);
  for (const frame of spoofFrames()) {
    await frame.waitForFunction(() => typeof (window as { send?: unknown }).send == 'function');
    await send(page, frame, scheduled('SPOOFEDSPOOFED00'));
  }
  const received = await page.evaluate(() => (window as unknown as { __received: string[] }).__received);
  expect(received).toEqual(['https://calendly.com.evil.net', 'https://evilcalendly.com', 'null']);
  // react-calendly itself checks no origin: the site's onEventScheduled heard all three.
  expect(((await siteCalls(page)) as unknown[][]).map((call) => call[2])).toEqual(received);
  expect(await page.evaluate(() => (window as unknown as { dataLayer?: unknown[] }).dataLayer || [])).toEqual([]);
  await send(page, a, scheduled(A_UUID));
  await expectPushes(page, booked(A_UUID), ['SPOOFED']);
  expect(errors).toEqual([]);
});

// The playground of `npm start` (demo/serve.mjs, Playwright's webServer): the simulated Calendly page on the vendor origin.
test("the playground's Calendly panel turns a simulated booking into pushes and keeps the site's listener", async ({ page }) => {
  await page.goto(`http://127.0.0.1:${DEMO_PORT}/?widgets=calendly`);
  const panel = page.frameLocator('iframe[title="Simulated Calendly scheduling page"]');
  await panel.getByRole('button', { name: 'Run a whole booking' }).click();
  const calendlyPushes = () =>
    page.evaluate(() =>
      (window as unknown as { dataLayer: { event: string; widget_vendor: string; widget_action: string }[] }).dataLayer
        .filter((push) => push.widget_vendor == 'calendly')
        .map((push) => push.event + ' ' + push.widget_action),
    );
  await expect
    .poll(calendlyPushes)
    .toEqual([
      'widget_view profile_page_viewed',
      'widget_interaction event_type_viewed',
      'widget_start date_and_time_selected',
      'widget_complete event_scheduled',
      'generate_lead event_scheduled',
    ]);
  await expect(page.locator('#site-log')).toContainText('site Calendly listener heard calendly.event_scheduled');
  await panel.getByRole('button', { name: 'page_height (ignored)' }).click();
  await expect(page.locator('#log .push.suppressed')).toContainText('calendly "page_height": unknown event, ignored');
  expect(await calendlyPushes()).toHaveLength(5);
});
