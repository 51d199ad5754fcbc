import { readFileSync } from 'node:fs';
import { expect, test, type Page } from './test';
import { CHILI_PIPER_CLOSE, CHILI_PIPER_URL, expectPushes, inline, openHost, postFrom } from './helpers';

// The committed template (npm test checks it is up to date): its sandboxed code, and the files it injects.
const template = readFileSync(new URL('../gtm-template/template.tpl', import.meta.url), 'utf8');
const sandboxedCode = () => template.split('___SANDBOXED_JS_FOR_WEB_TEMPLATE___')[1].split('___WEB_PERMISSIONS___')[0].trim();
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const DIST_BASE = `https://cdn.jsdelivr.net/npm/${pkg.name}@${pkg.version}/dist/`;
const FILES = ['core', 'vendors/chili_piper', 'vendors/customerly', 'vendors/userlike', 'vendors/genesys'];
/** The CDN's files, served from dist/. */
const CDN = Object.fromEntries(FILES.map((file) => [`${DIST_BASE}${file}.js`, readFileSync(`dist/${file}.js`, 'utf8')]));

/**
 * A faithful shim of the sandboxed APIs the template uses: setInWindow writes
 * to window, injectScript adds a real <script> for the URL (served by
 * page.route from dist/), queryPermission grants (the declared permissions are
 * enforced by the local runner in test/gtm-template, on every call site).
 */
const SHIM = inline(`
  window.__runTemplate = function (code, data) {
    var apis = {
      setInWindow: function (key, value, overrideExisting) { if (overrideExisting || !(key in window)) window[key] = value; return true; },
      injectScript: function (url, onSuccess, onFailure) {
        var script = document.createElement('script');
        script.src = url; script.onload = onSuccess; script.onerror = onFailure;
        document.head.appendChild(script);
      },
      queryPermission: function () { return true; },
      logToConsole: function () { console.log.apply(console, arguments); },
    };
    data.gtmOnSuccess = function () { window.__tagResult = 'success'; };
    data.gtmOnFailure = function () { window.__tagResult = 'failure'; };
    new Function('require', 'data', code)(function (name) { return apis[name]; }, data);
  };`);

const TEMPLATE_DATA = {
  chiliPiper: true,
  customerly: true,
  userlike: true,
  genesys: true,
  eventPrefix: 'chat_',
  generateLead: true,
  dataLayerName: 'dataLayer',
  output: 'dataLayer',
};

async function runTemplate(page: Page, data: Record<string, unknown>) {
  await page.evaluate(({ code, data }) => (window as unknown as { __runTemplate(c: string, d: unknown): void }).__runTemplate(code, data), {
    code: sandboxedCode(),
    data,
  });
  await page.waitForFunction(
    () => 'gtmWidgetBridgeConfig' in window && (window as unknown as { __tagResult?: string }).__tagResult !== undefined,
  );
  return page.evaluate(() => (window as unknown as { __tagResult: string }).__tagResult);
}

test('template → bridge → push: the sandboxed code configures and injects the bridge, which pushes', async ({ page }) => {
  const { errors } = await openHost(page, { head: [SHIM], scripts: CDN });
  expect(await runTemplate(page, TEMPLATE_DATA)).toBe('success');
  // The core and the four plugin files, injected at once: they load in whatever order the network returns them.
  expect(await page.evaluate(() => Array.from(document.scripts).map((script) => script.src))).toEqual(
    expect.arrayContaining(Object.keys(CDN)),
  );
  await postFrom(page, CHILI_PIPER_URL, { action: 'booking-confirmed', args: { routeId: 'r-template' } });
  const common = {
    widget_vendor: 'chili_piper',
    widget_product: 'concierge',
    widget_action: 'booking-confirmed',
    widget_stage: 'complete',
    widget_interaction_id: 'r-template',
    widget_schema: 1,
  };
  await expectPushes(page, [
    { event: 'chat_complete', ...common },
    { event: 'generate_lead', ...common, lead_source: 'chili_piper' },
  ]);
  expect(errors).toEqual([]);
});

test('the template fires twice: one bridge, one push per event', async ({ page }) => {
  const { errors } = await openHost(page, { head: [SHIM], scripts: CDN });
  expect(await runTemplate(page, TEMPLATE_DATA)).toBe('success');
  await page.evaluate(() => delete (window as unknown as { __tagResult?: string }).__tagResult);
  expect(await runTemplate(page, TEMPLATE_DATA)).toBe('success');
  await postFrom(page, CHILI_PIPER_URL, { action: 'close' });
  await expectPushes(page, [{ ...CHILI_PIPER_CLOSE, event: 'chat_close' }]);
  expect(errors).toEqual([]);
});

test('an unreachable CDN makes the tag call gtmOnFailure, and nothing breaks', async ({ page }) => {
  const { errors } = await openHost(page, { head: [SHIM] }); // the CDN not served: the requests are aborted
  expect(await runTemplate(page, TEMPLATE_DATA)).toBe('failure');
  expect(await page.evaluate(() => 'gtmWidgetBridge' in window)).toBe(false);
  expect(errors).toEqual([]);
});
