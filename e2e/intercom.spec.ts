import { expect, test, type Page } from './test';
import { BRIDGE, CDN_URL, expectPushes, external, fixture, inline, openHost } from './helpers';
import { bundleFixtureApp } from './vendorCode';
import { PLANTED } from '../fixtures/personalData';

// Intercom's official npm loader (@intercom/messenger-js-sdk 0.0.20) runs unchanged in the site's app: it sets
// window.intercomSettings, queues calls in its own Intercom.q and adds https://widget.intercom.io/widget/<app_id>.
// Only that messenger script (not published) is the mock, in the shapes of Intercom's JavaScript API methods page
// (https://developers.intercom.com/installing-intercom/web/methods): it runs the queue, boots, and drops every
// callback on shutdown (react-use-intercom issue #666).
const APP_URL = 'https://www.acme-shop.test/app.js';
const WIDGET_URL = 'https://widget.intercom.io/widget/abc12345';
const REFUTED = [...PLANTED, 'example.com', 'abc12345'];

let app = '';
test.beforeAll(async () => {
  app = await bundleFixtureApp('intercom-sdk-app.js');
});

async function openApp(page: Page, head: string[]) {
  const opened = await openHost(page, {
    frames: [],
    head,
    scripts: { [APP_URL]: app, [WIDGET_URL]: fixture('intercom-messenger.js') },
  });
  await page.waitForFunction(() => '__intercomMessenger' in window);
  return opened;
}

/** Calls the site's app (window.__site) or the mocked messenger (window.__intercomMessenger). */
const site = (page: Page, method: string, ...args: unknown[]) =>
  page.evaluate(
    ({ method, args }) => (window as unknown as { __site: Record<string, (...a: unknown[]) => unknown> }).__site[method](...args),
    {
      method,
      args,
    },
  );
const messenger = (page: Page, method: string, ...args: unknown[]) =>
  page.evaluate(
    ({ method, args }) =>
      (window as unknown as { __intercomMessenger: Record<string, (...a: unknown[]) => unknown> }).__intercomMessenger[method](...args),
    { method, args },
  );
const siteCalls = (page: Page) => page.evaluate(() => (window as unknown as { __site: { calls: string[] } }).__site.calls);

const common = { widget_vendor: 'intercom', widget_product: 'messenger', widget_schema: 1 };
const step = (stage: string, action: string) => ({ event: 'widget_' + stage, ...common, widget_action: action, widget_stage: stage });
const submit = { ...step('submit', 'onUserEmailSupplied'), widget_email_provided: true };
const lead = { ...submit, event: 'generate_lead', lead_source: 'intercom' };

test('npm loader, bridge first: every callback once, route changes change nothing, shutdown → boot heard again, one lead', async ({
  page,
}) => {
  const { errors } = await openApp(page, [BRIDGE, `<script src="${APP_URL}"></script>`]);
  await site(page, 'onHide');
  await site(page, 'show');
  await messenger(page, 'emailSupplied', 'jane.doe@example.com', { name: 'Jane Doe', phone: '+1 555 0100' });
  await messenger(page, 'hide');
  await messenger(page, 'unread', 2);
  await site(page, 'route', '/pricing');
  await site(page, 'route', '/checkout');
  await expectPushes(page, [step('view', 'ready'), step('open', 'onShow'), submit, lead, step('close', 'onHide')], REFUTED);
  // Logout and login: the messenger dropped every callback; the bridge's are registered again, the site registers its own.
  await site(page, 'logout');
  await site(page, 'login');
  await site(page, 'onUserEmailSupplied');
  await site(page, 'show');
  await messenger(page, 'emailSupplied');
  await expectPushes(
    page,
    [
      step('view', 'ready'),
      step('open', 'onShow'),
      submit,
      lead,
      step('close', 'onHide'),
      step('view', 'ready'),
      step('open', 'onShow'),
      submit,
    ],
    REFUTED,
  );
  // The site's callbacks ran as registered: onShow and onHide before the logout, its new onUserEmailSupplied after.
  expect(await siteCalls(page)).toEqual(['onShow', 'onHide', 'onUserEmailSupplied']);
  // Positive control: the messenger was handed the personal data, the site boots with it.
  expect(await page.evaluate(() => JSON.stringify((window as unknown as { intercomSettings: unknown }).intercomSettings))).toContain(
    'jane.doe@example.com',
  );
  expect(errors).toEqual([]);
});

test('core.js + vendors/intercom.js after the messenger booted: the plugin file hears it, the site’s onShow called once', async ({
  page,
}) => {
  const { errors } = await openApp(page, [`<script src="${APP_URL}"></script>`]);
  await page.addScriptTag({ url: `${CDN_URL}core.js` });
  await page.addScriptTag({ url: `${CDN_URL}vendors/intercom.js` });
  await site(page, 'show');
  await messenger(page, 'emailSupplied');
  await expectPushes(page, [step('view', 'ready'), step('open', 'onShow'), submit, lead], REFUTED);
  expect(await siteCalls(page)).toEqual(['onShow']);
  // The plugin's key and no other vendor's.
  const keys = await page.evaluate(() => Object.keys((window as unknown as { dataLayer: object[] }).dataLayer[0]));
  expect(keys).toContain('widget_email_provided');
  expect(keys).not.toContain('widget_slot_start');
  expect(errors).toEqual([]);
});

test('a messenger keeping one function per callback keeps the site’s, registered before and after the bridge', async ({ page }) => {
  const { errors } = await openApp(page, [inline('window.__intercomOneCallback = true;'), BRIDGE, `<script src="${APP_URL}"></script>`]);
  await site(page, 'onHide');
  await site(page, 'show');
  await messenger(page, 'hide');
  await expectPushes(page, [step('view', 'ready'), step('open', 'onShow'), step('close', 'onHide')], REFUTED);
  expect(await siteCalls(page)).toEqual(['onShow', 'onHide']);
  expect(await messenger(page, 'registered', 'onShow')).toBe(1);
  expect(errors).toEqual([]);
});

test('the all-vendor IIFE loaded after the app: the same pushes', async ({ page }) => {
  const { errors } = await openApp(page, [`<script src="${APP_URL}"></script>`, external(`${CDN_URL}gtm-widget-bridge.js`)]);
  await site(page, 'show');
  await messenger(page, 'hide');
  await expectPushes(page, [step('view', 'ready'), step('open', 'onShow'), step('close', 'onHide')], REFUTED);
  expect(await siteCalls(page)).toEqual(['onShow']);
  expect(errors).toEqual([]);
});
