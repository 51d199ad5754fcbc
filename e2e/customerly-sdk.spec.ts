import { expect, test, type Page } from './test';
import { BRIDGE, expectPushes, fixture, openHost } from './helpers';
import { PLANTED } from '../fixtures/personalData';
import { bundleFixtureApp } from './vendorCode';

// Customerly's own React SDK (npm react-live-chat-customerly 1.0.13) runs unchanged in a React app; only
// the messenger it loads (launcher.js, not public) is the mock, reading customerly.onX as the SDK's
// registerCallback sets them.
const APP_URL = 'https://www.acme-shop.test/app.js';
const LAUNCHER_URL = 'https://messenger.customerly.io/launcher.js';
const PERSONAL = PLANTED;

let app = '';
test.beforeAll(async () => {
  app = await bundleFixtureApp('customerly-react-app.js');
});

/** The page with the app at the end of the body, the bridge first in the head when `bridge`. */
async function openApp(page: Page, bridge: boolean) {
  const opened = await openHost(page, {
    frames: [],
    head: [...(bridge ? [BRIDGE] : []), `<script src="${APP_URL}" defer></script>`],
    scripts: { [APP_URL]: app, [LAUNCHER_URL]: fixture('customerly-launcher.js') },
  });
  await page.waitForFunction(() => '__customerlyMessenger' in window);
  return opened;
}

async function fire(page: Page, name: string, ...args: unknown[]) {
  await page.evaluate(
    ({ name, args }) =>
      (window as unknown as { __customerlyMessenger: { fire(...a: unknown[]): void } }).__customerlyMessenger.fire(name, ...args),
    { name, args },
  );
}

/** What the messenger is handed: the namespace's own properties and the settings object, as the page sees them. */
const messengerInput = (page: Page) =>
  page.evaluate(() => {
    const namespace = (window as unknown as { customerly: Record<string, unknown> & { settings: object } }).customerly;
    return {
      namespace: Object.getOwnPropertyNames(namespace).sort(),
      settings: JSON.stringify(namespace.settings),
      isArray: Array.isArray(namespace),
    };
  });

const common = { widget_vendor: 'customerly', widget_product: 'live_chat', widget_schema: 1 };

test('React SDK: every callback pushed with the conversation ids, a second lead in a second conversation, site callbacks kept', async ({
  page,
}) => {
  const { errors } = await openApp(page, true);
  await fire(page, 'onChatOpened');
  await fire(page, 'onNewConversation', 'Hi, I am Jane', []);
  await fire(page, 'onNewMessageReceived', { accountId: 3, message: 'Hello Jane', timestamp: 1, userId: 9, conversationId: 4711 });
  await fire(page, 'onLeadGenerated', 'jane.doe@example.com');
  await fire(page, 'onChatflowNotificationViewed', 88, 'jane.doe@example.com');
  await fire(
    page,
    'onChatflowNotificationClicked',
    88,
    { type: 'button', button: { caption: 'Talk to Jane', link: 'https://x.test/?jane' } },
    'jane.doe@example.com',
  );
  await page.waitForTimeout(1100); // a new conversation later on, not one event reported twice
  await fire(page, 'onNewConversation', 'Me again', []);
  await fire(page, 'onNewConversationReceived', 4712);
  await fire(page, 'onLeadGenerated', 'jane.doe@example.com');
  await expectPushes(
    page,
    [
      { event: 'widget_view', ...common, widget_action: 'onMessengerInitialized', widget_stage: 'view' },
      { event: 'widget_open', ...common, widget_action: 'onChatOpened', widget_stage: 'open' },
      { event: 'widget_start', ...common, widget_action: 'onNewConversation', widget_stage: 'start', widget_attachment_count: 0 },
      {
        event: 'widget_interaction',
        ...common,
        widget_action: 'onNewMessageReceived',
        widget_stage: 'interaction',
        widget_interaction_id: '4711',
      },
      {
        event: 'widget_submit',
        ...common,
        widget_action: 'onLeadGenerated',
        widget_stage: 'submit',
        widget_interaction_id: '4711',
        widget_email_provided: true,
      },
      {
        event: 'generate_lead',
        ...common,
        widget_action: 'onLeadGenerated',
        widget_stage: 'submit',
        widget_interaction_id: '4711',
        widget_email_provided: true,
        lead_source: 'customerly',
      },
      {
        event: 'widget_interaction',
        ...common,
        widget_action: 'onChatflowNotificationViewed',
        widget_stage: 'interaction',
        widget_interaction_id: '88',
        widget_proactive: true,
        widget_email_provided: true,
      },
      {
        event: 'widget_interaction',
        ...common,
        widget_action: 'onChatflowNotificationClicked',
        widget_stage: 'interaction',
        widget_interaction_id: '88',
        widget_proactive: true,
        widget_email_provided: true,
        widget_item_type: 'button',
      },
      { event: 'widget_start', ...common, widget_action: 'onNewConversation', widget_stage: 'start', widget_attachment_count: 0 },
      {
        event: 'widget_interaction',
        ...common,
        widget_action: 'onNewConversationReceived',
        widget_stage: 'interaction',
        widget_interaction_id: '4712',
        widget_proactive: true,
      },
      {
        event: 'widget_submit',
        ...common,
        widget_action: 'onLeadGenerated',
        widget_stage: 'submit',
        widget_interaction_id: '4712',
        widget_email_provided: true,
      },
      {
        event: 'generate_lead',
        ...common,
        widget_action: 'onLeadGenerated',
        widget_stage: 'submit',
        widget_interaction_id: '4712',
        widget_email_provided: true,
        lead_source: 'customerly',
      },
    ],
    PERSONAL,
  );
  expect(await page.evaluate(() => (window as unknown as { siteCalls: string[] }).siteCalls)).toEqual([
    'onChatOpened',
    'onLeadGenerated string',
    'onChatflowNotificationClicked 88',
    'onLeadGenerated string',
  ]);
  expect(errors).toEqual([]);
});

test('React SDK: the messenger is handed exactly what it is handed without the bridge', async ({ page }) => {
  await openApp(page, false);
  const without = await messengerInput(page);
  const { errors } = await openApp(page, true);
  expect(await messengerInput(page)).toEqual(without);
  expect(without.namespace).toContain('onChatOpened'); // positive control: the SDK's own registrations are there
  await fire(page, 'onChatOpened');
  await expectPushes(page, [
    { event: 'widget_view', ...common, widget_action: 'onMessengerInitialized', widget_stage: 'view' },
    { event: 'widget_open', ...common, widget_action: 'onChatOpened', widget_stage: 'open' },
  ]);
  expect(errors).toEqual([]);
});
