// Benchmarks of the built IIFE in real Chromium (npm run bench; --smoke for the tiny run npm test does).
// Prints one table: per-message cost of the message listener for foreign origins against an empty
// listener in the same run, per-event cost for each vendor, install cost, and JS heap after 100,000
// foreign and 100,000 genuine events. Medians over interleaved rounds, with the spread (min–max).
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { CHROMIUM_LAUNCH } from '../scripts/chromium.mjs';
import { HOST, HOST_PAGE, median, range, withoutSourceMap } from './common.mjs';

const smoke = process.argv.includes('--smoke');
const ROUNDS = smoke ? 2 : 15;
const PER_ROUND = smoke ? 200 : 20_000;
const INSTALL_SAMPLES = smoke ? 3 : 40;
const MEMORY_EVENTS = smoke ? 2_000 : 100_000;
const IIFE = withoutSourceMap(readFileSync('dist/gtm-widget-bridge.js', 'utf8'));
/** Where the GTM template loads the IIFE from; the bench serves it there. */
const CDN = 'https://cdn.jsdelivr.net/npm/gtm-widget-bridge@0.1.0/dist/gtm-widget-bridge.js';
const spread = (values) => range(values, 3);

/** In-page helpers: the bridge (re)installed from source, event loops timed with performance.now(). */
function pageSetup() {
  const w = window;
  w.__install = (source) => {
    if (w.gtmWidgetBridge) w.gtmWidgetBridge.uninstall();
    new Function(source)();
  };
  w.__uninstall = () => w.gtmWidgetBridge && w.gtmWidgetBridge.uninstall();
  /** Microseconds per call of `run(i)` over n calls. */
  w.__time = (n, run) => {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) run(i);
    return ((performance.now() - t0) / n) * 1000;
  };
  const foreign = new MessageEvent('message', {
    origin: 'https://ads.example.net',
    data: { type: 'ad-resize', height: 250, payload: 'x'.repeat(200) },
  });
  const empty = () => {};
  w.__cases = {
    'foreign message, empty listener (floor)': (n) => {
      w.__uninstall();
      addEventListener('message', empty);
      const us = w.__time(n, () => dispatchEvent(foreign));
      removeEventListener('message', empty);
      return us;
    },
    'foreign message, bridge listener': (n, source) => {
      w.__install(source);
      return w.__time(n, () => dispatchEvent(foreign));
    },
    'Chili Piper message (genuine, distinct)': (n, source) => {
      w.__install(source);
      w.dataLayer = [];
      const events = Array.from(
        { length: n },
        (_, i) =>
          new MessageEvent('message', {
            origin: 'https://acme.chilipiper.com',
            data: {
              action: 'timeslot-selected',
              args: { routeId: 'r' + i, time: '2030-01-01T10:00:00Z', timezone: 'Europe/Berlin', duration: 30 },
            },
          }),
      );
      return w.__time(n, (i) => dispatchEvent(events[i]));
    },
    'Customerly callback': (n, source) => {
      w.__install(source);
      w.dataLayer = [];
      w.customerly = [];
      w.customerly.settings = { callbacks: {} };
      // The messenger calls customerly.onX, which the bridge answers for callbacks the site did not set.
      return w.__time(n, (i) => w.customerly.onTriggerFired(i));
    },
    'Userlike tracking event': (n, source) => {
      w.__install(source);
      w.dataLayer = [];
      const globalContext = { widget_id: 1, widget_lang: 'en', operator_group_id: 2 };
      const sessions = Array.from({ length: n }, (_, i) => ({
        chat_id: 'c' + i,
        client_name: 'Jane Doe',
        client_email: 'jane@example.com',
      }));
      return w.__time(n, (i) => w.userlikeTrackingEvent('chat_started', globalContext, sessions[i]));
    },
    'Genesys bus event': (n, source) => {
      w.__install(source);
      w.dataLayer = [];
      let handler;
      w.CXBus = {
        registerPlugin: () => ({
          subscribe: (name, fn) => {
            if (name == 'WebChat.started') handler = fn;
          },
        }),
      };
      return w.__time(n, (i) =>
        handler({
          event: 'WebChat.started',
          data: { proactive: false, opened: 1e12 + i, started: 1e12 + i + 500, userData: { email: 'jane@example.com' } },
        }),
      );
    },
  };
}

