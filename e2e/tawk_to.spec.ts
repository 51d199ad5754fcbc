import { expect, test, type Page } from './test';
import { BRIDGE, CDN_URL, expectPushes, external, fixture, inline, loadBridgeLate, openHost } from './helpers';
import { PLANTED } from '../fixtures/personalData';
import { bundleFixtureApp } from './vendorCode';

// tawk.to's widget is remote (embed.tawk.to): the mock (fixtures/tawk-embed.js) calls the page's
// Tawk_API callbacks as https://developer.tawk.to/jsapi/ documents them and dispatches the `tawk<Name>`
// window events the official React wrapper (npm @tawk.to/tawk-messenger-react 2.0.2) listens to; that
// wrapper runs unchanged in a React app.
const EMBED_URL = 'https://embed.tawk.to/prop-4242/default';
const PERSONAL = PLANTED;
const EMBED = fixture('tawk-embed.js');
/** The widget arrives over the network after the page's own scripts ran, as the async embed does in practice. */
const overTheNetwork = () => new Promise<string>((resolve) => setTimeout(() => resolve(EMBED), 300));
const SCRIPTS = { [EMBED_URL]: overTheNetwork, [EMBED_URL + '?restart']: EMBED };

/** tawk.to's embed code as the dashboard hands it out, with the site's own callbacks assigned after it. */
const SNIPPET = inline(`
  var Tawk_API = Tawk_API || {}, Tawk_LoadStart = new Date();
  (function () {
    var s1 = document.createElement('script'), s0 = document.getElementsByTagName('script')[0];
    s1.async = true; s1.src = '${EMBED_URL}'; s1.charset = 'UTF-8'; s1.setAttribute('crossorigin', '*');
    s0.parentNode.insertBefore(s1, s0);
  })();
  window.siteCalls = [];
  Tawk_API.onLoad = function () { siteCalls.push('onLoad ' + (this === Tawk_API)); };
  Tawk_API.onPrechatSubmit = function (data) { siteCalls.push('onPrechatSubmit ' + typeof data.email); return true; };
  Tawk_API.onChatEnded = function () { siteCalls.push('onChatEnded'); };
`);

const fire = (page: Page, name: string) =>
  page.evaluate((event) => (window as unknown as { __tawk: { fire(n: string): unknown } }).__tawk.fire(event), name);
const siteCalls = (page: Page) => page.evaluate(() => (window as unknown as { siteCalls: string[] }).siteCalls);
const widgetLoaded = (page: Page) => page.waitForFunction(() => '__tawk' in window);

const common = { widget_vendor: 'tawk_to', widget_product: 'live_chat', widget_schema: 1 };
const push = (stage: string, action: string, details: Record<string, unknown> = {}) => ({
  event: 'widget_' + stage,
  ...common,
  widget_action: action,
  widget_stage: stage,
  ...details,
});
const LOADED = [push('view', 'onLoad'), push('interaction', 'onStatusChange:online', { widget_availability: 'online' })];
const CHAT = [
  'onChatMaximized',
  'onPrechatSubmit',
  'onChatStarted',
  'onChatMessageVisitor',
  'onAgentJoinChat',
  'onChatMessageAgent',
  'onChatMessageVisitor',
  'onChatSatisfaction',
  'onChatEnded',
  'onChatMinimized',
];
const CHAT_PUSHES = [
  push('open', 'onChatMaximized'),
  push('submit', 'onPrechatSubmit', { widget_email_provided: true }),
  { ...push('submit', 'onPrechatSubmit', { widget_email_provided: true }), event: 'generate_lead', lead_source: 'tawk_to' },
  push('interaction', 'onChatStarted'),
  push('interaction', 'onChatMessageVisitor'),
  push('interaction', 'onAgentJoinChat', { widget_operator_id: 'agent-7' }),
  push('interaction', 'onChatMessageAgent'),
  // The second visitor message is not pushed: one per chat.
  push('interaction', 'onChatSatisfaction', { widget_rating: 'like' }),
  push('complete', 'onChatEnded'),
  push('close', 'onChatMinimized'),
];

const ORDERS = {
  'the embed snippet and the site callbacks, then the bridge': [SNIPPET, BRIDGE],
  'the bridge, then the embed snippet and the site callbacks': [BRIDGE, SNIPPET],
  'the core and the tawk_to plugin file, then the snippet': [
    external(`${CDN_URL}core.js`),
    external(`${CDN_URL}vendors/tawk_to.js`),
    SNIPPET,
  ],
  'the snippet, then the plugin file before the core': [SNIPPET, external(`${CDN_URL}vendors/tawk_to.js`), external(`${CDN_URL}core.js`)],
};

