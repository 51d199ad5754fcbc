// The bridge measured the way a page pays for it, side by side with a naive baseline in one interleaved run
// (npm run bench; --smoke for the tiny run npm test does). The baseline is what sites paste today, written
// here from each vendor's public documentation: one plain listener per vendor, pushing `{event: …}`, with no
// origin family, no privacy, no hooks that survive late loading. Every round measures each case in a fresh
// page (install and first event) or the same warm page (per event), and each row reports the median of the
// per-round ratios bridge / baseline, with their spread: paired, so a machine slowing down mid-run moves
// both sides of a ratio alike.
import { chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { CHROMIUM_LAUNCH } from '../scripts/chromium.mjs';
import { HOST, HOST_PAGE, median, range, withoutSourceMap } from './common.mjs';

const smoke = process.argv.includes('--smoke');
// --vendor chili_piper: the core and that vendor's plugin file against its naive listener alone.
const onlyVendor = process.argv.includes('--vendor') ? process.argv[process.argv.indexOf('--vendor') + 1] : '';
const ROUNDS = smoke ? 3 : 25;
const WARM_EVENTS = smoke ? 200 : 5_000;
const FRAME_MESSAGES = smoke ? 50 : 500;
const ADS = 'https://ads.example.net/';
const read = (file) => withoutSourceMap(readFileSync('dist/' + file, 'utf8'));
const IIFE = onlyVendor ? read('core.js') + '\n' + read(`vendors/${onlyVendor}.js`) : read('gtm-widget-bridge.js');
const tag = onlyVendor
  ? execFileSync('node', ['bin/gtm-widget-bridge.mjs', 'paste', '--vendors', onlyVendor], { encoding: 'utf8' })
  : readFileSync('dist/gtm-widget-bridge.gtm.html', 'utf8');
const PASTE = tag.replace(/^<script>\n|<\/script>\n$/g, '');
/** The configuration the GTM template writes before it injects the bridge (its defaults). */
const TEMPLATE_CONFIG = `window.gtmWidgetBridgeConfig = ${JSON.stringify({
  vendors: onlyVendor ? [onlyVendor] : ['chili_piper', 'customerly', 'userlike', 'genesys'],
  dataLayerName: 'dataLayer',
  eventPrefix: 'widget_',
  output: 'dataLayer',
  chiliPiper: { origins: [] },
  leadActions: {},
  generateLead: true,
  hashEmail: false,
  debug: false,
})};`;

/**
 * The naive baseline, one listener per vendor as their docs show them: Chili Piper's message listener
 * (with the origin check those docs leave out), Customerly's callbacks, Userlike's global function,
 * a Genesys Widgets extension subscribing to the lifecycle events.
 */
const NAIVE_PARTS = {
  chili_piper: `addEventListener('message', function (e) {
    if (e.origin.slice(-15) == '.chilipiper.com' && e.data && e.data.action) dl.push({ event: 'chilipiper_' + e.data.action, route_id: e.data.args && e.data.args.routeId });
  });`,
  customerly: `var c = (window.customerly = window.customerly || []);
  ['onChatOpened', 'onChatClosed', 'onNewConversation', 'onLeadGenerated', 'onTriggerFired'].forEach(function (name) {
    c[name] = function () { dl.push({ event: 'customerly_' + name }); };
  });`,
  userlike: `window.userlikeTrackingEvent = function (name, g, s) { dl.push({ event: 'userlike_' + name, chat_id: s && s.chat_id }); };`,
  genesys: `var g = (window._genesys = window._genesys || {});
  g.widgets = g.widgets || {};
  g.widgets.extensions = g.widgets.extensions || {};
  g.widgets.extensions.NaiveTracking = function ($, bus) {
    var plugin = bus.registerPlugin('NaiveTracking');
    ['WebChat.opened', 'WebChat.started', 'WebChat.completed', 'ClickToCall.completed'].forEach(function (name) {
      plugin.subscribe(name, function () { dl.push({ event: 'genesys_' + name }); });
    });
  };`,
};
const NAIVE = `(function () {
  var dl = (window.dataLayer = window.dataLayer || []);
  ${Object.keys(NAIVE_PARTS)
    .filter((vendor) => !onlyVendor || vendor == onlyVendor)
    .map((vendor) => NAIVE_PARTS[vendor])
    .join('\n  ')}
})();`;

/** One genuine event per vendor, as its widget delivers it, in the page. */
function pageSetup() {
  const w = window;
  let bus;
  w.__bootWidgets = () => {
    // What the vendors' scripts do when they load: Customerly's snippet makes its namespace (kept if there),
    // the Genesys widgets script calls the extensions with its bus.
    w.customerly = w.customerly || [];
    // The site's Genesys configuration (kept if the baseline made it already), then the widgets boot.
    w._genesys = w._genesys || { widgets: {} };
    w._genesys.widgets.webchat = w._genesys.widgets.webchat || {};
    const handlers = {};
    bus = { registerPlugin: () => ({ subscribe: (name, fn) => (handlers[name] = handlers[name] || []).push(fn) }) };
    const extensions = (w._genesys && w._genesys.widgets && w._genesys.widgets.extensions) || {};
    Object.keys(extensions).forEach((name) => extensions[name](() => {}, bus, {}));
    return handlers;
  };
  w.__events = {
    'Chili Piper': (i) =>
      dispatchEvent(
        new MessageEvent('message', {
          origin: 'https://acme.chilipiper.com',
          data: {
            action: 'timeslot-selected',
            args: { routeId: 'r' + i, time: '2030-01-01T10:00:00Z', timezone: 'Europe/Berlin', duration: 30 },
          },
        }),
      ),
    Customerly: (i) => w.customerly.onTriggerFired(i),
    Userlike: (i) =>
      w.userlikeTrackingEvent('chat_started', { widget_id: 1, widget_lang: 'en' }, { chat_id: 'c' + i, client_email: 'jane@example.com' }),
    Genesys: (i, handlers) =>
      (handlers['WebChat.started'] || []).forEach((fn) =>
        fn({ event: 'WebChat.started', data: { id: 'ixn-' + i, opened: 1e12 + i, started: 1e12 + i + 500 } }),
      ),
  };
  /** Milliseconds to run a classic inline script. */
  w.__run = (source) => {
    const script = document.createElement('script');
    script.textContent = source;
    const t0 = performance.now();
    document.head.appendChild(script);
    return performance.now() - t0;
  };
}

async function main() {
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  const context = await browser.newContext();
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url == HOST) return route.fulfill(HOST_PAGE);
    if (url.startsWith(ADS)) {
      // A real cross-origin frame (an ad) posting messages to the page.
      const body = `<script>window.burst = function (n) { for (var i = 0; i < n; i++) parent.postMessage({ type: 'ad-resize', height: 250, i: i }, '*'); };</script>`;
      return route.fulfill({
        contentType: 'text/html',
        headers: { 'Cross-Origin-Resource-Policy': 'cross-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' },
        body,
      });
    }
    return route.abort();
  });
  const fresh = async () => {
    const page = await context.newPage();
    await page.goto(HOST);
    await page.evaluate(pageSetup);
    return page;
  };
  const unique = () => `/* ${Math.random()} */`;

  /** Install, fresh page: ms for the script. */
  const installCost = async (source) => {
    const page = await fresh();
    const ms = await page.evaluate((code) => window.__run(code), unique() + source);
    await page.close();
    return ms;
  };
  /** First event of each vendor on a fresh page, after install: µs. */
  const firstEventCost = async (source, vendor) => {
    const page = await fresh();
    const us = await page.evaluate(
      ({ code, vendor }) => {
        window.__run(code);
        const handlers = window.__bootWidgets();
        const t0 = performance.now();
        window.__events[vendor](0, handlers);
        return (performance.now() - t0) * 1000;
      },
      { code: unique() + source, vendor },
    );
    await page.close();
    return us;
  };
  /** Warm per-event cost: µs per event over many events in one page. */
  const warmEventCost = async (page, vendor, n) =>
    page.evaluate(
      ({ vendor, n }) => {
        const handlers = window.__handlers;
        window.__events[vendor](0, handlers);
        const t0 = performance.now();
        for (let i = 1; i <= n; i++) window.__events[vendor](i, handlers);
        const us = ((performance.now() - t0) / n) * 1000;
        window.dataLayer.length = 0;
        return us;
      },
      { vendor, n },
    );
  /** A cross-origin frame posting a burst; ms until the page has received it all. */
  const frameBurst = async (source) => {
    const page = await fresh();
    await page.evaluate(
      ({ code, ads }) =>
        new Promise((resolve) => {
          if (code) window.__run(code);
          const frame = document.createElement('iframe');
          frame.src = ads;
          frame.onload = resolve;
          document.body.appendChild(frame);
        }),
      { code: source, ads: ADS },
    );
    const frame = page.frames().find((candidate) => candidate.url() == ADS);
    const received = page.evaluate(
      (n) =>
        new Promise((resolve) => {
          let count = 0;
          let t0 = 0;
          addEventListener('message', () => {
            if (count++ == 0) t0 = performance.now();
            if (count == n) resolve(performance.now() - t0);
          });
        }),
      FRAME_MESSAGES,
    );
    await frame.evaluate((n) => window.burst(n), FRAME_MESSAGES);
    const ms = await received;
    await page.close();
    return ms;
  };

  const NAMES = { chili_piper: 'Chili Piper', customerly: 'Customerly', userlike: 'Userlike', genesys: 'Genesys' };
  const VENDORS = Object.keys(NAMES)
    .filter((vendor) => !onlyVendor || vendor == onlyVendor)
    .map((vendor) => NAMES[vendor]);
  const ratios = {};
  const absolute = {};
  const record = (name, bridge, baseline) => {
    (ratios[name] = ratios[name] || []).push(bridge / baseline);
    (absolute[name] = absolute[name] || []).push([bridge, baseline]);
  };
  const warmBridge = await fresh();
  const warmNaive = await fresh();
  for (const [page, source] of [
    [warmBridge, IIFE],
    [warmNaive, NAIVE],
  ]) {
    await page.evaluate((code) => {
      window.__run(code);
      window.__handlers = window.__bootWidgets();
    }, source);
  }
  for (let round = 0; round < ROUNDS; round++) {
    const naive = await installCost(NAIVE);
    record('install: inline IIFE, no config', await installCost(IIFE), naive);
    record('install: inline IIFE with the template’s config', await installCost(TEMPLATE_CONFIG + IIFE), naive);
    record('install: the GTM paste', await installCost(PASTE), naive);
    for (const vendor of VENDORS) {
      record(`first ${vendor} event on a fresh page`, await firstEventCost(IIFE, vendor), await firstEventCost(NAIVE, vendor));
      record(
        `${vendor} event, warm`,
        await warmEventCost(warmBridge, vendor, WARM_EVENTS),
        await warmEventCost(warmNaive, vendor, WARM_EVENTS),
      );
    }
    record('messages from a cross-origin ad frame', await frameBurst(IIFE), await frameBurst(''));
  }
  await browser.close();

  const rows = Object.keys(ratios).map((name) => {
    const unit = name.startsWith('install') || name.startsWith('messages') ? 'ms' : 'µs';
    return {
      measure: name,
      bridge: median(absolute[name].map(([bridge]) => bridge)).toFixed(3) + ' ' + unit,
      against: median(absolute[name].map(([, baseline]) => baseline)).toFixed(3) + ' ' + unit,
      'ratio (median of rounds)': median(ratios[name]).toFixed(2) + 'x',
      'ratio spread': range(ratios[name]),
    };
  });
  console.log(
    `bridge${onlyVendor ? ' (' + onlyVendor + ' build)' : ''} against the naive baseline${smoke ? ' (smoke run: numbers are not meaningful)' : ''}: ${ROUNDS} paired rounds; warm events ${WARM_EVENTS.toLocaleString('en')} per round; ${FRAME_MESSAGES} frame messages; ` +
      '"against" is the naive listeners (for the frame messages: no listener but the page’s own)',
  );
  console.table(rows);
  if (rows.some((row) => !(parseFloat(row['ratio (median of rounds)']) > 0))) throw new Error('bench: a comparison produced no number');
}

await main();
