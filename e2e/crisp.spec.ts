import { expect, test, type Page } from './test';
import { BRIDGE, CDN_URL, expectPushes, external, fixture, inline, loadBridgeLate, openHost } from './helpers';
import { PLANTED } from '../fixtures/personalData';
import { bundleFixtureApp } from './vendorCode';

// Crisp's chatbox is remote (client.crisp.chat/l.js): the mock (fixtures/crisp-client.js) runs the $crisp
// queue and keeps one callback per event as Crisp does; Crisp's own npm package (crisp-sdk-web 1.2.1) runs
// unchanged in a site's app.
const CLIENT_URL = 'https://client.crisp.chat/l.js';
const PERSONAL = PLANTED;
const SESSION = 'session_700d2d2a-1c52-4d6e-9a0e-0b0b6bd7e8a1';
const CLIENT = fixture('crisp-client.js');
/** The chatbox arrives over the network after the page's own scripts ran, as the async script does in practice. */
const overTheNetwork = () => new Promise<string>((resolve) => setTimeout(() => resolve(CLIENT), 300));
const SCRIPTS = { [CLIENT_URL]: overTheNetwork, [CLIENT_URL + '?restart']: CLIENT };

/** Crisp's embed code as its dashboard hands it out, then the site's own callbacks on the queue. */
const SNIPPET = inline(`
  window.$crisp = []; window.CRISP_WEBSITE_ID = '6f1c2a7e-0b9d-4f3e-8a55-3c2d1e0f9a4b';
  (function () { d = document; s = d.createElement('script'); s.src = '${CLIENT_URL}'; s.async = 1; d.getElementsByTagName('head')[0].appendChild(s); })();
  window.siteCalls = [];
  $crisp.push(['on', 'chat:opened', function () { siteCalls.push('chat:opened ' + (this === window.$crisp)); return 'site'; }]);
  $crisp.push(['on', 'user:email:changed', function (email) { siteCalls.push('user:email:changed ' + typeof email); }]);
  $crisp.push(['on', 'user:avatar:changed', function (avatar) { siteCalls.push('user:avatar:changed ' + typeof avatar); }]);
`);

const emit = (page: Page, name: string) =>
  page.evaluate((event) => (window as unknown as { __crisp: { emit(n: string): unknown } }).__crisp.emit(event), name);
const siteCalls = (page: Page) => page.evaluate(() => (window as unknown as { siteCalls: string[] }).siteCalls);
const chatboxLoaded = (page: Page) => page.waitForFunction(() => '__crisp' in window);

const common = { widget_vendor: 'crisp', widget_product: 'live_chat', widget_schema: 1, widget_interaction_id: SESSION };
const push = (stage: string, action: string, details: Record<string, unknown> = {}) => ({
  event: 'widget_' + stage,
  ...common,
  widget_action: action,
  widget_stage: stage,
  ...details,
});
const LOADED = [
  push('view', 'session:loaded'),
  push('interaction', 'website:availability:changed:online', { widget_availability: 'online' }),
];
const CHAT = [
  'chat:opened',
  'chat:initiated',
  'message:sent',
  'message:received',
  'message:sent',
  'user:email:changed',
  'user:avatar:changed',
  'chat:closed',
];
const CHAT_PUSHES = [
  push('open', 'chat:opened'),
  push('start', 'chat:initiated'),
  push('interaction', 'message:sent'),
  push('interaction', 'message:received'),
  // The second visitor message is not pushed (one per session); user:avatar:changed is never pushed.
  push('submit', 'user:email:changed', { widget_email_provided: true }),
  { ...push('submit', 'user:email:changed', { widget_email_provided: true }), event: 'generate_lead', lead_source: 'crisp' },
  push('close', 'chat:closed'),
];

const ORDERS = {
  'the embed snippet and the site callbacks, then the bridge': [SNIPPET, BRIDGE],
  'the bridge, then the embed snippet and the site callbacks': [BRIDGE, SNIPPET],
  'the core and the crisp plugin file, then the snippet': [external(`${CDN_URL}core.js`), external(`${CDN_URL}vendors/crisp.js`), SNIPPET],
  'the snippet, then the plugin file before the core': [SNIPPET, external(`${CDN_URL}vendors/crisp.js`), external(`${CDN_URL}core.js`)],
};

