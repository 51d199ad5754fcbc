import { expect, test, type Page } from './test';
import { createHash } from 'node:crypto';
import { BRIDGE, expectPushes, fixture, inline, loadBridgeLate, openHost } from './helpers';
import { PLANTED } from '../fixtures/personalData';

const LAUNCHER_URL = 'https://messenger.customerly.io/launcher.js';
const SNIPPET = inline(fixture('customerly-snippet.js'));
const PERSONAL = PLANTED;

/** The site's own callbacks, one per registration style, recording their calls, `this` and arguments. */
const SITE_CALLBACKS = inline(`
  window.siteCalls = [];
  window.siteSettingsCallback = function () { siteCalls.push({ via: 'settings', thisIsCallbacks: this === customerly.settings.callbacks, args: [].slice.call(arguments) }); return 'from-settings'; };
  window.sitePropertyCallback = function () { siteCalls.push({ via: 'property', thisIsNamespace: this === window.customerly, args: [].slice.call(arguments) }); return 'from-property'; };`);
const LOAD = inline(`customerly.load({ app_id: 'APP123', callbacks: { onChatOpened: siteSettingsCallback } });`);
const PROPERTY = inline(`customerly.onChatClosed = sitePropertyCallback;`);

const ORDERS = {
  'before the snippet': [BRIDGE, SNIPPET, LOAD, PROPERTY],
  'after the snippet, before load()': [SNIPPET, BRIDGE, LOAD, PROPERTY],
  'after load()': [SNIPPET, LOAD, PROPERTY, BRIDGE],
  'after the messenger booted': [SNIPPET, LOAD, PROPERTY],
} as const;

async function fire(page: Page, name: string, ...args: unknown[]) {
  await page.evaluate(
    ({ name, args }) =>
      (window as unknown as { __customerlyMessenger: { fire(...a: unknown[]): void } }).__customerlyMessenger.fire(name, ...args),
    { name, args },
  );
}

const common = { widget_vendor: 'customerly', widget_product: 'live_chat', widget_schema: 1 };

for (const variant of ['settings', 'property', 'both']) {
  for (const [order, parts] of Object.entries(ORDERS)) {
    test(`bridge ${order}, messenger calls ${variant} callbacks: exact pushes, site callbacks intact, no personal data`, async ({
      page,
    }) => {
      const bridgeInHead = (parts as readonly string[]).includes(BRIDGE);
      const { errors } = await openHost(page, {
        frames: [],
        head: [inline(`window.__customerlyVariant = '${variant}';`), SITE_CALLBACKS, ...parts],
        scripts: {
          // load() injects the launcher as an async script, which may run before a later script of the
          // page: with the bridge in the page, the messenger boots only once the bridge is installed, as
          // the order under test says. (The late-bridge order tests the other way round.)
          [LAUNCHER_URL]: bridgeInHead
            ? async () => (await page.waitForFunction(() => 'gtmWidgetBridge' in window), fixture('customerly-launcher.js'))
            : fixture('customerly-launcher.js'),
        },
      });
      await page.waitForFunction(() => '__customerlyMessenger' in window);
      const booted = order != 'after the messenger booted';
      if (!booted) await loadBridgeLate(page);

      await fire(page, 'onChatOpened');
      await fire(page, 'onNewConversation', 'Hi there, I am Jane, +1 555 0100', [{ name: 'cv.pdf', content: 'secret' }]);
      await fire(page, 'onProfilingQuestionAnswered', 'company_size', 'Jane Ltd');
      await fire(page, 'onLeadGenerated', 'jane.doe@example.com');
      await fire(page, 'onChatClosed');

      await expectPushes(
        page,
        [
          ...(booted ? [{ event: 'widget_view', ...common, widget_action: 'onMessengerInitialized', widget_stage: 'view' }] : []),
          { event: 'widget_open', ...common, widget_action: 'onChatOpened', widget_stage: 'open' },
          { event: 'widget_start', ...common, widget_action: 'onNewConversation', widget_stage: 'start', widget_attachment_count: 1 },
          {
            event: 'widget_interaction',
            ...common,
            widget_action: 'onProfilingQuestionAnswered',
            widget_stage: 'interaction',
            widget_profiling_attribute: 'company_size',
          },
          { event: 'widget_submit', ...common, widget_action: 'onLeadGenerated', widget_stage: 'submit', widget_email_provided: true },
          {
            event: 'generate_lead',
            ...common,
            widget_action: 'onLeadGenerated',
            widget_stage: 'submit',
            widget_email_provided: true,
            lead_source: 'customerly',
          },
          { event: 'widget_close', ...common, widget_action: 'onChatClosed', widget_stage: 'close' },
        ],
        PERSONAL,
      );
      // Exactly the calls the messenger makes without a bridge: the load() callback unless it only calls properties;
      // onChatClosed exists only as a property, so every variant calls that one.
      expect(await page.evaluate(() => (window as unknown as { siteCalls: unknown[] }).siteCalls)).toEqual([
        ...(variant != 'property' ? [{ via: 'settings', thisIsCallbacks: true, args: [] }] : []),
        { via: 'property', thisIsNamespace: true, args: [] },
      ]);
      expect(errors).toEqual([]);
    });
  }
}

test('a throwing site callback still throws to the messenger, after the push', async ({ page }) => {
  const { errors } = await openHost(page, {
    frames: [],
    head: [
      BRIDGE,
      SNIPPET,
      inline(`customerly.load({ callbacks: { onChatOpened: function () { throw new Error('site callback broke'); } } });`),
    ],
    scripts: { [LAUNCHER_URL]: fixture('customerly-launcher.js') },
  });
  await page.waitForFunction(() => '__customerlyMessenger' in window);
  const thrown = await page.evaluate(() => {
    try {
      (window as unknown as { __customerlyMessenger: { fire(n: string): void } }).__customerlyMessenger.fire('onChatOpened');
      return 'nothing thrown';
    } catch (error) {
      return (error as Error).message;
    }
  });
  expect(thrown).toBe('site callback broke');
  await expectPushes(page, [
    { event: 'widget_view', ...common, widget_action: 'onMessengerInitialized', widget_stage: 'view' },
    { event: 'widget_open', ...common, widget_action: 'onChatOpened', widget_stage: 'open' },
  ]);
  expect(errors).toEqual([]);
});

test('hashEmail adds only the SHA-256 of the normalized e-mail to the lead', async ({ page }) => {
  const { errors } = await openHost(page, {
    frames: [],
    config: { hashEmail: true },
    head: [BRIDGE, SNIPPET, inline(`customerly.load({});`)],
    scripts: { [LAUNCHER_URL]: fixture('customerly-launcher.js') },
  });
  await page.waitForFunction(() => '__customerlyMessenger' in window);
  await fire(page, 'onLeadGenerated', ' Jane.Doe@GMail.com ');
  // Normalized as Google expects: trimmed, lower case, gmail addresses without the dots of the local part.
  const hash = createHash('sha256').update('janedoe@gmail.com').digest('hex');
  await expect
    .poll(async () => await page.evaluate(() => (window as unknown as { dataLayer: { event: string }[] }).dataLayer.map((p) => p.event)))
    .toContain('generate_lead');
  const lead = await page.evaluate(() =>
    (window as unknown as { dataLayer: Record<string, unknown>[] }).dataLayer.find((p) => p.event == 'generate_lead'),
  );
  expect(lead!.user_data).toEqual({ sha256_email_address: hash });
  expect(JSON.stringify(lead)).not.toMatch(/jane|gmail/i);
  expect(errors).toEqual([]);
});
