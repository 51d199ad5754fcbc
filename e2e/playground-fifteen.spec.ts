import { expect, test } from './test';
import { DEMO_PORT } from '../playwright.config';
import { CHROMIUM_LAUNCH } from '../scripts/chromium.mjs';
import { renderPlayground, stagesByVendor } from '../scripts/render/playground';
import { DOCUMENTED_ADAPTERS, type DocumentedAdapter } from '../src/vendors/manifest';
import { framesSized, layoutProblems } from './layoutProblems';

// The playground with every vendor of the manifest and a throwaway one with a long name,
// rendered by the playground's own renderer, checked at the widths of a phone, a tablet and a laptop.
const base = `http://127.0.0.1:${DEMO_PORT}`;
const WIDTHS = [390, 768, 1366];
// The page is served from the test (route.fulfill), which Chromium places in no address space; its frames on
// 127.0.0.1 would then be refused by the Local Network Access checks.
test.use({ launchOptions: { ...CHROMIUM_LAUNCH, args: [...CHROMIUM_LAUNCH.args, '--disable-features=LocalNetworkAccessChecks'] } });

/** A throwaway vendor with docs, as a vendor's folder would declare it (test/vendors/registry.test.ts does the same). */
const throwaway = (vendor: string, title: string, groups: ('booking' | 'forms' | 'chat')[]): DocumentedAdapter =>
  Object.assign({}, DOCUMENTED_ADAPTERS[0], {
    vendor,
    stages: { opened: 'open', won: 'complete' },
    docs: { ...DOCUMENTED_ADAPTERS[0].docs, title, groups },
  }) as DocumentedAdapter;
// The fifteen vendors of the manifest and one with a long name, to prove a long title wraps in place.
const LONG_NAMED = throwaway('acme_chat', 'Acme Conversations With A Long Name', ['booking', 'chat']);

for (const width of WIDTHS) {
  test(`at ${width} px, fifteen widgets fit: the pick list groups them, search finds them, nothing overflows`, async ({
    page,
  }, testInfo) => {
    expect(DOCUMENTED_ADAPTERS).toHaveLength(15);
    const adapters = [...DOCUMENTED_ADAPTERS, LONG_NAMED];
    const html = renderPlayground(adapters)
      .split('__VENDOR_ORIGIN__')
      .join(`http://127.0.0.1:${DEMO_PORT + 1}`)
      .split('__HOST_ORIGIN__')
      .join(base)
      .split('__STAGES__')
      .join(JSON.stringify(stagesByVendor(adapters)));
    await page.route(`${base}/fifteen*`, (route) => route.fulfill({ contentType: 'text/html', body: html }));
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`${base}/fifteen?widgets=${adapters.map((adapter) => adapter.vendor).join(',')}`);
    await framesSized(page);
    await expect(page.locator('.widget[data-vendor]:not([hidden])')).toHaveCount(adapters.length);
    // A vendor of three groups (HubSpot) is listed in each; all three boxes are one pick.
    await expect(page.locator('#picker input[value=hubspot]')).toHaveCount(3);
    const chats = adapters.filter((adapter) => adapter.docs.groups.includes('chat'));
    await expect(page.locator('.group[data-group=chat] .pick')).toHaveCount(chats.length);
    await page.screenshot({ path: testInfo.outputPath(`fifteen-${width}.png`), fullPage: true });
    expect(await layoutProblems(page)).toEqual([]);
    await page.locator('#widget-search').fill('acme');
    await expect(page.locator('.pick:visible')).toHaveCount(2);
    await page.locator('#widget-search').fill('zzz');
    await expect(page.locator('#picker-none')).toBeVisible();
  });
}
