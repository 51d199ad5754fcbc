import { expect, test, type Page } from './test';
import { BRIDGE, expectPushes, external, fixture, inline, openHost, type Served } from './helpers';
import { vendorFile } from './vendorCode';
import { PLANTED } from '../fixtures/personalData';

// Userlike's own loader (npm @userlike/messenger 1.3.2, its browser build) runs unchanged: it fetches the
// asset manifest, creates a same-origin iframe, loads the widget into it and calls run(settings, window).
// Only the network is mocked: the manifest and the widget script (not public).
const LOADER_URL = 'https://cdn.acme-shop.test/userlike-messenger.min.js';
const CDN = 'https://userlike-cdn-widgets.s3-eu-west-1.amazonaws.com';
const WIDGET_URL = `${CDN}/umm-widget.js`;
const PERSONAL = PLANTED;

function serveUserlike(): (request: import('@playwright/test').Request) => Served | undefined {
  return (request) => {
    const url = request.url();
    if (url == LOADER_URL) return { contentType: 'text/javascript', body: vendorFile('@userlike/messenger', 'dist/browser/index.min.js') };
    if (url == `${CDN}/umm-manifest.json`)
      return { contentType: 'application/json', body: JSON.stringify([WIDGET_URL]), headers: { 'access-control-allow-origin': '*' } };
    if (url == WIDGET_URL) return { contentType: 'text/javascript', body: fixture('userlike-umm-widget.js') };
    return undefined;
  };
}

/** The site starts the messenger as Userlike's docs show, once the page is there. */
const START = inline(`addEventListener('DOMContentLoaded', function () {
  UserlikeMessenger.createMessenger({ version: 2, widgetKey: 'demo-widget-key' }).then(function (result) { window.__messengerResult = result.kind; });
});`);

const fire = (page: Page, name: string) =>
  page.evaluate((event) => (window as unknown as { __userlikeWidget: { fire(n: string): unknown } }).__userlikeWidget.fire(event), name);

const common = {
  widget_vendor: 'userlike',
  widget_product: 'messenger',
  widget_interaction_id: 'umm-chat-1',
  widget_id: '9001',
  widget_lang: 'en',
  widget_operator_group_id: '5',
  widget_operator_id: '12',
  widget_schema: 1,
};

test('@userlike/messenger: a site function declared after the bridge (the usual GTM order) still gets every event pushed', async ({
  page,
}) => {
  const { errors } = await openHost(page, {
    frames: [],
    head: [
      BRIDGE,
      external(LOADER_URL),
      // The site's own tracking function, declared after the GTM tag ran: it replaces the bridge's hook.
      inline(
        `window.siteCalls = []; function userlikeTrackingEvent(name, globalContext) { siteCalls.push(name + ' ' + typeof globalContext); return 'site:' + name; }`,
      ),
      START,
    ],
    serve: serveUserlike(),
  });
  await page.waitForFunction(() => (window as unknown as { __messengerResult?: string }).__messengerResult === 'success');
  expect(await page.evaluate(() => Object.getOwnPropertyDescriptor(window, 'userlikeTrackingEvent')!.configurable)).toBe(false); // a real declaration
  expect(await fire(page, 'chat_requested')).toBe('site:chat_requested');
  expect(await fire(page, 'chat_started')).toBe('site:chat_started');
  expect(await fire(page, 'chat_window_minimized')).toBe('site:chat_window_minimized');
  await expectPushes(
    page,
    [
      { event: 'widget_view', ...common, widget_action: 'button_displayed', widget_stage: 'view' },
      { event: 'widget_open', ...common, widget_action: 'chat_requested', widget_stage: 'open' },
      { event: 'widget_start', ...common, widget_action: 'chat_started', widget_stage: 'start' },
      { event: 'widget_interaction', ...common, widget_action: 'chat_window_minimized', widget_stage: 'interaction' },
    ],
    PERSONAL,
  );
  expect(await page.evaluate(() => (window as unknown as { siteCalls: string[] }).siteCalls)).toEqual([
    'button_displayed object',
    'chat_requested object',
    'chat_started object',
    'chat_window_minimized object',
  ]);
  expect(errors).toEqual([]);
});

test('@userlike/messenger with no site function: every event pushed, the widget sees a function', async ({ page }) => {
  const { errors } = await openHost(page, { frames: [], head: [BRIDGE, external(LOADER_URL), START], serve: serveUserlike() });
  await page.waitForFunction(() => (window as unknown as { __messengerResult?: string }).__messengerResult === 'success');
  expect(await fire(page, 'chat_started')).toBeUndefined();
  await expectPushes(
    page,
    [
      { event: 'widget_view', ...common, widget_action: 'button_displayed', widget_stage: 'view' },
      { event: 'widget_start', ...common, widget_action: 'chat_started', widget_stage: 'start' },
    ],
    PERSONAL,
  );
  expect(errors).toEqual([]);
});
