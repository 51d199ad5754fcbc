import { expect, test } from '@playwright/test';
import { DEMO_PORT } from '../playwright.config';

// The playground of `npm start`, served by demo/serve.mjs (Playwright's webServer), clicked like a person would.
test('the playground turns the simulated booking into pushes and shows them', async ({ page }) => {
  const errors: Error[] = [];
  page.on('pageerror', (error) => errors.push(error));
  await page.goto(`http://localhost:${DEMO_PORT}/`);
  const widget = page.frameLocator('iframe[title="Simulated Chili Piper booking"]');
  await widget.getByRole('button', { name: 'Run a whole booking' }).click();
  await expect(page.locator('#count')).toHaveText('7');
  const events = await page.evaluate(() => (window as unknown as { dataLayer: { event: string }[] }).dataLayer.map((push) => push.event));
  expect(events).toEqual(['widget_open', 'widget_start', 'widget_open', 'widget_start', 'widget_submit', 'widget_complete', 'generate_lead']);
  await expect(page.locator('#log .push').first()).toContainText('generate_lead · chili_piper · booking-confirmed');
  await widget.getByRole('button', { name: 'REDIRECT (ignored)' }).click();
  await widget.getByRole('button', { name: 'close → close' }).click();
  await expect(page.locator('#count')).toHaveText('8');
  expect(errors).toEqual([]);
});