for (const [order, head] of Object.entries(ORDERS)) {
  test(`embed snippet, ${order}: a whole chat pushed without personal data, the site callbacks kept`, async ({ page }) => {
    const { errors } = await openHost(page, { frames: [], head, scripts: SCRIPTS });
    await chatboxLoaded(page);
    const results = [];
    for (const name of CHAT) results.push(await emit(page, name));
    await expectPushes(page, [...LOADED, ...CHAT_PUSHES], PERSONAL);
    expect(results[0]).toBe('site'); // the site's return value reaches the chatbox
    expect(await siteCalls(page)).toEqual(['chat:opened true', 'user:email:changed string', 'user:avatar:changed string']);
    expect(errors).toEqual([]);
  });
}

test('a page that re-creates the chatbox (a new $crisp queue, the script again): heard once, site callbacks of the new queue kept', async ({
  page,
}) => {
  const { errors } = await openHost(page, { frames: [], head: [BRIDGE, SNIPPET], scripts: SCRIPTS });
  await chatboxLoaded(page);
  await emit(page, 'chat:opened');
  await page.evaluate((url) => {
    const w = window as unknown as Record<string, unknown> & { siteCalls: string[]; $crisp: unknown[] };
    w.__crispSession = 'session_2';
    w.$crisp = [];
    w.$crisp.push(['on', 'chat:closed', () => w.siteCalls.push('new chat:closed')]);
    const script = document.createElement('script');
    script.src = url;
    document.head.appendChild(script);
  }, CLIENT_URL + '?restart');
  await page.waitForFunction(() => (window as unknown as { __crispCalls: string[] }).__crispCalls.length == 2);
  await emit(page, 'chat:opened');
  await emit(page, 'chat:closed');
  const second = { widget_interaction_id: 'session_2' };
  await expectPushes(page, [
    ...LOADED,
    push('open', 'chat:opened'),
    push('view', 'session:loaded', second),
    push('interaction', 'website:availability:changed:online', { ...second, widget_availability: 'online' }),
    push('open', 'chat:opened', second),
    push('close', 'chat:closed', second),
  ]);
  expect(await siteCalls(page)).toEqual(['chat:opened true', 'new chat:closed']);
  expect(errors).toEqual([]);
});

let app = '';
test.beforeAll(async () => {
  app = await bundleFixtureApp('crisp-sdk-app.js');
});
const APP_URL = 'https://www.acme-shop.test/app.js';
const APP = `<script src="${APP_URL}"></script>`;

test('crisp-sdk-web app, the bridge first: every registration (off, then on) kept behind the bridge’s one callback', async ({ page }) => {
  const { errors } = await openHost(page, { frames: [], head: [BRIDGE, APP], scripts: { ...SCRIPTS, [APP_URL]: app } });
  await chatboxLoaded(page);
  // The SDK's own calls: open the chat, give the e-mail (["set", "user:email", [email]] makes the chatbox report it).
  await page.evaluate(() => {
    const sdk = (window as unknown as { crispSdk: { chat: { open(): void }; user: { setEmail(e: string): void } } }).crispSdk;
    sdk.chat.open();
    sdk.user.setEmail('jane.doe@example.com');
  });
  await emit(page, 'message:sent');
  await expectPushes(
    page,
    [
      ...LOADED,
      push('open', 'chat:opened'),
      push('submit', 'user:email:changed', { widget_email_provided: true }),
      { ...push('submit', 'user:email:changed', { widget_email_provided: true }), event: 'generate_lead', lead_source: 'crisp' },
      push('interaction', 'message:sent'),
    ],
    PERSONAL,
  );
  expect(await siteCalls(page)).toEqual(['session:loaded string', 'chat:opened', 'user:email:changed string', 'message:sent object']);
  expect(errors).toEqual([]);
});

test('crisp-sdk-web app, the bridge after the chatbox loaded: no site callback replaced; an event heard once the app registers it', async ({
  page,
}) => {
  const { errors } = await openHost(page, { frames: [], head: [APP], scripts: { ...SCRIPTS, [APP_URL]: app } });
  await chatboxLoaded(page);
  await loadBridgeLate(page);
  await emit(page, 'chat:opened');
  await page.evaluate(() => {
    const w = window as unknown as { siteCalls: string[]; crispSdk: { chat: { onChatClosed(f: () => void): void } } };
    w.crispSdk.chat.onChatClosed(() => w.siteCalls.push('chat:closed'));
  });
  await emit(page, 'chat:closed');
  await expectPushes(
    page,
    [{ ...push('close', 'chat:closed'), widget_interaction_id: undefined }].map(({ widget_interaction_id: _, ...rest }) => rest),
  );
  expect(await siteCalls(page)).toEqual(['session:loaded string', 'chat:opened', 'chat:closed']);
  expect(errors).toEqual([]);
});
