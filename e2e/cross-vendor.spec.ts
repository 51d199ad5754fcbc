import { expect, test, type Page } from './test';
import { BRIDGE, CHILI_PIPER_URL, external, fixture, inline, loadBridgeLate, openHost, postFrom } from './helpers';
import { PLANTED } from '../fixtures/personalData';

const LAUNCHER_URL = 'https://messenger.customerly.io/launcher.js';
const USERLIKE_URL = 'https://widget.userlike.test/loader.js';
const GENESYS_URL = 'https://apps.mypurecloud.com/widgets/9.0/widgets.min.js';
const PERSONAL = PLANTED;

/** All four widgets on one page, each with the site's own integration, one of them throwing. */
const HEAD = [
  inline(`window.siteCalls = []; window.__customerlyVariant = 'both'; window.__userlikeEvents = [];`),
  BRIDGE,
  inline(fixture('customerly-snippet.js')),
  inline(`customerly.load({ app_id: 'A', callbacks: {
    onChatOpened: function () { siteCalls.push('customerly onChatOpened'); },
    onChatClosed: function () { throw new Error('site customerly callback broke'); } } });`),
  inline(
    `window.userlikeTrackingEvent = function (name) { siteCalls.push('userlike ' + name); if (name === 'error_message') throw new Error('site userlike function broke'); };`,
  ),
  inline(`window._genesys = { widgets: { clicktocall: {}, callback: {}, onReady: function () { siteCalls.push('genesys onReady'); } } };`),
  external(GENESYS_URL),
  external(USERLIKE_URL),
  BRIDGE, // the tag fires twice
];
const SCRIPTS = {
  [LAUNCHER_URL]: fixture('customerly-launcher.js'),
  [USERLIKE_URL]: fixture('userlike-widget.js'),
  [GENESYS_URL]: fixture('genesys-widgets.js'),
};

/** Runs one vendor call in the page; what a throwing site callback throws is returned, not raised. */
async function call(page: Page, code: string): Promise<string> {
  return page.evaluate((source) => {
    try {
      new Function(source)();
      return 'ok';
    } catch (error) {
      return 'threw: ' + (error as Error).message;
    }
  }, code);
}
const customerly = (name: string, ...args: unknown[]) =>
  `__customerlyMessenger.fire(${[name, ...args].map((a) => JSON.stringify(a)).join(', ')})`;
const userlike = (name: string) => `__userlike.fire(${JSON.stringify(name)})`;
// Each run its own opened time (a distinct interaction), on a fixed clock: a timestamp from Date.now() can hold a
// planted fragment such as "555" by chance, and the no-personal-data check would then fail.
const genesys = (widget: string, steps: string[]) =>
  `__genesys.run(${JSON.stringify(widget)}, ${JSON.stringify(steps)}, null, 1700000000000 + (window.__genesysRuns = (window.__genesysRuns || 0) + 1) * 100000)`;

async function summary(page: Page, layer = 'dataLayer') {
  return page.evaluate((name) => {
    const pushes = Array.from((window as unknown as Record<string, Record<string, unknown>[]>)[name]);
    return pushes.filter((p) => p.widget_schema === 1).map((p) => `${p.widget_vendor} ${p.widget_action} ${p.event}`);
  }, layer);
}

/** Posts from the booking frame and waits for its pushes: postMessage is asynchronous, vendor callbacks are not. */
async function post(page: Page, layer: string, data: unknown, pushes: number): Promise<string> {
  const before = (await summary(page, layer)).length;
  await postFrom(page, CHILI_PIPER_URL, data);
  await expect.poll(async () => (await summary(page, layer)).length).toBe(before + pushes);
  return 'ok';
}

