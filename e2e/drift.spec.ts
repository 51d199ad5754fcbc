import { expect, test, type Page } from './test';
import { BRIDGE, CDN_URL, expectPushes, external, fixture, inline, openHost } from './helpers';
import { PLANTED } from '../fixtures/personalData';

// Drift publishes no client code on npm: the page runs Drift's install snippet (as Drift's install page and
// devdocs.drift.com give it), and the widget script it loads from js.driftt.com is the mock of
// fixtures/drift-widget.js, in the shapes of Drift's "Receiving Information from Drift" page
// (https://devdocs.drift.com/docs/drift-events).
const SNIPPET = `!function() {
  var t = window.driftt = window.drift = window.driftt || [];
  if (!t.init) {
    if (t.invoked) return void (window.console && console.error && console.error("Drift snippet included twice."));
    t.invoked = !0, t.methods = [ "identify", "config", "track", "reset", "debug", "show", "ping", "page", "hide", "off", "on" ],
    t.factory = function(e) {
      return function() {
        var n = Array.prototype.slice.call(arguments);
        return n.unshift(e), t.push(n), t;
      };
    }, t.methods.forEach(function(e) {
      t[e] = t.factory(e);
    }), t.load = function(t) {
      var e = 3e5, n = Math.ceil(new Date() / e) * e, o = document.createElement("script");
      o.type = "text/javascript", o.async = !0, o.crossorigin = "anonymous", o.src = "https://js.driftt.com/include/" + n + "/" + t + ".js";
      var i = document.getElementsByTagName("script")[0];
      i.parentNode.insertBefore(o, i);
    };
  }
}();
drift.SNIPPET_VERSION = '0.3.1';
drift.load('acme123');
window.__siteHeard = [];
drift.on('emailCapture', function (event) { window.__siteHeard.push('emailCapture:' + event.data.conversationId); });`;
const REFUTED = [...PLANTED, 'example.com', 'Agent'];

async function openSite(page: Page, head: string[]) {
  const opened = await openHost(page, {
    frames: [],
    head,
    serve: (request) =>
      /^https:\/\/js\.driftt\.com\/include\/\d+\/acme123\.js$/.test(request.url())
        ? { contentType: 'text/javascript', body: fixture('drift-widget.js') }
        : undefined,
  });
  await page.waitForFunction(() => '__driftWidget' in window);
  return opened;
}

const fire = (page: Page, name: string, payload?: unknown) =>
  page.evaluate(
    ({ name, payload, given }) => {
      const widget = (window as unknown as { __driftWidget: { fire(name: string, payload?: unknown): void } }).__driftWidget;
      if (given) widget.fire(name, payload);
      else widget.fire(name);
    },
    { name, payload, given: payload !== undefined },
  );
const siteHeard = (page: Page) => page.evaluate(() => (window as unknown as { __siteHeard: string[] }).__siteHeard);

const common = { widget_vendor: 'drift', widget_product: 'chat', widget_schema: 1 };
const push = (stage: string, action: string, extra: Record<string, unknown> = {}) => ({
  event: 'widget_' + stage,
  ...common,
  widget_action: action,
  widget_stage: stage,
  ...extra,
});
const conversation = { widget_interaction_id: '7001' };
const booked = {
  ...conversation,
  widget_trigger_id: '55',
  widget_assignee_id: '42',
  widget_slot_start: '2030-01-07T15:00:00.000Z',
  widget_duration_minutes: 30,
  widget_timezone: 'America/New_York',
};
const PUSHES = [
  push('view', 'ready', { widget_availability: 'online' }),
  push('open', 'chatOpen'),
  push('start', 'startConversation', conversation),
  push('submit', 'emailCapture', { ...conversation, widget_email_provided: true }),
  {
    ...push('submit', 'emailCapture', { ...conversation, widget_email_provided: true }),
    event: 'generate_lead',
    lead_source: 'drift',
  },
  push('complete', 'scheduling:meetingBooked', booked),
  push('close', 'chatClose'),
];
const walk = async (page: Page) => {
  for (const name of ['chatOpen', 'startConversation', 'message', 'emailCapture', 'scheduling:meetingBooked', 'chatClose'])
    await fire(page, name);
};

test('snippet after the bridge: a chat to a booked meeting, one lead, the site’s own callback called once', async ({ page }) => {
  const { errors } = await openSite(page, [BRIDGE, inline(SNIPPET)]);
  await walk(page);
  await expectPushes(page, PUSHES, REFUTED);
  expect(await siteHeard(page)).toEqual(['emailCapture:7001']);
  // Positive control: the widget handed the address to the site's callback.
  expect(
    JSON.stringify(await page.evaluate(() => (window as unknown as { __driftWidget: { payloads: unknown } }).__driftWidget.payloads)),
  ).toContain('jane.doe@example.com');
  expect(errors).toEqual([]);
});

test('core.js + vendors/drift.js after the widget is ready: the same pushes, a widget that swaps its own object in', async ({ page }) => {
  const { errors } = await openSite(page, [inline('window.__driftSwapsObject = true;'), inline(SNIPPET)]);
  await page.addScriptTag({ url: `${CDN_URL}vendors/drift.js` });
  await page.addScriptTag({ url: `${CDN_URL}core.js` });
  await walk(page);
  await expectPushes(page, PUSHES, REFUTED);
  expect(await siteHeard(page)).toEqual(['emailCapture:7001']);
  const keys = await page.evaluate(() => Object.keys((window as unknown as { dataLayer: object[] }).dataLayer[0]));
  expect(keys).toContain('widget_availability');
  expect(keys).not.toContain('widget_operator_id');
  expect(errors).toEqual([]);
});

test('the all-vendor IIFE, an offline team: ready says offline, the away message is unavailable', async ({ page }) => {
  const { errors } = await openSite(page, [
    inline('window.__driftOnline = false;'),
    external(`${CDN_URL}gtm-widget-bridge.js`),
    inline(SNIPPET),
  ]);
  await fire(page, 'awayMessage:open');
  await expectPushes(page, [push('view', 'ready', { widget_availability: 'offline' }), push('unavailable', 'awayMessage:open')], REFUTED);
  expect(errors).toEqual([]);
});
