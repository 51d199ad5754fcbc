import { expect, test } from './test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { networkInterfaces, tmpdir } from 'node:os';
import { DEMO_PORT } from '../playwright.config';
import { DOCUMENTED_ADAPTERS } from '../src/vendors/manifest';

// The playground of `npm start`, served by demo/serve.mjs (Playwright's webServer), clicked like a person would.
test('the playground turns the simulated booking into pushes and shows them', async ({ page }) => {
  const errors: Error[] = [];
  page.on('pageerror', (error) => errors.push(error));
  await page.goto(`http://127.0.0.1:${DEMO_PORT}/?widgets=chili_piper`);
  await page.waitForFunction(() => '__customerlyMessenger' in window);
  const before = Number(await page.locator('#count').textContent());
  const widget = page.frameLocator('iframe[title="Simulated Chili Piper booking"]');
  await widget.getByRole('button', { name: 'Run a whole booking' }).click();
  await expect(page.locator('#count')).toHaveText(String(before + 7));
  const events = await page.evaluate(() =>
    (window as unknown as { dataLayer: { event: string; widget_vendor: string; widget_action: string }[] }).dataLayer
      .filter((push) => push.widget_vendor == 'chili_piper')
      .map((push) => push.event + ' ' + push.widget_action),
  );
  // Every vendor event is pushed; availability-loaded (open) after meeting-selected (start), and timeslot-selected
  // after meeting-selected, are steps the booking already reached: interactions, so the funnel only goes forward.
  expect(events).toEqual([
    'widget_open routing',
    'widget_start meeting-selected',
    'widget_interaction availability-loaded',
    'widget_interaction timeslot-selected',
    'widget_submit booked',
    'widget_complete booking-confirmed',
    'generate_lead booking-confirmed',
  ]);
  await expect(page.locator('#log .push:not(.suppressed)').first()).toContainText('generate_lead · chili_piper · booking-confirmed');
  await expect(page.locator('#log .push.suppressed')).toHaveCount(0);
  // What the bridge does not push is shown greyed with its reason, not counted.
  await widget.getByRole('button', { name: 'REDIRECT (ignored)' }).click();
  await expect(page.locator('#log .push.suppressed')).toHaveCount(1);
  await expect(page.locator('#log .push.suppressed')).toContainText('chili_piper "REDIRECT": unknown event, ignored');
  await widget.getByRole('button', { name: 'close → close' }).click();
  await expect(page.locator('#count')).toHaveText(String(before + 8));
  expect(errors).toEqual([]);
});

test('the playground’s Typeform panel posts the form’s messages: one push each, one lead, no answers', async ({ page }) => {
  const errors: Error[] = [];
  page.on('pageerror', (error) => errors.push(error));
  await page.goto(`http://127.0.0.1:${DEMO_PORT}/?widgets=typeform`);
  const form = page.frameLocator('iframe[title="Simulated Typeform form"]');
  await form.getByRole('button', { name: 'Fill and submit the form' }).click();
  const typeformPushes = () =>
    page.evaluate(() =>
      (window as unknown as { dataLayer: { event: string; widget_vendor: string; widget_action: string }[] }).dataLayer
        .filter((push) => push.widget_vendor == 'typeform')
        .map((push) => push.event + ' ' + push.widget_action),
    );
  await expect
    .poll(typeformPushes)
    .toEqual([
      'widget_view form-ready',
      'widget_start form-started',
      'widget_interaction form-screen-changed',
      'widget_interaction form-screen-changed',
      'widget_submit form-submit',
      'generate_lead form-submit',
    ]);
  await form.getByRole('button', { name: 'submit with answers (never read)' }).click();
  await expect.poll(async () => (await typeformPushes()).length).toBe(7);
  expect(await page.evaluate(() => JSON.stringify((window as unknown as { dataLayer: unknown[] }).dataLayer))).not.toContain('Jane');
  expect(errors).toEqual([]);
});

