import { expect, test, type Page } from './test';
import {
  BRIDGE,
  CHILI_PIPER_CLOSE as close,
  CHILI_PIPER_URL,
  expectPushes,
  inline,
  openHost,
  postFrom,
  readEvents,
  type Variant,
} from './helpers';

// Pages that other scripts have made hostile, against the built files: each case pushes exactly what it
// should (positive control) and breaks nothing.
const VARIANTS: Variant[] = ['iife', 'paste', 'esm'];
const { event: _event, ...closeParams } = close;
const userlikeStart = {
  event: 'widget_start',
  widget_vendor: 'userlike',
  widget_product: 'messenger',
  widget_action: 'chat_started',
  widget_stage: 'start',
  widget_schema: 1,
};

const callUserlike = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { userlikeTrackingEvent(n: string, g: object, s: object): void }).userlikeTrackingEvent('chat_started', {}, {}),
  );

for (const variant of VARIANTS) {
  test(`${variant}: an enumerable key on Object.prototype neither stops the install nor becomes a parameter`, async ({ page }) => {
    const siteScript = `Object.prototype.injectedByAnotherScript = 'x'; window.dataLayer = []; window.gtagCalls = []; function gtag() { gtagCalls.push([].slice.call(arguments)); }`;
    const { errors } = await openHost(page, { variant, siteScript, config: { output: 'gtag' } });
    await page.waitForFunction(() => 'gtmWidgetBridge' in window);
    await postFrom(page, CHILI_PIPER_URL, { action: 'close' });
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { gtagCalls: unknown[][] }).gtagCalls))
      .toEqual([['event', 'widget_close', closeParams]]);
    const ownKeys = await page.evaluate(() => Object.keys((window as unknown as { gtagCalls: unknown[][] }).gtagCalls[0][2] as object));
    expect(ownKeys).not.toContain('injectedByAnotherScript');
    expect(errors).toEqual([]);
  });

  test(`${variant}: a non-writable dataLayer property holding an array still receives every push`, async ({ page }) => {
    const siteScript = `Object.defineProperty(window, 'dataLayer', { value: [], writable: false, configurable: false, enumerable: true });`;
    const { errors } = await openHost(page, { variant, siteScript });
    await page.waitForFunction(() => 'gtmWidgetBridge' in window);
    await postFrom(page, CHILI_PIPER_URL, { action: 'close' });
    await callUserlike(page);
    await expectPushes(page, [close, userlikeStart]);
    expect(errors).toEqual([]);
  });

  test(`${variant}: elements with id or name gtmWidgetBridge, there before the bridge, do not switch it off`, async ({ page }) => {
    // Named elements are reachable as window.gtmWidgetBridge.
    const elements = inline(`document.write('<form name="gtmWidgetBridge"></form><div id="gtmWidgetBridge"></div>');`);
    const { errors } = await openHost(page, { variant, head: [elements, BRIDGE] });
    await page.waitForFunction(
      () => typeof (window as unknown as { gtmWidgetBridge?: { uninstall?: unknown } }).gtmWidgetBridge?.uninstall == 'function',
    );
    await postFrom(page, CHILI_PIPER_URL, { action: 'close' });
    await expectPushes(page, [close]);
    expect(await page.evaluate(() => document.getElementsByName('gtmWidgetBridge').length)).toBe(1); // the elements are there
    expect(errors).toEqual([]);
  });
}

for (const name of ['location', 'document', 'name', 'onload', 'top']) {
  test(`dataLayerName "${name}" is refused with a warning: the page stays, pushes go to dataLayer`, async ({ page }) => {
    const warnings: string[] = [];
    page.on('console', (message) => message.type() == 'warning' && warnings.push(message.text()));
    const { errors } = await openHost(page, { config: { dataLayerName: name } });
    await postFrom(page, CHILI_PIPER_URL, { action: 'close' });
    await expectPushes(page, [close]);
    expect(page.url()).toBe('https://www.acme-shop.test/');
    expect(warnings.filter((text) => text.includes('W2 config.dataLayerName '))).toHaveLength(1);
    expect(errors).toEqual([]);
  });
}

