import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from './test';
import { CDN_URL, expectPushes, external, inline, openHost } from './helpers';
import { BOOKING, LEGACY_URL, ROUTE, book, bookingFrame, serveChiliPiper, slot } from './chiliPiperLoaders';
import { startNodeRelay } from '../relay/src/node';
import { fakeGa4, freePort } from '../scripts/loopback.mjs';
import type { LogEntry } from '../relay/src/app';

// The whole loop on one machine: Chili Piper's real legacy loader (npm @chilipiper/concierge) with the
// bridge's .relay build in Chromium; the relay (Node, SQLite) on loopback; a mocked Chili Piper API that
// captures the webHook the loader posts and later calls it, as Chili Piper does when the meeting changes;
// and a fake GA4 collection endpoint on loopback that receives the Measurement Protocol requests.
const RELAY_PUBLIC = 'https://relay.acme-shop.test';
const CLIENT_ID = '1234567890.1763726400';
// The visitor's session started a minute ago: the relay joins events to it only while they fall inside it.
const SESSION_ID = String(Math.floor(Date.now() / 1000) - 60);

/**
 * The bridge with the relay's client as the site includes it: the core, the Chili Piper and relay plugin
 * files from the CDN, or the Custom HTML tag `npx gtm-widget-bridge paste` prints for the relay option,
 * its config block edited.
 */
function relayBridge(variant: 'iife' | 'paste', config: object): string {
  const assignment = `window.gtmWidgetBridgeConfig = ${JSON.stringify(config)};`;
  if (variant == 'iife')
    return (
      inline(assignment) +
      ['core', 'vendors/chili_piper', 'vendors/chili_piper_relay'].map((file) => external(`${CDN_URL}${file}.js`)).join('')
    );
  const file = join(mkdtempSync(join(tmpdir(), 'gwb-')), 'config.json');
  writeFileSync(file, JSON.stringify({ chiliPiper: { relay: { url: RELAY_PUBLIC, analyticsConsent: true } } }));
  const paste = execFileSync('node', ['bin/gtm-widget-bridge.mjs', 'paste', '--vendors', 'chili_piper', '--config', file], {
    encoding: 'utf8',
  });
  const edited = paste.replace(/window\.gtmWidgetBridgeConfig = \{[\s\S]*?\n\};/, () => assignment);
  if (edited == paste) throw new Error('the paste has no config block to edit');
  return edited;
}

/** The site: a Google tag answering `get`, the bridge's relay build with its config, and the legacy snippet on a button. */
const site = (analyticsConsent: boolean, variant: 'iife' | 'paste' = 'iife') => [
  inline(`window.dataLayer = [];
    // The Google tag's get command, as gtag.js answers it once loaded.
    window.gtag = function (command, id, field, callback) {
      if (command == 'get' && id == 'G-TEST123456') setTimeout(function () { callback(field == 'client_id' ? '${CLIENT_ID}' : ${SESSION_ID}); }, 5);
    };`),
  relayBridge(variant, {
    chiliPiper: {
      relay: { url: RELAY_PUBLIC, analyticsConsent, measurementId: 'G-TEST123456', adUserData: true, adPersonalization: false },
    },
  }),
  external(LEGACY_URL),
  inline(`addEventListener('DOMContentLoaded', function () {
      var button = document.createElement('button');
      button.textContent = 'Book a demo';
      button.onclick = function () { ChiliPiper.submit('acme', 'demo', { lead: { email: 'jane.doe@example.com', FirstName: 'Jane' } }); };
      document.body.appendChild(button);
    });`),
];

let ga4: Awaited<ReturnType<typeof fakeGa4>>;
let relay: Awaited<ReturnType<typeof startNodeRelay>>;
const logs: LogEntry[] = [];

test.beforeAll(async () => {
  ga4 = await fakeGa4();
  relay = await startNodeRelay(
    {
      GA4_MEASUREMENT_ID: 'G-TEST123456',
      GA4_API_SECRET: 'test-secret',
      GA4_ENDPOINT: ga4.url,
      RELAY_TOKEN_KEYS: 'k1:' + randomBytes(32).toString('base64url'),
      RELAY_ALLOWED_ORIGINS: 'https://www.acme-shop.test',
      RELAY_PUBLIC_URL: RELAY_PUBLIC,
      RELAY_DATABASE: join(mkdtempSync(join(tmpdir(), 'relay-e2e-')), 'relay.sqlite'),
      PORT: String(await freePort()),
    },
    (entry) => void logs.push(entry),
  );
});
test.afterAll(async () => {
  await relay?.close();
  await ga4?.close();
});

/** Opens the site; requests to the relay's public host are forwarded to the relay on loopback, headers and all. */
async function openSite(page: Page, analyticsConsent: boolean, posted: unknown[], variant: 'iife' | 'paste' = 'iife') {
  const chiliPiper = serveChiliPiper(posted);
  const tokenRequests: string[] = [];
  await openHost(page, {
    frames: [],
    head: site(analyticsConsent, variant),
    serve: async (request) => {
      if (!request.url().startsWith(RELAY_PUBLIC + '/')) return chiliPiper(request);
      tokenRequests.push(request.url());
      const response = await fetch(request.url().replace(RELAY_PUBLIC, relay.url), {
        method: request.method(),
        headers: await request.allHeaders(),
        body: request.postData() || undefined,
      });
      return {
        status: response.status,
        contentType: response.headers.get('content-type') || 'text/plain',
        headers: Object.fromEntries(response.headers),
        body: await response.text(),
      };
    },
  });
  return tokenRequests;
}

