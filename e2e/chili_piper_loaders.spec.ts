import { expect, test } from './test';
import { BRIDGE, expectPushes, external, openHost } from './helpers';
import {
  BOOKING,
  FIRE_URL,
  ROUTE,
  LEGACY_URL,
  book,
  bookingFrame,
  common,
  confirmedArgs,
  legacySite,
  popupFrames,
  send,
  serveChiliPiper,
  settle,
} from './chiliPiperLoaders';
import { PLANTED } from '../fixtures/personalData';

const PERSONAL = PLANTED;

test('legacy marketing.js: one booking is open, start, complete + lead; Escape with closeOnOutside closes the popup and pushes close', async ({
  page,
}) => {
  const posted: unknown[] = [];
  const { errors } = await openHost(page, {
    frames: [],
    head: [BRIDGE, external(LEGACY_URL), legacySite('closeOnOutside: true,')],
    serve: serveChiliPiper(posted),
  });
  const frame = await bookingFrame(page, 'https://acme.chilipiper.com/book/');
  await book(frame);
  await expectPushes(page, BOOKING, PERSONAL);
  // The site's own integration is intact: the loader still handed the booking to its onSuccess.
  expect(await page.evaluate(() => (window as unknown as { siteSuccess: unknown[] }).siteSuccess)).toEqual([confirmedArgs]);
  expect(JSON.stringify(posted)).toContain('jane.doe@example.com'); // the loader sent the lead to Chili Piper, not to the dataLayer

  await send(frame, { action: 'esc' });
  await expect.poll(() => popupFrames(page)).toBe(0); // the loader closed its popup…
  await expectPushes(page, [...BOOKING, { event: 'widget_close', ...common, widget_action: 'esc', widget_stage: 'close' }], PERSONAL); // …and so close is pushed
  expect(errors).toEqual([]);
});

test('legacy marketing.js: a malformed booking-confirmed, then the genuine one: both pushed, exactly one lead, with the genuine routeId', async ({
  page,
}) => {
  const { errors } = await openHost(page, { frames: [], head: [BRIDGE, external(LEGACY_URL), legacySite('')], serve: serveChiliPiper([]) });
  const frame = await bookingFrame(page, 'https://acme.chilipiper.com/book/');
  await send(frame, { action: 'routing' });
  await send(frame, { action: 'booking-confirmed' }); // a half-loaded or buggy booking app: no ids
  await send(frame, { action: 'booking-confirmed', args: confirmedArgs });
  const [, genuineComplete, genuineLead] = BOOKING.slice(-3);
  await expectPushes(
    page,
    [
      BOOKING[0],
      { event: 'widget_complete', ...common, widget_action: 'booking-confirmed', widget_stage: 'complete' },
      { ...genuineComplete, event: 'widget_interaction', widget_stage: 'interaction' },
      genuineLead,
    ],
    PERSONAL,
  );
  // The loader itself heard both: it handed each one's args to the site's onSuccess.
  expect(await page.evaluate(() => (window as unknown as { siteSuccess: unknown[] }).siteSuccess)).toEqual([undefined, confirmedArgs]);

  // Positive control: the same genuine confirmation alone, in the next booking, is the complete step with its lead.
  await send(frame, { action: 'close' });
  await expect.poll(() => popupFrames(page)).toBe(0);
  await page.evaluate(() =>
    (window as unknown as { ChiliPiper: { submit(...a: unknown[]): void } }).ChiliPiper.submit('acme', 'demo', { lead: {} }),
  );
  const next = await bookingFrame(page, 'https://acme.chilipiper.com/book/', [frame]);
  const other = { ...confirmedArgs, routeId: 'b1b2c3d4e5f60718293a4b5d' };
  await send(next, { action: 'booking-confirmed', args: other });
  const leads = async () =>
    (await page.evaluate(() => (window as unknown as { dataLayer: Record<string, unknown>[] }).dataLayer))
      .filter((push) => push.event == 'generate_lead')
      .map((push) => push.widget_interaction_id);
  await expect.poll(leads).toEqual([ROUTE, other.routeId]);
  const last = (await page.evaluate(() => (window as unknown as { dataLayer: Record<string, unknown>[] }).dataLayer)).slice(-2);
  expect(last.map((push) => [push.event, push.widget_interaction_id])).toEqual([
    ['widget_complete', other.routeId],
    ['generate_lead', other.routeId],
  ]);
  expect(errors).toEqual([]);
});

