import { expect, test } from './test';
import { DEMO_PORT } from '../playwright.config';
import { DOCUMENTED_ADAPTERS } from '../src/vendors/manifest';

// The pick list of the playground: what a visitor picks is what is shown, shared, coloured and handed out.
const base = `http://127.0.0.1:${DEMO_PORT}`;

test('a deep link picks its widgets: only their panels are shown, each frame loaded on the vendor origin', async ({ page }) => {
  await page.goto(`${base}/?widgets=calendly,typeform,olark`);
  await expect(page.locator('.widget[data-vendor]:visible')).toHaveCount(2);
  await expect(page.locator('#panel-calendly')).toBeVisible();
  await expect(page.locator('#panel-typeform')).toBeVisible();
  await expect(page.locator('#picker input[value=calendly]')).toBeChecked();
  await expect(page.locator('#picker input[value=chili_piper]')).not.toBeChecked();
  // A vendor this playground does not have is named, not silently dropped.
  await expect(page.locator('#picker-unknown')).toHaveText('Not in this playground: olark');
  // Frames of hidden panels are not loaded; shown ones are, from the other origin.
  const frames = () =>
    page
      .frames()
      .map((frame) => frame.url())
      .filter((url) => url.startsWith(`http://127.0.0.1:${DEMO_PORT + 1}/`));
  await expect.poll(frames).toHaveLength(2);
  await page.getByLabel('Chili Piper', { exact: true }).check();
  await expect(page).toHaveURL(`${base}/?widgets=chili_piper,calendly,typeform`);
  await expect.poll(frames).toHaveLength(3);
  await page.getByLabel('Calendly', { exact: true }).uncheck();
  await expect(page).toHaveURL(`${base}/?widgets=chili_piper,typeform`);
  await expect(page.locator('#panel-calendly')).toBeHidden();
});

test('the search narrows the grouped list, by name, id or group', async ({ page }) => {
  await page.goto(`${base}/`);
  const groups = await page.locator('#picker .group h3').allTextContents();
  expect(groups).toEqual(['Booking', 'Forms', 'Chat']);
  for (const adapter of DOCUMENTED_ADAPTERS)
    for (const group of adapter.docs.groups)
      await expect(page.locator(`.group[data-group=${group}] input[value=${adapter.vendor}]`)).toHaveCount(1);
  await page.locator('#widget-search').fill('cal');
  await expect(page.locator('.pick:visible')).toHaveText(['Calendly', 'Cal.com']);
  await expect(page.locator('.group[data-group=chat]')).toBeHidden();
  await page.locator('#widget-search').fill('chat');
  // The picks whose name, id or groups say "chat", group by group (a vendor of several groups in each).
  const chatPicks = (['booking', 'forms', 'chat'] as const).flatMap((group) =>
    DOCUMENTED_ADAPTERS.filter(
      (adapter) =>
        adapter.docs.groups.includes(group) &&
        [adapter.docs.title, adapter.vendor, ...adapter.docs.groups].join(' ').toLowerCase().includes('chat'),
    ).map((adapter) => adapter.docs.title),
  );
  expect(chatPicks).toContain('Intercom');
  await expect(page.locator('.pick:visible')).toHaveText(chatPicks);
  await page.locator('#widget-search').fill('nothing like it');
  await expect(page.locator('#picker-none')).toBeVisible();
  await page.locator('#widget-search').fill('');
  // One pick per vendor and group it offers.
  const picks = DOCUMENTED_ADAPTERS.reduce((total, adapter) => total + adapter.docs.groups.length, 0);
  await expect(page.locator('.pick:visible')).toHaveCount(picks);
});

test('with no widget picked there is nothing to copy or download; one pick enables them', async ({ page }) => {
  await page.goto(`${base}/`);
  await expect(page.locator('#pick-first')).toBeVisible();
  for (const button of await page.locator('[data-copy], #download-container').all()) await expect(button).toBeDisabled();
  await expect(page.locator('#tag-html')).toHaveValue('');
  await expect(page.locator('#tag-container')).toHaveValue('');
  await page.getByLabel('Typeform', { exact: true }).check();
  for (const button of await page.locator('[data-copy], #download-container').all()) await expect(button).toBeEnabled();
  await expect(page.locator('#tag-html')).toHaveValue(/vendors: \['typeform'\]/);
  await expect(page.locator('#pick-first')).toBeHidden();
});

test('each panel and pick wears its vendor’s colour, and no heading repeats the vendor’s name', async ({ page }) => {
  await page.goto(`${base}/?widgets=${DOCUMENTED_ADAPTERS.map((adapter) => adapter.vendor).join(',')}`);
  const colours = new Set<string>();
  for (const adapter of DOCUMENTED_ADAPTERS) {
    const panel = page.locator('#panel-' + adapter.vendor);
    const border = await panel.evaluate((element) => getComputedStyle(element).borderTopColor);
    const pick = await page
      .locator(`#picker input[value=${adapter.vendor}]`)
      .first()
      .evaluate((input) => getComputedStyle(input.parentElement!).borderLeftColor);
    // Not the neutral fallback (#99a): the vendor's own --brand.
    expect(border, adapter.vendor).not.toBe('rgb(153, 153, 170)');
    expect(pick, adapter.vendor).toBe(border);
    colours.add(border);
    const heading = (await panel.locator('h2').textContent())!;
    expect(heading.split(adapter.docs.title).length - 1, heading).toBe(1);
  }
  // Brand colours differ (two vendors may share black; most do not).
  expect(colours.size).toBeGreaterThan(DOCUMENTED_ADAPTERS.length / 2);
  // In-page simulations colour their buttons too.
  const button = page.locator('#panel-customerly .flow button').first();
  expect(await button.evaluate((element) => getComputedStyle(element).borderTopColor)).toBe('rgb(14, 165, 233)');
});
