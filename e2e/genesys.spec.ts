import { expect, test, type Page } from './test';
import { BRIDGE, expectPushes, external, fixture, inline, loadBridgeLate, openHost } from './helpers';
import { PLANTED } from '../fixtures/personalData';

const WIDGETS_URL = 'https://apps.mypurecloud.com/widgets/9.0/widgets.min.js';
const CXBUS_URL = 'https://apps.mypurecloud.com/widgets/9.0/cxbus.min.js';
const PERSONAL = PLANTED;
const BASE = 1700000000000;

/** The site's own config, assigned as a whole, with its single onReady recording its calls. */
const SITE_CONFIG = inline(`
  window.onReadyCalls = [];
  window._genesys = { widgets: { main: { theme: 'dark' }, webchat: {}, clicktocall: {}, callback: {}, onReady: function (bus) { onReadyCalls.push(bus === window.__genesys.bus); } } };`);
const WIDGETS = external(WIDGETS_URL);

async function run(page: Page, widget: string, steps: string[], flags?: Record<string, unknown>, base?: number) {
  await page.evaluate(
    ({ widget, steps, flags, base }) =>
      (window as unknown as { __genesys: { run(...a: unknown[]): void } }).__genesys.run(widget, steps, flags, base),
    { widget, steps, flags, base },
  );
}

const common = {
  widget_vendor: 'genesys',
  widget_proactive: false,
  widget_prefilled: false,
  widget_auto_submitted: false,
  widget_error_count: 0,
  widget_schema: 1,
};

/** The views init publishes for the configured widgets (the bundle publishes ready for all four). */
const READY = ['ClickToCall', 'Callback', 'WebChat'].map((widget) => ({
  event: 'widget_view',
  widget_vendor: 'genesys',
  widget_product: { ClickToCall: 'click_to_call', Callback: 'callback', WebChat: 'web_chat' }[widget],
  widget_action: widget + '.ready',
  widget_stage: 'view',
  widget_schema: 1,
}));

/** The happy ClickToCall path of the vendor's lifecycle: ready → opened → started → completed → closed, with its lead. */
function clickToCallPushes() {
  const id = `click_to_call:${BASE + 1000}`;
  const step = (action: string, stage: string, elapsed?: number) => ({
    event: 'widget_' + stage,
    ...common,
    widget_product: 'click_to_call',
    widget_action: 'ClickToCall.' + action,
    widget_stage: stage,
    ...(action == 'ready' ? {} : { widget_interaction_id: id }),
    ...(elapsed === undefined ? {} : { widget_elapsed_ms: elapsed }),
  });
  const completed = step('completed', 'complete', 2000);
  return [
    step('ready', 'view'),
    step('opened', 'open', 0),
    step('started', 'start', 1000),
    completed,
    { ...completed, event: 'generate_lead', lead_source: 'genesys' },
    step('closed', 'close', 3000),
  ];
}

/** `afterInit`: the bridge reaches the bus only once init has published the widgets' ready events. */
const ORDERS: Record<string, { head: string[]; late?: boolean; afterInit?: boolean }> = {
  'bridge first, then the site config, then the widgets script (extensions)': { head: [BRIDGE, SITE_CONFIG, WIDGETS] },
  'site config, bridge, widgets script': { head: [SITE_CONFIG, BRIDGE, WIDGETS] },
  'widgets already up, bridge late (widgets.bus)': { head: [SITE_CONFIG, WIDGETS], late: true, afterInit: true },
  'bridge right after the widgets script, before init completes (bus setter)': { head: [SITE_CONFIG, WIDGETS, BRIDGE], afterInit: true },
};

for (const [order, { head, late, afterInit }] of Object.entries(ORDERS)) {
  test(`${order}: happy path with its lead, onReady kept, no form data`, async ({ page }) => {
    const { errors } = await openHost(page, { frames: [], head, scripts: { [WIDGETS_URL]: fixture('genesys-widgets.js') } });
    await page.waitForFunction(() => (window as unknown as { __genesysReady?: boolean }).__genesysReady === true);
    if (late) await loadBridgeLate(page);
    await run(page, 'ClickToCall', ['ready', 'opened', 'started', 'completed', 'closed']);
    // Init published ready for every bundled widget: a bridge there in time pushes the configured ones.
    await expectPushes(page, [...(afterInit ? [] : READY), ...clickToCallPushes()], PERSONAL);
    expect(await page.evaluate(() => (window as unknown as { onReadyCalls: boolean[] }).onReadyCalls)).toEqual([true]);
    expect(
      await page.evaluate(() => Object.keys((window as unknown as { __genesys: { bus: { plugins: object } } }).__genesys.bus.plugins)),
    ).toEqual(['GtmWidgetBridge']);
    expect(errors).toEqual([]);
  });
}