for (const [label, config] of [
  ['a config with a throwing getter', `{ debug: false, get eventPrefix() { throw new Error('hostile'); } }`],
  ['a revoked Proxy as config', `(function () { var p = Proxy.revocable({}, {}); p.revoke(); return p.proxy; })()`],
  ['a throwing getter for the config global', null],
] as const) {
  test(`${label}: warns, installs with defaults`, async ({ page }) => {
    const warnings: string[] = [];
    page.on('console', (message) => message.type() == 'warning' && warnings.push(message.text()));
    const define = config
      ? `window.gtmWidgetBridgeConfig = ${config};`
      : `Object.defineProperty(window, 'gtmWidgetBridgeConfig', { get: function () { throw new Error('hostile'); } });`;
    const { errors } = await openHost(page, { head: [inline(define), BRIDGE] });
    await postFrom(page, CHILI_PIPER_URL, { action: 'close' });
    await expectPushes(page, [close]);
    expect(warnings.filter((text) => text.startsWith('[gtm-widget-bridge]'))).toHaveLength(1);
    expect(errors).toEqual([]);
  });
}

/** Milliseconds the page spends on 2,000 foreign-origin messages (listeners run synchronously on dispatch). */
const foreignMessagesCost = (page: Page) =>
  page.evaluate(() => {
    const started = performance.now();
    for (let i = 0; i < 2000; i++) dispatchEvent(new MessageEvent('message', { data: 'ad', origin: 'https://ads.example.net' }));
    return performance.now() - started;
  });

test('20,000 repeated vendors install each vendor once: foreign messages cost what they cost with the defaults', async ({ page }) => {
  const warnings: string[] = [];
  page.on('console', (message) => message.type() == 'warning' && warnings.push(message.text()));
  await openHost(page);
  const usual = await foreignMessagesCost(page);
  const vendors = Array.from({ length: 20_000 }, (_, i) => (i % 2 ? 'chili_piper' : 'userlike'));
  const { errors } = await openHost(page, { config: { vendors } });
  const repeated = await foreignMessagesCost(page);
  // One listener, as with the defaults: 10,000 copies of it would cost thousands of times more.
  expect(repeated).toBeLessThan(usual * 5 + 20);
  expect(warnings.filter((text) => text.includes('W2 config.vendors '))).toHaveLength(1);
  await postFrom(page, CHILI_PIPER_URL, { action: 'close' });
  await callUserlike(page);
  // Too long a list is refused as a whole: the defaults (all four vendors, each once) apply.
  await expectPushes(page, [close, userlikeStart]);
  expect(errors).toEqual([]);
});

/** JS heap in use after a full garbage collection. */
async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}

test('state stays bounded however often a single-page app re-creates Customerly and Genesys', async ({ page }) => {
  const { errors } = await openHost(page, { frames: [] });
  const reinit = (times: number) =>
    page.evaluate((n) => {
      const w = window as unknown as Record<string, unknown>;
      for (let i = 0; i < n; i++) {
        w.customerly = [];
        (w.customerly as Record<string, unknown>).settings = { app_id: 'A', callbacks: { onChatOpened() {} } };
        w._genesys = { widgets: { webchat: {}, extensions: {} } };
      }
    }, times);
  await reinit(200); // warm-up: code compiled, caches filled
  const before = await heapAfterGc(page);
  await reinit(2000);
  const after = await heapAfterGc(page);
  // A leak of even 100 bytes per re-initialisation would show as 200 KB here.
  expect(after - before).toBeLessThan(100_000);
  // Positive control: the current namespace is hooked.
  await page.evaluate(() => (window as unknown as { customerly: { onChatOpened(): void } }).customerly.onChatOpened());
  await expect.poll(() => readEvents(page)).toEqual(['widget_open']);
  expect(errors).toEqual([]);
});
