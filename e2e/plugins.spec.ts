import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parse } from 'acorn';
import { expect, test, type Page } from './test';
import { CDN_URL, CHILI_PIPER_CLOSE, CHILI_PIPER_URL, expectPushes, external, fixture, inline, openHost, postFrom } from './helpers';

// The core and the vendor plugin files as a page loads them: from the CDN layout the GTM template injects
// (dist/core.js, dist/vendors/<vendor>.js), in every order, and from a tag the command line generates.
const CORE = external(`${CDN_URL}core.js`);
const plugin = (vendor: string) => external(`${CDN_URL}vendors/${vendor}.js`);
const USERLIKE_URL = 'https://widget.userlike.test/loader.js';

/** Userlike's widget calls the page's tracking function, as its loader does. */
const callUserlike = (page: Page, name = 'chat_started') =>
  page.evaluate((event) => (window as unknown as { __userlike: { fire(n: string): unknown } }).__userlike.fire(event), name);
const userlike = (stage: string, action: string) => ({
  event: 'widget_' + stage,
  widget_vendor: 'userlike',
  widget_product: 'messenger',
  widget_action: action,
  widget_stage: stage,
  widget_interaction_id: 'chat-5521',
  widget_id: '4242',
  widget_lang: 'de',
  widget_operator_group_id: '17',
  widget_operator_id: '9',
  widget_schema: 1,
});
const WIDGET = { [USERLIKE_URL]: fixture('userlike-widget.js') };

/** The keys of the page's first push. */
const keysOfPush = (page: Page, index: number) =>
  page.evaluate((i) => Object.keys((window as unknown as { dataLayer: object[] }).dataLayer[i]), index);

for (const [order, head] of [
  ['core first, then the plugins', [CORE, plugin('chili_piper'), plugin('userlike')]],
  ['plugins first, then the core', [plugin('chili_piper'), plugin('userlike'), CORE]],
  ['core between the plugins', [plugin('userlike'), CORE, plugin('chili_piper')]],
  ['each file twice, the core twice', [plugin('chili_piper'), CORE, plugin('chili_piper'), plugin('userlike'), CORE, plugin('userlike')]],
] as const) {
  test(`${order}: each vendor installed once, its events pushed with every loaded vendor's keys`, async ({ page }) => {
    const { errors } = await openHost(page, { head: [...head, external(USERLIKE_URL)], scripts: WIDGET });
    await postFrom(page, CHILI_PIPER_URL, { action: 'close' });
    await callUserlike(page);
    await expectPushes(page, [CHILI_PIPER_CLOSE, userlike('start', 'chat_started')]);
    // Both vendors' keys on every push, and nothing of the vendors not loaded.
    for (const index of [0, 1]) {
      const keys = await keysOfPush(page, index);
      expect(keys).toEqual(expect.arrayContaining(['widget_slot_start', 'widget_operator_id']));
      expect(keys).not.toContain('widget_attachment_count');
    }
    expect(await page.evaluate(() => ['customerly', '_genesys', 'CXBus'].filter((name) => name in window))).toEqual([]);
    expect(errors).toEqual([]);
  });
}

test('a vendor added after the first pushes: its events are pushed, later pushes carry its keys, earlier ones kept theirs', async ({
  page,
}) => {
  const { errors } = await openHost(page, { head: [CORE, plugin('chili_piper')], scripts: WIDGET });
  await postFrom(page, CHILI_PIPER_URL, { action: 'close' });
  // The control: Userlike's plugin is not there yet, so nothing defines its function.
  expect(await page.evaluate(() => typeof (window as unknown as { userlikeTrackingEvent?: unknown }).userlikeTrackingEvent)).toBe(
    'undefined',
  );
  await expectPushes(page, [CHILI_PIPER_CLOSE]);
  expect(await keysOfPush(page, 0)).not.toContain('widget_operator_id');
  await page.addScriptTag({ url: `${CDN_URL}vendors/userlike.js` });
  await page.addScriptTag({ url: USERLIKE_URL });
  await callUserlike(page);
  await postFrom(page, CHILI_PIPER_URL, { action: 'error' });
  const error = { ...CHILI_PIPER_CLOSE, event: 'widget_error', widget_action: 'error', widget_stage: 'error' };
  await expectPushes(page, [CHILI_PIPER_CLOSE, userlike('start', 'chat_started'), error]);
  // The Chili Piper push after Userlike arrived resets Userlike's keys too (GTM's data model would keep them).
  expect(await keysOfPush(page, 2)).toEqual(expect.arrayContaining(['widget_slot_start', 'widget_operator_id']));
  expect(errors).toEqual([]);
});

test('uninstall() removes every hook of every plugin, and a plugin loaded after it waits for the next core', async ({ page }) => {
  const { errors } = await openHost(page, { head: [CORE, plugin('chili_piper'), plugin('userlike')] });
  expect(await page.evaluate(() => 'userlikeTrackingEvent' in window)).toBe(true);
  await page.evaluate(() => (window as unknown as { gtmWidgetBridge: { uninstall(): void } }).gtmWidgetBridge.uninstall());
  expect(await page.evaluate(() => ['gtmWidgetBridge', 'userlikeTrackingEvent'].filter((name) => name in window))).toEqual([]);
  await postFrom(page, CHILI_PIPER_URL, { action: 'close' });
  await page.addScriptTag({ url: `${CDN_URL}vendors/genesys.js` });
  expect(await page.evaluate(() => '_genesys' in window)).toBe(false); // queued, not run
  await expectPushes(page, []);
  // The next core serves the queue: the queued Genesys plugin, and nothing of the uninstalled ones.
  await page.addScriptTag({ url: `${CDN_URL}core.js` });
  expect(await page.evaluate(() => ['_genesys', 'userlikeTrackingEvent'].filter((name) => name in window))).toEqual(['_genesys']);
  expect(errors).toEqual([]);
});

test('a broken plugin in the queue is left out and the others run', async ({ page }) => {
  const broken = inline(
    `(window.gtmWidgetBridgePlugins = window.gtmWidgetBridgePlugins || []).push(function () { throw new Error('broken plugin'); }, 42);`,
  );
  const { errors } = await openHost(page, { head: [broken, plugin('chili_piper'), CORE] });
  await postFrom(page, CHILI_PIPER_URL, { action: 'close' });
  await expectPushes(page, [CHILI_PIPER_CLOSE]);
  expect(errors).toEqual([]);
});

test('the tag the command line prints: ES5, exactly the chosen vendors, and it pushes', async ({ page }) => {
  const tag = execFileSync('node', ['bin/gtm-widget-bridge.mjs', 'paste', '--vendors', 'chili_piper,userlike'], { encoding: 'utf8' });
  const script = tag.replace(/^<script>\n/, '').replace(/\n<\/script>\n$/, '');
  expect(() => parse(script, { ecmaVersion: 5, sourceType: 'script' })).not.toThrow();
  // The parts are the built files' ES5 twins: Customerly's and Genesys's code is not in it.
  const parts = JSON.parse(readFileSync('dist/paste-parts.json', 'utf8')) as { plugins: Record<string, string> };
  expect(tag).toContain(parts.plugins.userlike);
  expect(tag).not.toContain(parts.plugins.customerly);
  expect(tag).not.toContain(parts.plugins.genesys);
  const { errors } = await openHost(page, { head: [tag, external(USERLIKE_URL)], scripts: WIDGET });
  await postFrom(page, CHILI_PIPER_URL, { action: 'close' });
  await callUserlike(page);
  await expectPushes(page, [CHILI_PIPER_CLOSE, userlike('start', 'chat_started')]);
  expect(errors).toEqual([]);
});