for (const when of ['before', 'after']) {
  test(`standalone CXBus loader ${when} the bridge`, async ({ page }) => {
    const loader = [
      inline(`window.__genesysMode = 'standalone'; window._genesys = { widgets: { clicktocall: {} } };`),
      external(CXBUS_URL),
    ];
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
    head: [
      inline(`window._genesys = { widgets: { sendmessage: {} } };`),
      BRIDGE,
      inline(`window.onReadyCalls = []; _genesys.widgets.onReady = function (bus) { onReadyCalls.push(bus === window.__genesys.bus); };`),
      WIDGETS,
    ],
    scripts: { [WIDGETS_URL]: fixture('genesys-widgets.js') },
  });
  await page.waitForFunction(() => (window as unknown as { __genesysReady?: boolean }).__genesysReady === true);
  expect(await page.evaluate(() => (window as unknown as { onReadyCalls: boolean[] }).onReadyCalls)).toEqual([true]);
  // Init published ready for all four bundled widgets; only the configured one is a view.
  await expectPushes(page, [
    {
      event: 'widget_view',
      widget_vendor: 'genesys',
      widget_product: 'send_message',
      widget_action: 'SendMessage.ready',
      widget_stage: 'view',
      widget_schema: 1,
    },
  ]);
  expect(errors).toEqual([]);
});

test('cancel path pushes no lead; WebChat minimize and rejection', async ({ page }) => {
  const { errors } = await openHost(page, {
    frames: [],
    head: [BRIDGE, SITE_CONFIG, WIDGETS],
    scripts: { [WIDGETS_URL]: fixture('genesys-widgets.js') },
  });
  await page.waitForFunction(() => (window as unknown as { __genesysReady?: boolean }).__genesysReady === true);
  await run(page, 'Callback', ['opened', 'started', 'cancelled', 'closed']);
  await run(page, 'WebChat', ['opened', 'submitted', 'started', 'minimized', 'unminimized', 'completed', 'closed'], {
    proactive: true,
    prefilled: true,
    autoSubmitted: true,
  });
  await run(page, 'WebChat', ['opened', 'submitted', 'rejected'], {}, BASE + 600_000);
  const events = await page.evaluate(() =>
    (window as unknown as { dataLayer: { event: string; widget_action: string; widget_interaction_id?: string }[] }).dataLayer.map((p) =>
      [p.widget_action, p.event, p.widget_interaction_id].join(' ').trim(),
    ),
  );
  // WebChat 9 also publishes WebChatService.started/ended, under WebChat's id: the step a chat already reached is an interaction.
  expect(events).toEqual([
    'ClickToCall.ready widget_view',
    'Callback.ready widget_view',
    'WebChat.ready widget_view',
    `Callback.opened widget_open callback:${BASE}`,
    `Callback.started widget_start callback:${BASE}`,
    `Callback.cancelled widget_cancel callback:${BASE}`,
    `Callback.closed widget_close callback:${BASE}`,
    'WebChat.opened widget_open ixn-1',
    'WebChat.submitted widget_start ixn-1',
    'WebChatService.started widget_interaction ixn-1',
    'WebChat.started widget_submit ixn-1',
    'WebChat.minimized widget_interaction ixn-1',
    'WebChat.unminimized widget_interaction ixn-1',
    'WebChat.completed widget_complete ixn-1',
    'WebChatService.ended widget_interaction ixn-1',
    'WebChat.closed widget_close ixn-1',
    'WebChat.opened widget_open ixn-2',
    'WebChat.submitted widget_start ixn-2',
    'WebChat.rejected widget_error ixn-2',
  ]);
  const completed = await page.evaluate(() =>
    (window as unknown as { dataLayer: Record<string, unknown>[] }).dataLayer.find((p) => p.widget_action == 'WebChat.completed'),
  );
  expect(completed).toMatchObject({
    widget_product: 'web_chat',
    widget_proactive: true,
    widget_prefilled: true,
    widget_auto_submitted: true,
    widget_elapsed_ms: 5000,
  });
  expect(JSON.stringify(await page.evaluate(() => (window as unknown as { dataLayer: unknown[] }).dataLayer))).not.toMatch(
    /Jane|555|my quote/,
  );
  expect(errors).toEqual([]);
});

test('Genesys Widgets 8.5: a chat with an agent lives on WebChatService and gives view, open, start, submit, complete, close', async ({
  page,
}) => {
  const { errors } = await openHost(page, {
    frames: [],
    head: [inline(`window.__genesysVersion = '8.5';`), BRIDGE, SITE_CONFIG, WIDGETS],
    scripts: { [WIDGETS_URL]: fixture('genesys-widgets.js') },
  });
  await page.waitForFunction(() => (window as unknown as { __genesysReady?: boolean }).__genesysReady === true);
  await page.evaluate(() => (window as unknown as { __genesys: { chat85(): void } }).__genesys.chat85());
  const pushes = await page.evaluate(() =>
    (window as unknown as { dataLayer: Record<string, string>[] }).dataLayer.map((p) => [
      p.widget_action,
      p.event,
      p.widget_interaction_id,
    ]),
  );
  expect(pushes).toEqual([
    ['ClickToCall.ready', 'widget_view', undefined],
    ['Callback.ready', 'widget_view', undefined],
    ['WebChat.ready', 'widget_view', undefined],
    ['WebChat.opened', 'widget_open', undefined],
    ['WebChatService.started', 'widget_start', 'sess85-1'],
    ['WebChatService.agentConnected', 'widget_submit', 'sess85-1'],
    ['WebChatService.ended', 'widget_complete', 'sess85-1'],
    ['WebChat.closed', 'widget_close', 'sess85-1'],
  ]);
  expect(JSON.stringify(await page.evaluate(() => (window as unknown as { dataLayer: unknown[] }).dataLayer))).not.toMatch(/Jane|Smith/);
  expect(errors).toEqual([]);
});