test('legacy marketing.js: Escape without closeOnOutside closes nothing and pushes nothing; the back button closes and pushes close', async ({
  page,
}) => {
  const { errors } = await openHost(page, { frames: [], head: [BRIDGE, external(LEGACY_URL), legacySite('')], serve: serveChiliPiper([]) });
  const frame = await bookingFrame(page, 'https://acme.chilipiper.com/book/');
  await send(frame, { action: 'routing' });
  await send(frame, { action: 'esc' });
  await settle(page);
  expect(await popupFrames(page)).toBe(1);
  await expectPushes(page, [BOOKING[0]]);
  await send(frame, { message: 'CP_BACK_PRESSED', action: 'CLOSE_IFRAME' });
  await expect.poll(() => popupFrames(page)).toBe(0);
  await expectPushes(page, [BOOKING[0], { event: 'widget_close', ...common, widget_action: 'CLOSE_IFRAME', widget_stage: 'close' }]);
  expect(errors).toEqual([]);
});

test('concierge.js on chilipiper.io: nothing from the preloaded hidden iframe, the booking once shown, close, nothing from the next hidden one', async ({
  page,
}) => {
  const { errors } = await openHost(page, {
    frames: [],
    head: [
      BRIDGE,
      '<form id="demo-form"><input name="email" value="jane.doe@example.com"><input name="firstname" value="Jane"><button type="submit">Book a demo</button></form>',
      `<script type="module" src="${FIRE_URL}"></script>`,
      `<script type="module">window.siteSuccess = []; ChiliPiper.scheduling('acme', 'demo', { formId: 'demo-form', onSuccess: function (args) { siteSuccess.push(args); } });</script>`,
    ],
    serve: serveChiliPiper([]),
  });
  const preloaded = await bookingFrame(page, 'https://acme.chilipiper.io/concierge-router/demo');
  const frameHeight = () =>
    page.evaluate(() => (document.querySelector('iframe.chilipiper-frame') as HTMLIFrameElement).getBoundingClientRect().height);
  expect(await frameHeight()).toBe(0);
  // The booking app runs in the hidden iframe before the visitor asked for anything: not a visitor step.
  await send(preloaded, { action: 'routing' });
  await send(preloaded, { action: 'availability-loaded', args: { routeId: ROUTE } });
  await settle(page);
  await expectPushes(page, []);

  await page.getByRole('button', { name: 'Book a demo' }).click(); // the loader shows the iframe
  await expect.poll(frameHeight).toBeGreaterThan(100);
  await book(preloaded);
  await expectPushes(page, BOOKING, PERSONAL);
  expect(await page.evaluate(() => (window as unknown as { siteSuccess: unknown[] }).siteSuccess)).toEqual([confirmedArgs]);

  await send(preloaded, { action: 'close' }); // the loader removes the iframe and preloads a new hidden one
  const next = await bookingFrame(page, 'https://acme.chilipiper.io/concierge-router/demo', [preloaded]);
  await send(next, { action: 'routing' });
  await send(next, { action: 'availability-loaded', args: { routeId: 'another-route' } });
  await settle(page);
  await expectPushes(page, [...BOOKING, { event: 'widget_close', ...common, widget_action: 'close', widget_stage: 'close' }], PERSONAL);
  expect(errors).toEqual([]);
});

test('legacy marketing.js, fire layout: the same booking; the only page error is the loader’s own, with or without the bridge', async ({
  page,
  pageErrors,
}) => {
  const head = [BRIDGE, external(LEGACY_URL), legacySite('')];
  const { errors } = await openHost(page, { frames: [], head, serve: serveChiliPiper([], 'fire') });
  const frame = await bookingFrame(page, 'https://acme.chilipiper.com/book/');
  await book(frame);
  await expectPushes(page, BOOKING, PERSONAL);
  // The fire popup has no #chilipiper-frame, which the loader's own inline script sets onload on.
  const loaderError = ["Cannot set properties of null (setting 'onload')"];
  expect(errors.map((error) => error.message)).toEqual(loaderError);
  const withoutBridge = await openHost(page, { frames: [], head: head.slice(1), serve: serveChiliPiper([], 'fire') });
  await bookingFrame(page, 'https://acme.chilipiper.com/book/');
  expect(withoutBridge.errors.map((error) => error.message)).toEqual(loaderError);
  // Expected, and the vendor's: taken out of what the page-error fixture checks.
  expect(pageErrors.splice(0).map((error) => error.message)).toEqual([...loaderError, ...loaderError]);
});
