// How the GTM template should load the core and the ticked vendors (npm run bench; --smoke for the tiny run
// npm test does): one injection per file, or one jsDelivr `/combine/` URL serving them concatenated. Both in
// Chromium with the CDN answered by page.route after a simulated round trip, the way the template injects
// (async script elements added to the page), for one vendor and for all four: requests, bytes on the wire
// (gzip -9 of each response) and the time until every vendor is installed.
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { CHROMIUM_LAUNCH } from '../scripts/chromium.mjs';
import { HOST, HOST_PAGE, median, range } from './common.mjs';

const smoke = process.argv.includes('--smoke');
const ROUNDS = smoke ? 2 : 15;
/** A CDN edge close to the visitor: one round trip before each response, as a cached jsDelivr file costs. */
const RTT_MS = 40;
const CDN = 'https://cdn.jsdelivr.net/';
const file = (name) => readFileSync(`dist/${name}.js`, 'utf8');
const gzip = (text) => gzipSync(text, { level: 9 }).length;

const CASES = {
  'one vendor (userlike)': ['core', 'vendors/userlike'],
  'all four vendors': ['core', 'vendors/chili_piper', 'vendors/customerly', 'vendors/userlike', 'vendors/genesys'],
};

/** The URLs a page requests for `files` in each way, and what each answers. */
function ways(files) {
  const separate = Object.fromEntries(files.map((name) => [`${CDN}npm/gtm-widget-bridge@0.1.0/dist/${name}.js`, file(name)]));
  const combined = `${CDN}combine/` + files.map((name) => `npm/gtm-widget-bridge@0.1.0/dist/${name}.js`).join(',');
  return { 'one injection per file': separate, 'one /combine/ URL': { [combined]: files.map(file).join('\n') } };
}

/** Milliseconds from the first injection until every vendor of `files` is installed. */
async function installTime(page, urls, vendors) {
  return page.evaluate(
    ({ urls, vendors }) =>
      new Promise((resolve) => {
        const started = performance.now();
        const done = () =>
          vendors.every((vendor) => (window.__installed || []).indexOf(vendor) >= 0)
            ? resolve(performance.now() - started)
            : setTimeout(done, 1);
        for (const url of urls) {
          const script = document.createElement('script');
          script.src = url;
          document.head.appendChild(script);
        }
        done();
      }),
    { urls, vendors },
  );
}

const browser = await chromium.launch(CHROMIUM_LAUNCH);
const rows = [];
for (const [label, files] of Object.entries(CASES)) {
  const vendors = files.filter((name) => name != 'core').map((name) => name.slice('vendors/'.length));
  for (const [way, responses] of Object.entries(ways(files))) {
    const times = [];
    for (let round = 0; round < ROUNDS; round++) {
      const context = await browser.newContext();
      let requests = 0;
      await context.route('**/*', async (route) => {
        const url = route.request().url();
        if (url == HOST) return route.fulfill(HOST_PAGE);
        if (!(url in responses)) return route.abort();
        requests++;
        await new Promise((resolve) => setTimeout(resolve, RTT_MS));
        return route.fulfill({ contentType: 'text/javascript', body: responses[url] });
      });
      const page = await context.newPage();
      await page.goto(HOST);
      // The debug log says when each vendor is installed; collect it without printing.
      await page.evaluate(() => {
        window.gtmWidgetBridgeConfig = { debug: true };
        window.__installed = [];
        const log = console.log;
        console.log = (line, ...rest) =>
          typeof line == 'string' && line.startsWith('[gtm-widget-bridge] installed ')
            ? window.__installed.push(line.slice('[gtm-widget-bridge] installed '.length))
            : log(line, ...rest);
      });
      times.push(await installTime(page, Object.keys(responses), vendors));
      if (round == 0)
        rows.push({ case: label, way, requests, 'bytes (gzip)': Object.values(responses).reduce((sum, body) => sum + gzip(body), 0) });
      await context.close();
    }
    Object.assign(rows[rows.length - 1], { 'installed after (median ms)': median(times).toFixed(1), spread: range(times, 1) });
  }
}
await browser.close();
console.log(`Injecting the core and the vendors (${ROUNDS} rounds, ${RTT_MS} ms per response)${smoke ? ' (smoke run)' : ''}:`);
console.table(rows);
