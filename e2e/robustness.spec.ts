import { expect, test } from './test';
import { VENDOR_GLOBALS } from '../fixtures/vendorGlobals';
import {
  CDN_URL,
  CHILI_PIPER_CLOSE as close,
  CHILI_PIPER_URL,
  expectPushes,
  external,
  loadBridgeLate,
  openHost,
  postFrom,
  readEvents,
  type Variant,
} from './helpers';

const { event: _event, ...closeParams } = close;

for (const variant of ['iife', 'paste'] as Variant[]) {
  test(`the ${variant} build included twice installs once and pushes once`, async ({ page }) => {
    const { errors } = await openHost(page, { variant, copies: 2 });
    await postFrom(page, CHILI_PIPER_URL, { action: 'close' });
    await expectPushes(page, [close]);
    // A later genuine event proves the listener is still there, once.
    await postFrom(page, CHILI_PIPER_URL, { action: 'error' });
    await expect.poll(() => readEvents(page)).toEqual(['widget_close', 'widget_error']);
    expect(
      await page.evaluate(() => typeof (window as unknown as { gtmWidgetBridge: { uninstall: unknown } }).gtmWidgetBridge.uninstall),
    ).toBe('function');
    expect(errors).toEqual([]);
  });
}

test('the site reassigning window.dataLayer keeps receiving pushes', async ({ page }) => {
  const { errors } = await openHost(page);
  await postFrom(page, CHILI_PIPER_URL, { action: 'close' });
  await expect.poll(() => readEvents(page)).toEqual(['widget_close']);
  await page.evaluate(() => {
    (window as unknown as { oldLayer: unknown }).oldLayer = (window as unknown as { dataLayer: unknown }).dataLayer;
    (window as unknown as { dataLayer: unknown[] }).dataLayer = [{ event: 'site_reset' }];
  });
  await postFrom(page, CHILI_PIPER_URL, { action: 'error' });
  await expect.poll(() => readEvents(page)).toEqual(['site_reset', 'widget_error']);
  expect(await page.evaluate(() => (window as unknown as { oldLayer: unknown[] }).oldLayer.length)).toBe(1);
  expect(errors).toEqual([]);
});

test('a dataLayer.push replaced by the site (as GTM does) receives every push', async ({ page }) => {
  const siteScript = `
    window.dataLayer = [];
    window.seen = [];
    var originalPush = window.dataLayer.push;
    window.dataLayer.push = function () { window.seen.push(arguments[0].event); return originalPush.apply(window.dataLayer, arguments); };`;
  const { errors } = await openHost(page, { siteScript });
  await postFrom(page, CHILI_PIPER_URL, { action: 'booking-confirmed', args: { routeId: 'r1' } });
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { seen: unknown[] }).seen))
    .toEqual(['widget_complete', 'generate_lead']);
  expect(errors).toEqual([]);
});

test('a site whose dataLayer.push throws gets no page error, and later pushes still work', async ({ page }) => {
  const siteScript = `window.pushAttempts = 0; window.dataLayer = { push: function () { window.pushAttempts++; throw new Error('site push broke'); } };`;
  const { errors } = await openHost(page, { siteScript });
  await postFrom(page, CHILI_PIPER_URL, { action: 'close' });
  // postMessage is delivered asynchronously: replace the dataLayer only once the bridge has tried the throwing one.
  await expect.poll(() => page.evaluate(() => (window as unknown as { pushAttempts: number }).pushAttempts)).toBe(1);
  await page.evaluate(() => ((window as unknown as { dataLayer: unknown[] }).dataLayer = []));
  await postFrom(page, CHILI_PIPER_URL, { action: 'error' });
  await expect.poll(() => readEvents(page)).toEqual(['widget_error']);
  expect(errors).toEqual([]);
});

test('a bridge loaded after the booking frame still captures what follows', async ({ page }) => {
  const { errors } = await openHost(page, { variant: 'iife', copies: 0 });
  await postFrom(page, CHILI_PIPER_URL, { action: 'availability-loaded' }); // before the bridge: missed by design
  await loadBridgeLate(page);
  await postFrom(page, CHILI_PIPER_URL, { action: 'close' });
  await expectPushes(page, [close]);
  expect(errors).toEqual([]);
});

test('a custom dataLayer name and event prefix', async ({ page }) => {
  const { errors } = await openHost(page, { config: { dataLayerName: 'siteLayer', eventPrefix: 'chat_' } });
  await postFrom(page, CHILI_PIPER_URL, { action: 'close' });
  await expectPushes(page, [{ ...close, event: 'chat_close' }], [], 'siteLayer');
  expect(await page.evaluate(() => 'dataLayer' in window)).toBe(false);
  expect(errors).toEqual([]);
});

test('gtag output calls gtag("event", …) on a gtag.js site without GTM', async ({ page }) => {
  const siteScript = `window.dataLayer = []; function gtag(){ dataLayer.push(arguments); }`;
  const { errors } = await openHost(page, { siteScript, config: { output: 'gtag' } });
  await postFrom(page, CHILI_PIPER_URL, { action: 'close' });
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { dataLayer: IArguments[] }).dataLayer.map((args) => Array.from(args))))
    .toEqual([['event', 'widget_close', closeParams]]);
  expect(errors).toEqual([]);
});

test('the core with one vendor plugin listens to its vendor only and leaves the others untouched', async ({ page }) => {
  const { errors } = await openHost(page, { head: [external(`${CDN_URL}core.js`), external(`${CDN_URL}vendors/chili_piper.js`)] });
  await postFrom(page, CHILI_PIPER_URL, { action: 'close' });
  await expectPushes(page, [close]);
  const untouched = await page.evaluate((names) => names.filter((name) => name in window), [...VENDOR_GLOBALS]);
  expect(untouched).toEqual([]);
  // Its pushes carry the keys of its vendor, not the others'.
  const keys = await page.evaluate(() => Object.keys((window as unknown as { dataLayer: object[] }).dataLayer[0]));
  expect(keys).toContain('widget_slot_start');
  expect(keys).not.toContain('widget_operator_id');
  expect(errors).toEqual([]);
});

test('the all-vendor build hooks every vendor (control for the core with one plugin)', async ({ page }) => {
  await openHost(page);
  const hooked = await page.evaluate((names) => names.filter((name) => name in window), [...VENDOR_GLOBALS]);
  expect(hooked).toEqual(VENDOR_GLOBALS);
});

test('a bundler user importing core and one adapter gets that vendor only, and none of the others’ code', async ({ page }) => {
  const { build } = await import('esbuild');
  const result = await build({
    stdin: {
      contents:
        "import { install } from './dist/core.mjs'; import { chiliPiper } from './dist/vendors/chili_piper.mjs'; install({}, [chiliPiper]);",
      resolveDir: '.',
      loader: 'js',
    },
    bundle: true,
    minify: true,
    format: 'iife',
    write: false,
    logLevel: 'error',
  });
  const bundle = result.outputFiles[0].text;
  for (const other of ['userlikeTrackingEvent', 'onChatOpened', 'WebChatService']) expect(bundle).not.toContain(other);
  expect(bundle).toContain('chilipiper');
  const { errors } = await openHost(page, { head: [`<script>${bundle}</script>`] });
  await postFrom(page, CHILI_PIPER_URL, { action: 'close' });
  await expectPushes(page, [close]);
  expect(errors).toEqual([]);
});