test('the playground’s Customerly and Userlike panels push without personal data and keep the site’s callbacks', async ({ page }) => {
  const errors: Error[] = [];
  page.on('pageerror', (error) => errors.push(error));
  await page.goto(`http://127.0.0.1:${DEMO_PORT}/?widgets=customerly,userlike`);
  await page.waitForFunction(() => '__customerlyMessenger' in window && '__userlike' in window);
  const before = Number(await page.locator('#count').textContent());
  await page.locator('#panel-customerly').getByRole('button', { name: 'onChatOpened → open' }).click();
  await page.locator('#panel-customerly').getByRole('button', { name: 'onLeadGenerated → submit' }).click();
  await page.locator('#panel-userlike').getByRole('button', { name: 'chat_started → start', exact: true }).click();
  await expect(page.locator('#count')).toHaveText(String(before + 4));
  const pushes = await page.evaluate(() => JSON.stringify((window as unknown as { dataLayer: unknown[] }).dataLayer));
  expect(pushes).not.toMatch(/jane|Jane|555|Smith/);
  await expect(page.locator('#site-log')).toContainText('site customerly onChatOpened callback called');
  await expect(page.locator('#site-log')).toContainText('site userlikeTrackingEvent("chat_started") called');
  expect(errors).toEqual([]);
});

test('the playground’s tawk.to panel pushes without personal data and keeps the site’s Tawk_API callback', async ({ page }) => {
  const errors: Error[] = [];
  page.on('pageerror', (error) => errors.push(error));
  await page.goto(`http://127.0.0.1:${DEMO_PORT}/?widgets=tawk_to`);
  await page.waitForFunction(() => '__tawk' in window);
  const before = Number(await page.locator('#count').textContent());
  await page.locator('#panel-tawk_to').getByRole('button', { name: 'onChatMaximized → open' }).click();
  await page.locator('#panel-tawk_to').getByRole('button', { name: 'onPrechatSubmit → submit' }).click();
  await page.locator('#panel-tawk_to').getByRole('button', { name: 'onStatusChange:offline → unavailable' }).click();
  await expect(page.locator('#count')).toHaveText(String(before + 4));
  const pushes = await page.evaluate(() => JSON.stringify((window as unknown as { dataLayer: unknown[] }).dataLayer));
  expect(pushes).not.toMatch(/jane|Jane|555|Smith/);
  expect(pushes).toContain('"widget_availability":"offline"');
  await expect(page.locator('#site-log')).toContainText('site Tawk_API.onPrechatSubmit called');
  expect(errors).toEqual([]);
});

test('the playground’s Crisp panel pushes without personal data and keeps the site’s $crisp callback', async ({ page }) => {
  const errors: Error[] = [];
  page.on('pageerror', (error) => errors.push(error));
  await page.goto(`http://127.0.0.1:${DEMO_PORT}/?widgets=crisp`);
  await page.waitForFunction(() => '__crisp' in window);
  const before = Number(await page.locator('#count').textContent());
  await page.locator('#panel-crisp').getByRole('button', { name: 'chat:opened → open' }).click();
  await page.locator('#panel-crisp').getByRole('button', { name: 'user:email:changed → submit' }).click();
  await page.locator('#panel-crisp').getByRole('button', { name: 'website:availability:changed:away → unavailable' }).click();
  await expect(page.locator('#count')).toHaveText(String(before + 4));
  const pushes = await page.evaluate(() => JSON.stringify((window as unknown as { dataLayer: unknown[] }).dataLayer));
  expect(pushes).not.toMatch(/jane|Jane|555|Smith/);
  expect(pushes).toContain('"widget_availability":"away"');
  await expect(page.locator('#site-log')).toContainText('site $crisp user:email:changed callback called');
  expect(errors).toEqual([]);
});

