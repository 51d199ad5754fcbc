import { expect, test, type Page } from '@playwright/test';
import { BRIDGE, expectPushes, external, fixture, inline, loadBridgeLate, openHost } from './helpers';

const WIDGETS_URL = 'https://apps.mypurecloud.com/widgets/9.0/widgets.min.js';
const CXBUS_URL = 'https://apps.mypurecloud.com/widgets/9.0/cxbus.min.js';
const PERSONAL = ['Jane', 'jane', 'Doe', '555', 'pricing'];
const BASE = 1700000000000;

/** The site's own config, assigned as a whole, with its single onReady recording its calls. */
const SITE_CONFIG = inline(`
  window.onReadyCalls = [];
  window._genesys = { widgets: { main: { theme: 'dark' }, webchat: {}, onReady: function (bus) { onReadyCalls.push(bus === window.__genesys.bus); } } };`);
const WIDGETS = external(WIDGETS_URL);

async function run(page: Page, widget: string, steps: string[], flags?: Record<string, unknown>) {
  await page.evaluate(({ widget, steps, flags }) => (window as unknown as { __genesys: { run(...a: unknown[]): void } }).__genesys.run(widget, steps, flags), { widget, steps, flags });
}

const common = { widget_vendor: 'genesys', widget_proactive: false, widget_prefilled: false, widget_auto_submitted: false, widget_error_count: 0, widget_schema: 1 };

/** The happy ClickToCall path of the seed: ready → opened → started → completed → closed, with its lead. */
function clickToCallPushes() {
  const id = `click_to_call:${BASE + 1000}`;
  const step = (action: string, stage: string, elapsed?: number) => ({
    event: 'widget_' + stage, ...common, widget_product: 'click_to_call', widget_action: 'ClickToCall.' + action, widget_stage: stage,
    ...(action == 'ready' ? {} : { widget_interaction_id: id }), ...(elapsed === undefined ? {} : { widget_elapsed_ms: elapsed }),
  });
  const completed = step('completed', 'complete', 2000);
  return [step('ready', 'view'), step('opened', 'open', 0), step('started', 'start', 1000), completed,
    { ...completed, event: 'generate_lead', lead_source: 'genesys' }, step('closed', 'close', 3000)];
}

const ORDERS: Record<string, { head: string[]; late?: boolean; scripts?: Record<string, string> }> = {
  'bridge first, then the site config, then the widgets script (extensions)': { head: [BRIDGE, SITE_CONFIG, WIDGETS] },
  'site config, bridge, widgets script': { head: [SITE_CONFIG, BRIDGE, WIDGETS] },
  'widgets already up, bridge late (widgets.bus)': { head: [SITE_CONFIG, WIDGETS], late: true },
  'bridge right after the widgets script, before init completes (bus setter)': { head: [SITE_CONFIG, WIDGETS, BRIDGE] },
};

for (const [order, { head, late }] of Object.entries(ORDERS)) {
  test(`${order}: happy path with its lead, onReady kept, no form data`, async ({ page }) => {
    const { errors } = await openHost(page, { frames: [], head, scripts: { [WIDGETS_URL]: fixture('genesys-widgets.js') } });
    await page.waitForFunction(() => (window as unknown as { __genesysReady?: boolean }).__genesysReady === true);
    if (late) await loadBridgeLate(page);
    await run(page, 'ClickToCall', ['ready', 'opened', 'started', 'completed', 'closed']);
    await expectPushes(page, clickToCallPushes(), PERSONAL);
    expect(await page.evaluate(() => (window as unknown as { onReadyCalls: boolean[] }).onReadyCalls)).toEqual([true]);
    expect(await page.evaluate(() => Object.keys((window as unknown as { __genesys: { bus: { plugins: object } } }).__genesys.bus.plugins))).toEqual(['GtmWidgetBridge']);
    expect(errors).toEqual([]);
  });
}

for (const when of ['before', 'after']) {
  test(`standalone CXBus loader ${when} the bridge`, async ({ page }) => {
    const loader = [inline(`window.__genesysMode = 'standalone';`), external(CXBUS_URL)];
    const { errors } = await openHost(page, {
      frames: [],
      head: when == 'before' ? [...loader, BRIDGE] : [BRIDGE, ...loader],
      scripts: { [CXBUS_URL]: fixture('genesys-widgets.js') },
    });
    await run(page, 'ClickToCall', ['ready', 'opened', 'started', 'completed', 'closed']);
    await expectPushes(page, clickToCallPushes(), PERSONAL);
    expect(errors).toEqual([]);
  });
}

test('a site onReady assigned after the bridge is still called once with the bus', async ({ page }) => {
  const { errors } = await openHost(page, {
    frames: [],
    head: [inline(`window._genesys = { widgets: {} };`), BRIDGE,
      inline(`window.onReadyCalls = []; _genesys.widgets.onReady = function (bus) { onReadyCalls.push(bus === window.__genesys.bus); };`), WIDGETS],
    scripts: { [WIDGETS_URL]: fixture('genesys-widgets.js') },
  });
  await page.waitForFunction(() => (window as unknown as { __genesysReady?: boolean }).__genesysReady === true);
  expect(await page.evaluate(() => (window as unknown as { onReadyCalls: boolean[] }).onReadyCalls)).toEqual([true]);
  await run(page, 'SendMessage', ['ready']);
  await expectPushes(page, [{ event: 'widget_view', ...common, widget_product: 'send_message', widget_action: 'SendMessage.ready', widget_stage: 'view' }]);
  expect(errors).toEqual([]);
});

test('cancel path pushes no lead; WebChat minimize and rejection', async ({ page }) => {
  const { errors } = await openHost(page, { frames: [], head: [BRIDGE, SITE_CONFIG, WIDGETS], scripts: { [WIDGETS_URL]: fixture('genesys-widgets.js') } });
  await run(page, 'Callback', ['ready', 'opened', 'started', 'cancelled', 'closed']);
  await run(page, 'WebChat', ['ready', 'opened', 'submitted', 'started', 'minimized', 'unminimized', 'completed', 'closed'], { proactive: true, prefilled: true, autoSubmitted: true });
  await run(page, 'WebChat', ['ready', 'opened', 'submitted', 'rejected']);
  const events = await page.evaluate(() => (window as unknown as { dataLayer: { event: string; widget_action: string }[] }).dataLayer.map((p) => p.widget_action + ' ' + p.event));
  expect(events).toEqual([
    'Callback.ready widget_view', 'Callback.opened widget_open', 'Callback.started widget_start', 'Callback.cancelled widget_cancel', 'Callback.closed widget_close',
    'WebChat.ready widget_view', 'WebChat.opened widget_open', 'WebChat.submitted widget_submit', 'WebChat.started widget_start',
    'WebChat.minimized widget_interaction', 'WebChat.unminimized widget_interaction', 'WebChat.completed widget_complete', 'WebChat.closed widget_close',
    'WebChat.ready widget_view', 'WebChat.opened widget_open', 'WebChat.submitted widget_submit', 'WebChat.rejected widget_error',
  ]);
  const completed = await page.evaluate(() => (window as unknown as { dataLayer: Record<string, unknown>[] }).dataLayer.find((p) => p.widget_action == 'WebChat.completed'));
  expect(completed).toMatchObject({ widget_product: 'web_chat', widget_proactive: true, widget_prefilled: true, widget_auto_submitted: true, widget_elapsed_ms: 5000 });
  expect(JSON.stringify(await page.evaluate(() => (window as unknown as { dataLayer: unknown[] }).dataLayer))).not.toMatch(/Jane|555|pricing/);
  expect(errors).toEqual([]);
});
