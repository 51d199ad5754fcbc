import { readFileSync } from 'node:fs';
import { expect, test, type Page } from './test';
import { DEMO_PORT } from '../playwright.config';
import { containerProblems, triggerFires, valueOf, type ContainerExport } from '../fixtures/gtmContainerProblems';
import { layoutProblems, framesSized } from './layoutProblems';

// From the playground to an import-ready container, as a marketer goes: pick the widgets by link, change the
// event prefix, copy the tag, download the container; then the container's trigger is checked against every
// push the pasted tag makes on a fresh page with those widgets, and against the site's own generate_lead.
const base = `http://127.0.0.1:${DEMO_PORT}`;

/** The site: the pasted tag in its head, then the two widgets' frames on their real origins, and its own form lead. */
async function runSite(page: Page, tag: string) {
  await page.route('https://www.acme-shop.test/', (route) =>
    route.fulfill({ contentType: 'text/html', body: `<!doctype html><html><head>${tag}</head><body></body></html>` }),
  );
  for (const origin of ['https://acme.chilipiper.com', 'https://calendly.com'])
    await page.route(origin + '/**', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>widget</title>' }));
  await page.goto('https://www.acme-shop.test/');
  const frame = async (src: string) => {
    await page.evaluate(
      (url) =>
        new Promise((resolve) => {
          const element = document.createElement('iframe');
          element.src = url;
          element.onload = resolve;
          document.body.append(element);
        }),
      src,
    );
    return page.frames().find((candidate) => candidate.url() == src)!;
  };
  // What Chili Piper's booking iframe posts (window.parent.postMessage(data, '*')), one whole booking.
  const booking = await frame('https://acme.chilipiper.com/book/demo');
  const routeId = 'rt-42';
  for (const data of [
    { action: 'routing', args: { routeId } },
    { action: 'meeting-selected', args: { routeId } },
    { action: 'timeslot-selected', args: { routeId, time: '2030-01-01T10:00:00Z', timezone: 'Europe/Berlin', duration: 30 } },
    { action: 'booking-confirmed', args: { routeId, eventId: 'ev-42', slot: { start: 1893492000, end: 1893493800 } } },
  ])
    await booking.evaluate((message) => parent.postMessage(message, '*'), data);
  // What Calendly's embedded scheduling page posts to the parent window.
  const scheduling = await frame('https://calendly.com/acme/30min?embed_domain=www.acme-shop.test&embed_type=Inline');
  for (const name of ['profile_page_viewed', 'event_type_viewed', 'date_and_time_selected', 'event_scheduled'])
    await scheduling.evaluate(
      (event) =>
        parent.postMessage(
          {
            event: 'calendly.' + event,
            payload: event == 'event_scheduled' ? { event: { uri: 'https://api.calendly.com/scheduled_events/EV42' } } : {},
          },
          '*',
        ),
      name,
    );
  // The site's own contact form converts too.
  await page.evaluate(() => (window as unknown as { dataLayer: unknown[] }).dataLayer.push({ event: 'generate_lead', form_id: 'contact' }));
  await expect
    .poll(() =>
      page.evaluate(() => (window as unknown as { dataLayer: { event?: string }[] }).dataLayer.filter((push) => push.event).length),
    )
    .toBeGreaterThanOrEqual(10);
  return page.evaluate(() => (window as unknown as { dataLayer: Record<string, unknown>[] }).dataLayer.filter((push) => push.event));
}

test('pick chili_piper and calendly by link, prefix chat_: the copied tag and the downloaded container agree with the site', async ({
  page,
  context,
  browser,
}, testInfo) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto(`${base}/?widgets=chili_piper,calendly`);
  await page.locator('input[name=eventPrefix]').fill('chat_');
  await expect(page.locator('#tag-html')).toHaveValue(/eventPrefix: 'chat_'/);
  await expect(page.locator('#tag-trigger-events')).toHaveText(/^\^\(chat_\(view\|/);

  await page.locator('[data-copy=tag-html]').click();
  await expect(page.locator('[data-copy=tag-html]')).toHaveText('Copied');
  const tag = await page.evaluate(() => navigator.clipboard.readText());
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download-container').click()]);
  const container = JSON.parse(readFileSync((await download.path())!, 'utf8')) as ContainerExport;

  // Import-ready, and the bridge in it is the copied tag, for exactly these two widgets.
  expect(containerProblems(container)).toEqual([]);
  expect(valueOf(container.containerVersion.tag[0], 'html')).toBe(tag);
  expect(tag).toContain("vendors: ['chili_piper', 'calendly']");

  // Every push the pasted tag makes fires the container's trigger; the site's own generate_lead does not.
  const site = await browser.newPage();
  const pushes = await runSite(site, tag);
  await site.close();
  const bridgePushes = pushes.filter((push) => 'widget_vendor' in push);
  expect(bridgePushes.map((push) => push.event)).toEqual(
    expect.arrayContaining(['chat_open', 'chat_start', 'chat_complete', 'chat_view', 'generate_lead']),
  );
  expect(new Set(bridgePushes.map((push) => push.widget_vendor))).toEqual(new Set(['chili_piper', 'calendly']));
  for (const push of bridgePushes) expect(triggerFires(container, push), JSON.stringify(push)).toBe(true);
  const own = pushes.filter((push) => !('widget_vendor' in push));
  expect(own).toEqual([{ event: 'generate_lead', form_id: 'contact' }]);
  expect(triggerFires(container, own[0])).toBe(false);
  // Positive control: a widget push of the default prefix, or of a widget not picked, does not fire it either.
  expect(triggerFires(container, { ...bridgePushes[0], event: 'widget_open' })).toBe(false);
  expect(triggerFires(container, { ...bridgePushes[0], widget_vendor: 'typeform' })).toBe(false);

  // The entities the guide says the container holds are the downloaded container's (hashEmail is off here).
  const guide = readFileSync('docs/ga4.md', 'utf8');
  const rows = [...guide.matchAll(/^\| \*\*(gtm-widget-bridge - [^*…]+)\*\* \| (.+) \|$/gm)];
  expect(rows.length).toBeGreaterThan(3);
  const version = container.containerVersion;
  const entities = [...version.tag, ...version.trigger, ...version.variable].map((entity) => entity.name);
  for (const [, name, what] of rows) expect(entities.includes(name), name).toBe(!/only with `hashEmail`/.test(what));

  // The same page at the three widths: nothing cut or overflowing.
  for (const width of [390, 768, 1366]) {
    await page.setViewportSize({ width, height: 900 });
    await framesSized(page);
    await page.screenshot({ path: testInfo.outputPath(`container-${width}.png`), fullPage: true });
    expect(await layoutProblems(page), `${width} px`).toEqual([]);
  }
});

test('with gtag output the playground says the container’s trigger never fires; with the dataLayer it says nothing', async ({ page }) => {
  await page.goto(`${base}/?widgets=calendly`);
  const note = page.locator('#tag-gtag-note');
  // Control: the default output feeds the dataLayer, which the container's trigger listens to.
  await expect(note).toBeHidden();
  await page.locator('select[name=output]').selectOption('gtag');
  await expect(note).toBeVisible();
  await expect(note).toContainText('never fire');
  await expect(page.locator('#tag-html')).toHaveValue(/output: 'gtag'/);
  await page.locator('select[name=output]').selectOption('dataLayer');
  await expect(note).toBeHidden();
});