test('the playground’s Genesys panel publishes lifecycles and keeps the site’s onReady', async ({ page }) => {
  const errors: Error[] = [];
  page.on('pageerror', (error) => errors.push(error));
  await page.goto(`http://127.0.0.1:${DEMO_PORT}/?widgets=genesys`);
  await page.waitForFunction(() => (window as unknown as { __genesysReady?: boolean }).__genesysReady === true);
  await expect(page.locator('#site-log')).toContainText('site Genesys onReady(CXBus) called');
  const before = Number(await page.locator('#count').textContent());
  await page.locator('#panel-genesys').getByRole('button', { name: 'ClickToCall: call completed (lead)' }).click();
  await expect(page.locator('#count')).toHaveText(String(before + 5));
  await expect(page.locator('#log .push').nth(1)).toContainText('generate_lead · genesys · ClickToCall.completed');
  const pushes = await page.evaluate(() => JSON.stringify((window as unknown as { dataLayer: unknown[] }).dataLayer));
  expect(pushes).not.toMatch(/Jane|555|pricing/);
  expect(errors).toEqual([]);
});

test('the playground server survives any path and answers on the loopback interface only', async ({ request }) => {
  const base = `http://127.0.0.1:${DEMO_PORT}`;
  for (const path of ['/dist/', '/demo/', '/dist', '/%2e%2e/package.json', '/dist/%E0%A4%A', '/mock/../package.json']) {
    const response = await request.get(base + path);
    expect([404, 400], path).toContain(response.status());
  }
  // Still up, and still serving files (positive control).
  expect((await request.get(base + '/')).status()).toBe(200);
  expect((await request.get(base + '/dist/gtm-widget-bridge.js')).status()).toBe(200);
  // Not reachable through the machine's other addresses, where it has any.
  const external = Object.values(networkInterfaces())
    .flat()
    .find((address) => address && address.family == 'IPv4' && !address.internal);
  if (external) {
    const reached = await new Promise<boolean>((resolve) => {
      const socket = connect({ host: external.address, port: DEMO_PORT }, () => (socket.destroy(), resolve(true)));
      socket.on('error', () => resolve(false));
    });
    expect(reached, `playground reachable on ${external.address}`).toBe(false);
  }
});