/** What Chili Piper does when the meeting changes: POST the documented body to the booking's webHook. */
const callWebhook = (webHook: string, body: object) =>
  fetch(webHook.replace(RELAY_PUBLIC, relay.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

test('with consent: the loader posts the sealed webHook, the browser leaves the lead to the relay, and every webhook reaches GA4 once', async ({
  page,
}) => {
  const posted: { options?: { webHook?: string } }[] = [];
  // This worker's relay may have served another test of this file before.
  const issuedBefore = logs.filter((entry) => entry.outcome == 'issued').length;
  ga4.collected.length = 0;
  const tokenRequests = await openSite(page, true, posted);
  // The URL is fetched as soon as the snippet is on the page, before the visitor books.
  await expect.poll(() => logs.filter((entry) => entry.outcome == 'issued').length).toBe(issuedBefore + 1);
  await page.getByRole('button', { name: 'Book a demo' }).click();
  const frame = await bookingFrame(page, 'https://acme.chilipiper.com/book/');
  await book(frame);

  // The loader sent the relay's URL to Chili Piper as options.webHook: sealed, no GA id in it.
  const webHook = posted.map((body) => body.options && body.options.webHook).find(Boolean)!;
  expect(webHook).toMatch(/^https:\/\/relay\.acme-shop\.test\/v1\/hooks\/k1\.[\w-]+$/);
  expect(webHook).not.toContain(CLIENT_ID);
  expect(tokenRequests.length).toBeGreaterThanOrEqual(1);
  // The browser pushes the funnel but not generate_lead: that booking's lead is the relay's.
  await expectPushes(
    page,
    BOOKING.filter((push) => push.event != 'generate_lead'),
    ['jane.doe@example.com'],
  );

  // Chili Piper reports the booking, a duplicate delivery, a reschedule and a cancellation.
  const body = { routeId: ROUTE, eventId: 'ev77ev77ev77ev77ev77ev77', assigneeId: '0051N000001S8LUUA0', slot };
  const statuses = [];
  for (const change of [
    { actionType: 'create' },
    { actionType: 'create' },
    { actionType: 'reschedule', slot: { start: slot.start + 86_400_000, end: slot.end + 86_400_000 } },
    { actionType: 'cancel' },
  ])
    statuses.push((await callWebhook(webHook, { ...body, ...change })).status);
  expect(statuses).toEqual([202, 200, 202, 202]);

  await expect.poll(() => ga4.collected.length).toBe(3);
  expect(ga4.collected.map((request) => request.path)).toEqual(
    Array(3).fill('/mp/collect?measurement_id=G-TEST123456&api_secret=test-secret'),
  );
  expect(ga4.collected.map((request) => request.body.events.map((event) => event.name))).toEqual([
    ['widget_meeting_created', 'generate_lead'],
    ['widget_meeting_rescheduled'],
    ['widget_meeting_canceled'],
  ]);
  for (const { body: sent } of ga4.collected) {
    expect(sent.client_id).toBe(CLIENT_ID);
    // The site's advertising consent, sealed into the URL, travels with every event.
    expect(sent.consent).toEqual({ ad_user_data: 'GRANTED', ad_personalization: 'DENIED' });
    expect(sent.events[0].params).toMatchObject({
      widget_vendor: 'chili_piper',
      widget_product: 'concierge',
      widget_interaction_id: ROUTE,
      widget_schema: 1,
      session_id: SESSION_ID,
      engagement_time_msec: 1,
    });
  }
  expect(JSON.stringify(ga4.collected)).not.toContain('jane.doe@example.com');
  expect(JSON.stringify(ga4.collected)).not.toContain('0051N000001S8LUUA0');
  expect(JSON.stringify(logs)).not.toContain(CLIENT_ID);
});

test('without consent: no token, no webHook, and the browser keeps the lead', async ({ page }) => {
  const posted: { options?: { webHook?: string } }[] = [];
  const issuedBefore = logs.filter((entry) => entry.what == 'token').length;
  const tokenRequests = await openSite(page, false, posted);
  await page.getByRole('button', { name: 'Book a demo' }).click();
  const frame = await bookingFrame(page, 'https://acme.chilipiper.com/book/');
  await book(frame);
  await expectPushes(page, BOOKING, ['jane.doe@example.com']); // generate_lead included
  expect(posted.length).toBeGreaterThan(0); // control: the loader did post the booking request
  expect(posted.some((body) => body.options && body.options.webHook)).toBe(false);
  expect(tokenRequests).toEqual([]);
  expect(logs.filter((entry) => entry.what == 'token').length).toBe(issuedBefore);
});

test('the .relay Custom HTML paste does the same: webHook added, lead left to the relay', async ({ page }) => {
  const posted: { options?: { webHook?: string } }[] = [];
  const issuedBefore = logs.filter((entry) => entry.outcome == 'issued').length;
  await openSite(page, true, posted, 'paste');
  await expect.poll(() => logs.filter((entry) => entry.outcome == 'issued').length).toBe(issuedBefore + 1);
  await page.getByRole('button', { name: 'Book a demo' }).click();
  await book(await bookingFrame(page, 'https://acme.chilipiper.com/book/'));
  expect(posted.map((body) => body.options && body.options.webHook).find(Boolean)).toMatch(
    /^https:\/\/relay\.acme-shop\.test\/v1\/hooks\//,
  );
  await expectPushes(
    page,
    BOOKING.filter((push) => push.event != 'generate_lead'),
  );
});
