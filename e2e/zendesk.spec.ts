import { expect, test, type Page } from './test';
import { BRIDGE, CDN_URL, expectPushes, external, fixture, inline, openHost } from './helpers';
import { PLANTED } from '../fixtures/personalData';

// Zendesk publishes no client code for the messaging Web Widget on npm: the page loads snippet.js with the
// <script id="ze-snippet"> tag of Zendesk's installation instructions, and that script is the mock of
// fixtures/zendesk-snippet.js, in the shapes of the messaging Web Widget core and events APIs
// (https://developer.zendesk.com/api-reference/widget-messaging/web/core/, …/web/events/).
const SNIPPET_URL = 'https://static.zdassets.com/ekr/snippet.js?key=acme-key';
const TAG = `<script id="ze-snippet" src="${SNIPPET_URL}"></script>`;
/** The site's own subscription, made once the widget is there (zE does not exist before). */
const SITE = `window.__siteHeard = [];
zE('messenger:on', 'open', function (event) { window.__siteHeard.push(event.type); });`;

async function openSite(page: Page, head: string[]) {
  const opened = await openHost(page, { frames: [], head, scripts: { [SNIPPET_URL]: fixture('zendesk-snippet.js') } });
  await page.waitForFunction(() => '__zendeskMessenger' in window);
  return opened;
}
const fire = (page: Page, name: string) =>
  page.evaluate(
    (event) => (window as unknown as { __zendeskMessenger: { fire(name: string): void } }).__zendeskMessenger.fire(event),
    name,
  );
const command = (page: Page, name: string) =>
  page.evaluate((what) => (window as unknown as { zE(...args: unknown[]): void }).zE('messenger', what), name);

const common = { widget_vendor: 'zendesk', widget_product: 'messaging', widget_schema: 1 };
const push = (stage: string, action: string, extra: Record<string, unknown> = {}) => ({
  event: 'widget_' + stage,
  ...common,
  widget_action: action,
  widget_stage: stage,
  ...extra,
});
const conversation = { widget_interaction_id: 'conv-5001' };
const PUSHES = [
  push('open', 'open'),
  push('interaction', 'proactiveMessageDisplayed', { widget_proactive: true, widget_trigger_id: 'cmp-77' }),
  push('start', 'conversationStarted', conversation),
  push('submit', 'conversationWithAgentRequested', conversation),
  push('close', 'close'),
];
const walk = async (page: Page) => {
  await command(page, 'open');
  for (const name of [
    'proactiveMessageDisplayed',
    'conversationStarted',
    'messagesShown',
    'unreadMessages',
    'conversationWithAgentRequested',
  ])
    await fire(page, name);
  await command(page, 'close');
};
const REFUTED = [...PLANTED, 'Agent Smith'];

test('bridge first, then snippet.js: the site’s subscription and the bridge’s side by side, no text pushed', async ({ page }) => {
  const { errors } = await openSite(page, [BRIDGE, TAG, inline(SITE)]);
  await walk(page);
  await expectPushes(page, PUSHES, REFUTED);
  expect(await page.evaluate(() => (window as unknown as { __siteHeard: string[] }).__siteHeard)).toEqual(['messagingOpened']);
  expect(errors).toEqual([]);
});

test('core.js + vendors/zendesk.js after the widget: the same pushes', async ({ page }) => {
  const { errors } = await openSite(page, [TAG, inline(SITE)]);
  await page.addScriptTag({ url: `${CDN_URL}core.js` });
  await page.addScriptTag({ url: `${CDN_URL}vendors/zendesk.js` });
  await walk(page);
  await expectPushes(page, PUSHES, REFUTED);
  expect(await page.evaluate(() => (window as unknown as { __siteHeard: string[] }).__siteHeard)).toEqual(['messagingOpened']);
  const keys = await page.evaluate(() => Object.keys((window as unknown as { dataLayer: object[] }).dataLayer[0]));
  expect(keys).toContain('widget_trigger_id');
  expect(keys).not.toContain('widget_slot_start');
  expect(errors).toEqual([]);
});

test('the all-vendor IIFE with a queue of the page’s own calls before snippet.js: one push per event', async ({ page }) => {
  const { errors } = await openSite(page, [
    external(`${CDN_URL}gtm-widget-bridge.js`),
    inline(`window.zE = function () { (window.zE.q = window.zE.q || []).push(arguments); };
window.__siteHeard = [];
zE('messenger:on', 'open', function (event) { window.__siteHeard.push(event.type); });`),
    TAG,
  ]);
  await walk(page);
  await expectPushes(page, PUSHES, REFUTED);
  expect(await page.evaluate(() => (window as unknown as { __siteHeard: string[] }).__siteHeard)).toEqual(['messagingOpened']);
  expect(errors).toEqual([]);
});
