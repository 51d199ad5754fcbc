import { expect, test } from './test';
import { DEMO_PORT } from '../playwright.config';
import { framesSized, layoutProblems } from './layoutProblems';
import { DOCUMENTED_ADAPTERS } from '../src/vendors/manifest';

// The playground of `npm start` at the widths of a phone, a tablet and a laptop: the pick list, the picked
// widgets in their frames, the pushes; nothing cut or overflowing, checked in the page and in every frame.
const base = `http://127.0.0.1:${DEMO_PORT}`;
const ALL = DOCUMENTED_ADAPTERS.map((adapter) => adapter.vendor);
const WIDTHS = [390, 768, 1366];

for (const width of WIDTHS) {
  test(`at ${width} px, every widget picked: nothing cut or overflowing, the pushes' head in view`, async ({ page }, testInfo) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`${base}/?widgets=${ALL.join(',')}`);
    await framesSized(page);
    const booking = page.frameLocator('iframe[title="Simulated Chili Piper booking"]');
    await booking.getByRole('button', { name: 'Run a whole booking' }).click();
    await expect(page.locator('#log .push').first()).toBeVisible();
    await page.locator('#panel-chili_piper').scrollIntoViewIfNeeded();
    await expect(page.locator('.pushes-head')).toBeInViewport();
    await page.locator('#panel-cal_com').scrollIntoViewIfNeeded();
    await expect(page.locator('.pushes-head')).toBeInViewport();
    await page.screenshot({ path: testInfo.outputPath(`playground-${width}.png`), fullPage: true });
    expect(await layoutProblems(page)).toEqual([]);
  });
}

test('the layout check finds a cut frame and an overflowing element (positive control)', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 900 });
  await page.goto(`${base}/?widgets=chili_piper`);
  await framesSized(page);
  expect(await layoutProblems(page)).toEqual([]);
  await page.evaluate(() => (document.querySelector<HTMLIFrameElement>('#panel-chili_piper iframe')!.style.maxHeight = '120px'));
  expect((await layoutProblems(page)).join('\n')).toMatch(/chili_piper: the frame cuts its page/);
  await page.evaluate(() => {
    const wide = document.createElement('div');
    wide.id = 'too-wide';
    wide.style.width = '500px';
    wide.textContent = 'x';
    document.getElementById('pick-first')!.after(wide);
  });
  const problems = (await layoutProblems(page)).join('\n');
  expect(problems).toMatch(/div#too-wide "x" reaches past the screen/);
  expect(problems).toMatch(/the page scrolls sideways/);
});