async function runScenario(page: Page, layer = 'dataLayer') {
  await page.waitForFunction(
    () => '__customerlyMessenger' in window && (window as unknown as { __genesysReady?: boolean }).__genesysReady === true,
  );
  const results = [
    await post(page, layer, { action: 'availability-loaded', args: { routeId: 'route-1' } }, 1),
    await call(page, customerly('onChatOpened')),
    await call(page, userlike('chat_started')),
    await call(page, genesys('ClickToCall', ['opened'])),
    await post(
      page,
      layer,
      { action: 'timeslot-selected', args: { routeId: 'route-1', time: '2030-01-01T10:00:00Z', timezone: 'Europe/Berlin', duration: 30 } },
      1,
    ),
    await call(page, customerly('onLeadGenerated', 'jane.doe@example.com')),
    await call(page, customerly('onChatClosed')),
    await call(page, userlike('error_message')),
    await call(page, genesys('Callback', ['opened', 'started', 'completed'])),
  ];
  expect(results).toEqual([
    'ok',
    'ok',
    'ok',
    'ok',
    'ok',
    'ok',
    'threw: site customerly callback broke',
    'threw: site userlike function broke',
    'ok',
  ]);
  await post(page, layer, { routeId: 'route-1', eventId: 'ev-1', slot: { start: 1893492000, end: 1893493800 } }, 2);
  await loadBridgeLate(page); // a third, late copy: still one bridge
  // The visitor moves on a moment later: beyond the 1 s in which an identical event counts as a duplicate.
  await page.waitForTimeout(1100);

  // Single-page-app route change: every widget is set up again.
  await page.evaluate(() => {
    history.pushState({}, '', '/pricing');
    (window as unknown as { siteCalls: string[] }).siteCalls.push('route change');
    const w = window as unknown as {
      siteCalls: string[];
      customerly: { load(settings: unknown): void };
      userlikeTrackingEvent: (name: string) => void;
      __genesysReady: boolean;
      _genesys: unknown;
    };
    w.customerly.load({ app_id: 'A', callbacks: { onChatOpened: () => w.siteCalls.push('customerly onChatOpened (new page)') } });
    w.userlikeTrackingEvent = (name: string) => w.siteCalls.push('userlike (new page) ' + name);
    w.__genesysReady = false;
    w._genesys = { widgets: { webchat: {}, onReady: () => w.siteCalls.push('genesys onReady (new page)') } };
    const script = document.createElement('script');
    script.src = 'https://apps.mypurecloud.com/widgets/9.0/widgets.min.js';
    document.head.appendChild(script);
    const old = document.querySelector('iframe')!;
    const frame = document.createElement('iframe');
    frame.src = old.src;
    old.remove();
    document.body.appendChild(frame);
  });
  await page.waitForFunction(() => (window as unknown as { __genesysReady?: boolean }).__genesysReady === true);
  await page.waitForFunction(() => document.querySelector('iframe')!.contentWindow !== null);
  await expect.poll(() => page.frames().some((f) => f.url() == CHILI_PIPER_URL && !f.isDetached())).toBe(true);
  await page.frame({ url: CHILI_PIPER_URL })!.waitForFunction(() => typeof (window as unknown as { send?: unknown }).send == 'function');
  await call(page, customerly('onChatOpened'));
  await call(page, userlike('chat_window_minimized'));
  await call(page, genesys('WebChat', ['opened']));
  await postFrom(page, CHILI_PIPER_URL, { action: 'close' });

  // Booting: the messenger's view and the views of the configured Genesys widgets, in whichever order they boot.
  const booted = [
    'customerly onMessengerInitialized widget_view',
    'genesys ClickToCall.ready widget_view',
    'genesys Callback.ready widget_view',
  ];
  await expect.poll(async () => (await summary(page, layer)).slice(0, 3).sort()).toEqual([...booted].sort());
  await expect
    .poll(async () => (await summary(page, layer)).slice(3))
    .toEqual([
      'chili_piper availability-loaded widget_open',
      'customerly onChatOpened widget_open',
      'userlike chat_started widget_start',
      'genesys ClickToCall.opened widget_open',
      'chili_piper timeslot-selected widget_start',
      'customerly onLeadGenerated widget_submit',
      'customerly onLeadGenerated generate_lead',
      'customerly onChatClosed widget_close',
      'userlike error_message widget_error',
      'genesys Callback.opened widget_open',
      'genesys Callback.started widget_start',
      'genesys Callback.completed widget_complete',
      'genesys Callback.completed generate_lead',
      'chili_piper booking-confirmed widget_complete',
      'chili_piper booking-confirmed generate_lead',
      'genesys WebChat.ready widget_view', // the re-initialised widgets boot with WebChat configured
      'customerly onChatOpened widget_open',
      'userlike chat_window_minimized widget_interaction',
      'genesys WebChat.opened widget_open',
      'chili_piper close widget_close',
    ]);
  expect(await page.evaluate(() => (window as unknown as { siteCalls: string[] }).siteCalls)).toEqual([
    'genesys onReady',
    'customerly onChatOpened',
    'userlike chat_started',
    'userlike error_message',
    'route change',
    'genesys onReady (new page)',
    'customerly onChatOpened (new page)',
    'userlike (new page) chat_window_minimized',
  ]);
  const serialized = JSON.stringify(
    await page.evaluate((name) => Array.from((window as unknown as Record<string, unknown[]>)[name]), layer),
  );
  for (const fragment of PERSONAL) expect(serialized).not.toContain(fragment);
}

test('all four widgets at once: interleaved events, tag fired three times, SPA re-init, throwing site callbacks', async ({ page }) => {
  const { errors } = await openHost(page, { head: HEAD, scripts: SCRIPTS });
  await runScenario(page);
  expect(errors).toEqual([]);
});

test('a dataLayer wrapped in a Proxy, whose push GTM-style code replaced, receives every push', async ({ page }) => {
  const siteLayer = inline(`
    window.received = [];
    window.dataLayer = new Proxy([], {
      set: function (target, key, value) { target[key] = value; return true; },
    });
    var arrayPush = Array.prototype.push;
    window.dataLayer.push = function () { for (var i = 0; i < arguments.length; i++) received.push(arguments[i]); return arrayPush.apply(window.dataLayer, arguments); };`);
  const { errors } = await openHost(page, { head: [siteLayer, ...HEAD], scripts: SCRIPTS });
  await runScenario(page);
  const received = await page.evaluate(
    () => (window as unknown as { received: { event: string }[] }).received.filter((p) => typeof p.event == 'string').length,
  );
  expect(received).toBe(23);
  expect(errors).toEqual([]);
});