for (const [order, head] of Object.entries(ORDERS)) {
  test(`embed snippet, ${order}: a whole chat pushed without personal data, the site callbacks kept`, async ({ page }) => {
    const { errors } = await openHost(page, { frames: [], head, scripts: SCRIPTS });
    await widgetLoaded(page);
    const results = [];
    for (const name of CHAT) results.push(await fire(page, name));
    await expectPushes(page, [...LOADED, ...CHAT_PUSHES], PERSONAL);
    expect(results[1]).toBe(true); // the site's onPrechatSubmit return value reaches the widget
    expect(await siteCalls(page)).toEqual(['onLoad true', 'onPrechatSubmit string', 'onChatEnded']);
    expect(errors).toEqual([]);
  });
}

test('embed snippet, the bridge loaded late: later events pushed, the site callbacks and the widget untouched before', async ({ page }) => {
  const { errors } = await openHost(page, { frames: [], head: [SNIPPET], scripts: SCRIPTS });
  await widgetLoaded(page);
  await loadBridgeLate(page);
  await fire(page, 'onChatMaximized');
  await fire(page, 'onOfflineSubmit');
  await fire(page, 'onStatusChange:offline');
  await expectPushes(
    page,
    [
      push('open', 'onChatMaximized'),
      push('submit', 'onOfflineSubmit', { widget_email_provided: true }),
      { ...push('submit', 'onOfflineSubmit', { widget_email_provided: true }), event: 'generate_lead', lead_source: 'tawk_to' },
      push('unavailable', 'onStatusChange:offline', { widget_availability: 'offline' }),
    ],
    PERSONAL,
  );
  expect(await siteCalls(page)).toEqual(['onLoad true']);
  expect(errors).toEqual([]);
});

test('a site that re-creates Tawk_API and the widget (single-page app): the new one is heard once, the old one left', async ({ page }) => {
  const { errors } = await openHost(page, { frames: [], head: [BRIDGE, SNIPPET], scripts: SCRIPTS });
  await widgetLoaded(page);
  for (const name of ['onChatMaximized', 'onChatStarted', 'onChatEnded']) await fire(page, name);
  await page.evaluate((url) => {
    const w = window as unknown as Record<string, unknown> & { siteCalls: string[] };
    w.Tawk_API = { onChatMaximized: () => w.siteCalls.push('new onChatMaximized') };
    const script = document.createElement('script');
    script.src = url;
    document.head.appendChild(script);
  }, EMBED_URL + '?restart');
  await page.waitForFunction(() => (window as unknown as { __tawkCalls: string[] }).__tawkCalls.length >= 9);
  await fire(page, 'onChatMaximized');
  await expectPushes(page, [
    ...LOADED,
    push('open', 'onChatMaximized'),
    push('start', 'onChatStarted'),
    push('interaction', 'onChatEnded'),
    // The second widget's funnel: a chat of its own.
    push('view', 'onLoad'),
    push('interaction', 'onStatusChange:online', { widget_availability: 'online' }),
    push('open', 'onChatMaximized'),
  ]);
  expect(await siteCalls(page)).toEqual(['onLoad true', 'onChatEnded', 'new onChatMaximized']);
  expect(errors).toEqual([]);
});

let app = '';
test.beforeAll(async () => {
  app = await bundleFixtureApp('tawk-react-app.js', { react: 'react-18', 'react-dom': 'react-dom-18' });
});

const APP_URL = 'https://www.acme-shop.test/app.js';
const APP = `<script src="${APP_URL}" defer></script>`;
for (const [order, bridgeFirst] of [
  ['the bridge first', true],
  ['the bridge loaded after the widget', false],
] as const) {
  test(`React wrapper (@tawk.to/tawk-messenger-react), ${order}: pushes without personal data, the app's props called`, async ({
    page,
  }) => {
    const { errors } = await openHost(page, {
      frames: [],
      head: bridgeFirst ? [BRIDGE, APP] : [APP],
      scripts: { ...SCRIPTS, [APP_URL]: app },
    });
    await widgetLoaded(page);
    if (!bridgeFirst) await loadBridgeLate(page);
    for (const name of CHAT) await fire(page, name);
    await expectPushes(page, [...(bridgeFirst ? LOADED : []), ...CHAT_PUSHES], PERSONAL);
    expect(await siteCalls(page)).toEqual([
      'onLoad',
      'onStatusChange string',
      'onPrechatSubmit object',
      'onChatMessageVisitor string',
      'onChatMessageVisitor string',
      'onChatEnded',
    ]);
    expect(errors).toEqual([]);
  });
}