test('the playground hands out a working tag: pick widgets and options, copy, paste into a page, events pushed', async ({
  page,
  context,
  browser,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: `http://127.0.0.1:${DEMO_PORT}` });
  const every = DOCUMENTED_ADAPTERS.map((adapter) => adapter.vendor);
  await page.goto(`http://127.0.0.1:${DEMO_PORT}/?widgets=${every.join(',')}`);
  const html = page.locator('#tag-html');
  // Every widget, the default options: exactly the built all-vendor paste and container (the same renderer made them).
  const built = async (file: string) => (await page.request.get(`http://127.0.0.1:${DEMO_PORT}/dist/${file}`)).text();
  await expect(html).toHaveValue(await built('gtm-widget-bridge.gtm.html'));
  await expect(page.locator('#tag-container')).toHaveValue(await built('container.json'));
  await page.getByLabel('with the Community Template tag').check();
  await expect(page.locator('#tag-container')).toHaveValue(await built('container.template.json'));

  // Every widget but Chili Piper unpicked (a vendor of several groups has a box in each; any one unpicks it).
  for (const vendor of every.filter((vendor) => vendor != 'chili_piper'))
    await page.locator(`#picker input[value=${vendor}]`).first().uncheck();
  await expect(page).toHaveURL(/\?widgets=chili_piper$/);
  await page.locator('input[name=eventPrefix]').fill('chat_');
  await page
    .locator('#tag-options textarea[data-options-key=chiliPiper][data-field=origins]')
    .fill('https://booking.example.com\nhttps://bad.example.com/');
  // The bridge's own validation: the bad origin is named with why, the good one kept.
  await expect(page.locator('#tag-warnings')).toContainText('"https://bad.example.com/" ignored: an origin has no path or trailing slash');
  await expect(html).toHaveValue(/eventPrefix: 'chat_'/);
  await expect(html).toHaveValue(/origins: \['https:\/\/booking\.example\.com'\]/);
  await expect(page.locator('#tag-cdn')).toHaveValue(
    /dist\/core\.js" async><\/script>\n<script src="[^"]*\/dist\/vendors\/chili_piper\.js"/,
  );
  await expect(page.locator('#tag-install')).toHaveValue(/"vendors": \[\s*"chili_piper"\s*\]/);
  // The command line gives the same bytes for the same choices.
  const config = join(mkdtempSync(join(tmpdir(), 'gwb-')), 'config.json');
  writeFileSync(config, JSON.stringify({ eventPrefix: 'chat_', chiliPiper: { origins: ['https://booking.example.com'] } }));
  const cli = execFileSync('node', ['bin/gtm-widget-bridge.mjs', 'paste', '--vendors', 'chili_piper', '--config', config], {
    encoding: 'utf8',
  });
  expect(await html.inputValue()).toBe(cli);

  await page.locator('[data-copy=tag-html]').click();
  await expect(page.locator('[data-copy=tag-html]')).toHaveText('Copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await html.inputValue());
  // Only Chili Piper's code is in it.
  expect(copied).not.toContain('userlikeTrackingEvent');

  // Paste it into a fresh page as GTM would run it, and book.
  const site = await browser.newPage();
  const errors: Error[] = [];
  site.on('pageerror', (error) => errors.push(error));
  await site.route('https://www.acme-shop.test/', (route) =>
    route.fulfill({ contentType: 'text/html', body: `<!doctype html><html><head>${copied}</head><body></body></html>` }),
  );
  await site.route('https://booking.example.com/', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>booking</title>' }),
  );
  await site.goto('https://www.acme-shop.test/');
  await site.evaluate(() => {
    const frame = document.createElement('iframe');
    frame.src = 'https://booking.example.com/';
    document.body.append(frame);
    return new Promise((resolve) => (frame.onload = resolve));
  });
  await site.frames()[1].evaluate(() => parent.postMessage({ action: 'close' }, '*'));
  await expect
    .poll(() => site.evaluate(() => ((window as unknown as { dataLayer?: { event: string }[] }).dataLayer || []).map((push) => push.event)))
    .toContain('chat_close');
  expect(errors).toEqual([]);
  await site.close();
});

test('the playground’s Cal.com panel pushes a whole booking without personal data and ignores a dry run', async ({ page }) => {
  const errors: Error[] = [];
  page.on('pageerror', (error) => errors.push(error));
  await page.goto(`http://127.0.0.1:${DEMO_PORT}/?widgets=cal_com`);
  const calPushes = () =>
    page.evaluate(() =>
      (window as unknown as { dataLayer: Record<string, unknown>[] }).dataLayer
        .filter((push) => push.widget_vendor == 'cal_com')
        .map((push) => push.event + ' ' + push.widget_action),
    );
  const booker = page.frameLocator('iframe[title="Simulated Cal.com booker"]');
  await booker.getByRole('button', { name: 'Run a whole booking' }).click();
  await expect
    .poll(calPushes)
    .toEqual([
      'widget_view linkReady',
      'widget_interaction bookerViewed',
      'widget_start eventTypeSelected',
      'widget_complete bookingSuccessfulV2',
      'generate_lead bookingSuccessfulV2',
    ]);
  await booker.getByRole('button', { name: 'dryRunBookingSuccessfulV2' }).click();
  await expect(page.locator('#log .push.suppressed')).toContainText('cal_com "dryRunBookingSuccessfulV2": unknown event, ignored');
  expect(await calPushes()).toHaveLength(5);
  const text = JSON.stringify(await page.evaluate(() => (window as unknown as { dataLayer: unknown[] }).dataLayer));
  for (const fragment of ['Jane', 'cal.video']) expect(text).not.toContain(fragment);
  await expect(page.locator('#site-log')).toContainText('site Cal("on") would hear "bookingSuccessfulV2"');
  expect(errors).toEqual([]);
});

test('the playground’s HubSpot panel pushes a booking, a form and a chat without personal data, the site’s handlers kept', async ({
  page,
}) => {
  const errors: Error[] = [];
  page.on('pageerror', (error) => errors.push(error));
  await page.goto(`http://127.0.0.1:${DEMO_PORT}/?widgets=hubspot`);
  const hubspotPushes = () =>
    page.evaluate(() =>
      (window as unknown as { dataLayer: Record<string, unknown>[] }).dataLayer
        .filter((push) => push.widget_vendor == 'hubspot')
        .map((push) => push.event + ' ' + push.widget_product + ' ' + push.widget_action),
    );
  // The mock widget loaded itself (loadImmediately) after the site's snippet and the bridge.
  await expect.poll(hubspotPushes).toEqual(['widget_view chat widgetLoaded']);
  await page.frameLocator('iframe[title="Simulated HubSpot meetings page"]').getByRole('button', { name: 'Confirm the booking' }).click();
  const panel = page.locator('#panel-hubspot');
  for (const name of [
    'on-ready → view',
    'on-submission:success → submit',
    'userInteractedWithWidget → open',
    'conversationStarted → start',
  ])
    await panel.getByRole('button', { name }).click();
  await panel.getByRole('button', { name: 'unreadConversationCountChanged (never pushed)' }).click();
  await expect
    .poll(hubspotPushes)
    .toEqual([
      'widget_view chat widgetLoaded',
      'widget_complete meetings meetingBookSucceeded',
      'generate_lead meetings meetingBookSucceeded',
      'widget_view forms on-ready',
      'widget_submit forms on-submission:success',
      'generate_lead forms on-submission:success',
      'widget_open chat userInteractedWithWidget',
      'widget_start chat conversationStarted',
    ]);
  const text = JSON.stringify(await page.evaluate(() => (window as unknown as { dataLayer: unknown[] }).dataLayer));
  for (const fragment of ['Jane', 'jane', 'x.test']) expect(text).not.toContain(fragment);
  await expect(page.locator('#site-log')).toContainText(
    'site HubSpotConversations.on("conversationStarted") handler called for conversation 8842113',
  );
  await expect(page.locator('#site-log')).toContainText('site listener heard hs-form-event:on-submission:success');
  expect(errors).toEqual([]);
});

test('the playground’s LiveChat panel pushes a chat without personal data, the site handler kept', async ({ page }) => {
  const errors: Error[] = [];
  page.on('pageerror', (error) => errors.push(error));
  await page.goto(`http://127.0.0.1:${DEMO_PORT}/?widgets=livechat`);
  const livechatPushes = () =>
    page.evaluate(() =>
      (window as unknown as { dataLayer: Record<string, unknown>[] }).dataLayer
        .filter((push) => push.widget_vendor == 'livechat')
        .map((push) => push.event + ' ' + push.widget_action),
    );
  await expect.poll(livechatPushes).toEqual(['widget_view ready']);
  const widget = page.frameLocator('iframe[title="Simulated LiveChat widget"]');
  await widget.getByRole('button', { name: 'Chat with a pre-chat form' }).click();
  await expect
    .poll(livechatPushes)
    .toEqual([
      'widget_view ready',
      'widget_open visibility_changed:maximized',
      'widget_submit form_submitted:prechat',
      'generate_lead form_submitted:prechat',
      'widget_interaction customer_status_changed',
      'widget_interaction new_event:customer',
      'widget_interaction new_event:agent',
      'widget_interaction rating_submitted',
      'widget_close visibility_changed:minimized',
    ]);
  await widget.getByRole('button', { name: 'availability_changed: away (not documented)' }).click();
  await expect(page.locator('#log .push.suppressed')).toContainText('livechat "availability_changed:away": unknown event, ignored');
  const text = JSON.stringify(await page.evaluate(() => (window as unknown as { dataLayer: unknown[] }).dataLayer));
  for (const fragment of ['Jane', 'x.test', 'Hi there', 'my quote', 'c-77']) expect(text).not.toContain(fragment);
  await expect(page.locator('#site-log')).toContainText('site LiveChatWidget.on("visibility_changed") handler called: maximized');
  expect(errors).toEqual([]);
});

test('the playground’s Tidio panel pushes a chat once per event though it arrives both ways, without personal data', async ({ page }) => {
  const errors: Error[] = [];
  page.on('pageerror', (error) => errors.push(error));
  await page.goto(`http://127.0.0.1:${DEMO_PORT}/?widgets=tidio`);
  const tidioPushes = () =>
    page.evaluate(() =>
      (window as unknown as { dataLayer: Record<string, unknown>[] }).dataLayer
        .filter((push) => push.widget_vendor == 'tidio')
        .map((push) => push.event + ' ' + push.widget_action),
    );
  await expect.poll(tidioPushes).toEqual(['widget_view ready']);
  const widget = page.frameLocator('iframe[title="Simulated Tidio widget"]');
  await widget.getByRole('button', { name: 'Chat with the pre-chat form' }).click();
  await expect
    .poll(tidioPushes)
    .toEqual([
      'widget_view ready',
      'widget_open open',
      'widget_start conversationStart',
      'widget_submit preFormFilled',
      'generate_lead preFormFilled',
      'widget_interaction messageFromVisitor',
      'widget_interaction messageFromOperator',
      'widget_close close',
    ]);
  await widget.getByRole('button', { name: 'setStatus: away (not documented)' }).click();
  await expect(page.locator('#log .push.suppressed').first()).toContainText('tidio "setStatus:away": unknown event, ignored');
  const text = JSON.stringify(await page.evaluate(() => (window as unknown as { dataLayer: unknown[] }).dataLayer));
  for (const fragment of ['Jane', 'x.test', 'Hi there', 'my quote', '555']) expect(text).not.toContain(fragment);
  await expect(page.locator('#site-log')).toContainText('site tidioChatApi.on("preFormFilled") handler called');
  await expect(page.locator('#site-log')).toContainText('site tidioChat-open listener called');
  expect(errors).toEqual([]);
});

test('the playground’s chat panels (Intercom, Drift, Zendesk messaging) push their funnels without personal data, site callbacks kept', async ({
  page,
}) => {
  const errors: Error[] = [];
  page.on('pageerror', (error) => errors.push(error));
  await page.goto(`http://127.0.0.1:${DEMO_PORT}/?widgets=intercom,drift,zendesk`);
  const pushesOf = (vendor: string) =>
    page.evaluate(
      (name) =>
        (window as unknown as { dataLayer: Record<string, unknown>[] }).dataLayer
          .filter((push) => push.widget_vendor == name)
          .map((push) => push.event + ' ' + push.widget_action),
      vendor,
    );
  const panel = (vendor: string) => page.locator('#panel-' + vendor);
  for (const label of ['show → open', 'e-mail supplied → submit + lead', 'hide → close', 'unread count 1 → ignored'])
    await panel('intercom').getByRole('button', { name: label }).click();
  await expect
    .poll(() => pushesOf('intercom'))
    .toEqual([
      'widget_view ready',
      'widget_open onShow',
      'widget_submit onUserEmailSupplied',
      'generate_lead onUserEmailSupplied',
      'widget_close onHide',
    ]);
  for (const label of ['chatOpen → open', 'startConversation → start', 'emailCapture → submit + lead', 'message (team) → ignored'])
    await panel('drift').getByRole('button', { name: label }).click();
  await expect
    .poll(() => pushesOf('drift'))
    .toEqual([
      'widget_view ready',
      'widget_open chatOpen',
      'widget_start startConversation',
      'widget_submit emailCapture',
      'generate_lead emailCapture',
    ]);
  for (const label of ["zE('messenger', 'open') → open", 'conversationStarted → start', 'messagesShown → ignored'])
    await panel('zendesk').getByRole('button', { name: label }).click();
  await expect.poll(() => pushesOf('zendesk')).toEqual(['widget_open open', 'widget_start conversationStarted']);
  const text = JSON.stringify(await page.evaluate(() => (window as unknown as { dataLayer: unknown[] }).dataLayer));
  for (const fragment of ['Jane', 'jane', '555', 'Agent Smith']) expect(text).not.toContain(fragment);
  await expect(page.locator('#site-log')).toContainText('site Intercom("onShow") callback called');
  await expect(page.locator('#site-log')).toContainText('site drift.on("emailCapture") callback called');
  await expect(page.locator('#site-log')).toContainText('site zE("messenger:on", "open") callback called');
  expect(errors).toEqual([]);
});