async function main() {
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  const context = await browser.newContext();
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url == HOST) return route.fulfill(HOST_PAGE);
    // The hosted IIFE as the GTM template injects it, timed from its first statement to its last.
    if (url.startsWith(CDN)) {
      const body = `/* ${Math.random()} */window.__t0 = performance.now();\n${IIFE}\nwindow.__t1 = performance.now();`;
      return route.fulfill({ contentType: 'text/javascript', headers: { 'Cross-Origin-Resource-Policy': 'cross-origin' }, body });
    }
    return route.abort();
  });
  const rows = [];

  // Per-event costs: every case once per round, rounds interleaved, medians of the rounds.
  const page = await context.newPage();
  await page.goto(HOST);
  await page.evaluate(pageSetup);
  const names = await page.evaluate(() => Object.keys(window.__cases));
  const samples = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const name of names) {
      samples[name].push(
        await page.evaluate(({ name, n, source }) => window.__cases[name](n, source), { name, n: PER_ROUND, source: IIFE }),
      );
    }
  }
  const floor = median(samples[names[0]]);
  for (const name of names) {
    const value = median(samples[name]);
    rows.push({
      measure: name,
      median: value.toFixed(3) + ' µs',
      spread: spread(samples[name]) + ' µs',
      'vs floor': (value / floor).toFixed(2) + 'x',
    });
  }

  // Install cost: the IIFE run as an inline <script> on an empty page, a fresh page per sample, against
  // an empty <script> in the same pages (the floor). Two cuts show where the time goes: the IIFE wrapped in
  // a function that never runs (V8 only pre-parses it), and the IIFE run without its final install()
  // call (compile + the top-level tables). A unique comment per sample keeps V8's compilation cache out.
  // The entry ends by installing its vendors: `…installFromPage(adapters,"<version>"[,<push builder>]);})();`,
  // minified. Everything from that call on is cut, so the code is compiled and run but never installed.
  const version = JSON.parse(readFileSync('package.json', 'utf8')).version;
  const versionAt = IIFE.lastIndexOf(`,"${version}"`);
  const call = versionAt < 0 ? null : IIFE.slice(0, versionAt).match(/[\w$]+\((\[[\w$,]*\]|[\w$]+)$/);
  if (!call) throw new Error('bench: the install call was not found at the end of the IIFE');
  const body = IIFE.slice(0, versionAt - call[0].length) + '})();';
  const INSTALL_CASES = {
    'empty <script> (floor)': '',
    'IIFE pre-parsed only (never run)': `function unused() {${IIFE}}`,
    'IIFE compiled and run, install() left out': body,
    'install: parse + execute of the IIFE, fresh page': IIFE,
  };
  const installs = Object.fromEntries(Object.keys(INSTALL_CASES).map((name) => [name, []]));
  const runScript = (source) => {
    const script = document.createElement('script');
    script.textContent = source;
    const t0 = performance.now();
    document.head.appendChild(script);
    return performance.now() - t0;
  };
  /** One sample: `run(arg)` evaluated in a page just opened on the empty host page. */
  const inFreshPage = async (run, arg) => {
    const fresh = await context.newPage();
    await fresh.goto(HOST);
    const result = await fresh.evaluate(run, arg);
    await fresh.close();
    return result;
  };
  for (let i = 0; i < INSTALL_SAMPLES; i++) {
    for (const [name, source] of Object.entries(INSTALL_CASES)) {
      installs[name].push(await inFreshPage(runScript, `/* sample ${i} ${Math.random()} */` + source));
    }
  }
  // The GTM template's way: an async <script src>, which Chromium compiles off the main thread (script
  // streaming). What the page's main thread pays is the run: top-level code, install() and the lazy
  // compilation of the functions install() calls.
  const STREAMED = 'install via async <script src>: main-thread run, fresh page';
  const loadFromCdn = (url) =>
    new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = url + '?sample=' + Math.random();
      script.async = true;
      script.onload = () => resolve(window.__t1 - window.__t0);
      script.onerror = reject;
      document.head.appendChild(script);
    });
  installs[STREAMED] = [];
  for (let i = 0; i < INSTALL_SAMPLES; i++) installs[STREAMED].push(await inFreshPage(loadFromCdn, CDN));
  // Warm: a second, distinct copy in a page that already ran one (and uninstalled it), so the page's
  // own first-script costs are paid; the compilation is not cached since the source differs.
  const WARM = 'install: parse + execute of the IIFE, warm page';
  const warmPage = await context.newPage();
  await warmPage.goto(HOST);
  installs[WARM] = [];
  for (let i = 0; i < INSTALL_SAMPLES; i++) {
    await warmPage.evaluate(() => window.gtmWidgetBridge && window.gtmWidgetBridge.uninstall());
    installs[WARM].push(await warmPage.evaluate(runScript, `/* warm ${i} ${Math.random()} */` + IIFE));
  }
  await warmPage.close();
  const installFloor = median(installs['empty <script> (floor)']);
  for (const [name, values] of Object.entries(installs)) {
    const value = median(values);
    rows.push({
      measure: name,
      median: value.toFixed(3) + ' ms',
      spread: spread(values) + ' ms',
      'vs floor':
        name.includes('floor') || name == STREAMED ? '' : (value < installFloor ? '' : '+') + (value - installFloor).toFixed(3) + ' ms',
    });
  }

  // Memory: JS heap after garbage collection, before and after many foreign and genuine events.
  const memoryPage = await context.newPage();
  await memoryPage.goto(HOST);
  await memoryPage.evaluate(pageSetup);
  const cdp = await context.newCDPSession(memoryPage);
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize / 1024;
  };
  await memoryPage.evaluate((source) => window.__install(source), IIFE);
  const start = await heap();
  await memoryPage.evaluate((n) => {
    const event = new MessageEvent('message', { origin: 'https://ads.example.net', data: { type: 'noise' } });
    for (let i = 0; i < n; i++) dispatchEvent(event);
  }, MEMORY_EVENTS);
  const afterForeign = await heap();
  const genuine = (offset) =>
    memoryPage.evaluate(
      ({ n, offset }) => {
        window.dataLayer = [];
        for (let i = offset; i < offset + n; i++) {
          dispatchEvent(
            new MessageEvent('message', {
              origin: 'https://acme.chilipiper.com',
              data: { action: 'booking-confirmed', args: { routeId: 'r' + i } },
            }),
          );
          // The pushes are the site's data, not the bridge's state: GTM consumes them as they come.
          if (window.dataLayer.length > 1000) window.dataLayer.length = 0;
        }
        window.dataLayer.length = 0;
      },
      { n: MEMORY_EVENTS, offset },
    );
  await genuine(0);
  const afterGenuine = await heap();
  // A second batch shows whether the first one's growth was state piling up or one-time warm-up.
  await genuine(MEMORY_EVENTS);
  const afterMore = await heap();
  const kb = (value) => value.toFixed(0) + ' KB';
  // The spread column holds the change from the previous heap row.
  rows.push({ measure: 'JS heap after install', median: kb(start), spread: '', 'vs floor': '' });
  rows.push({
    measure: `JS heap after ${MEMORY_EVENTS.toLocaleString('en')} foreign messages`,
    median: kb(afterForeign),
    spread: `${afterForeign - start >= 0 ? '+' : ''}${kb(afterForeign - start)}`,
    'vs floor': '',
  });

  const delta = (value, from) => `${value - from >= 0 ? '+' : ''}${kb(value - from)}`;
  rows.push({
    measure: `JS heap after ${MEMORY_EVENTS.toLocaleString('en')} genuine events (distinct ids)`,
    median: kb(afterGenuine),
    spread: delta(afterGenuine, start),
    'vs floor': '',
  });
  rows.push({
    measure: `JS heap after ${MEMORY_EVENTS.toLocaleString('en')} more genuine events`,
    median: kb(afterMore),
    spread: delta(afterMore, afterGenuine),
    'vs floor': '',
  });

  console.log(
    `gtm-widget-bridge benchmarks${smoke ? ' (smoke run: numbers are not meaningful)' : ''}: ${ROUNDS} rounds × ${PER_ROUND.toLocaleString('en')} events, ${INSTALL_SAMPLES} install samples, ${await browser.version()}`,
  );
  console.table(rows);
  await browser.close();
  const ratio = median(samples[names[1]]) / floor;
  if (!(ratio > 0) || rows.some((row) => row.median.startsWith('NaN'))) throw new Error('benchmark produced no numbers');
}

await main();
