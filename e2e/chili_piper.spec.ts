import { expect, test } from './test';
// The built package's own key list: every push must carry all of them.
import { SCHEMA_KEYS, VENDORS } from '../dist/index.mjs';
import {
  CHILI_PIPER_CLOSE,
  CHILI_PIPER_URL,
  expectFullSchema,
  expectPushes,
  openHost,
  postFrom,
  readEvents,
  waitForMessages,
  type Variant,
} from './helpers';

const ROUTE = '5a7c654a2b52873a2ce5df57';
const common = { widget_vendor: 'chili_piper', widget_product: 'concierge', widget_interaction_id: ROUTE, widget_schema: 1 };

/** A realistic booking: calendar, slot, booked, confirmed (posted twice, as some embeds do). */
async function bookMeeting(page: import('@playwright/test').Page) {
  await postFrom(page, CHILI_PIPER_URL, { action: 'availability-loaded', args: { routeId: ROUTE } });
  await postFrom(page, CHILI_PIPER_URL, {
    action: 'timeslot-selected',
    args: { routeId: ROUTE, time: '2023-08-24T12:30:00.000Z', timezone: 'America/Chicago', duration: 30 },
  });
  await postFrom(page, CHILI_PIPER_URL, { routeId: ROUTE });
  const confirmed = {
    routeId: ROUTE,
    eventId: '5b2124533a906b5f0bff32ad',
    assigneeId: '0051N000001S8LUUA0',
    slot: { start: 1536355315, end: 1536356315 },
  };
  await postFrom(page, CHILI_PIPER_URL, confirmed);
  await postFrom(page, CHILI_PIPER_URL, confirmed);
}

const BOOKING_PUSHES = [
  { event: 'widget_open', ...common, widget_action: 'availability-loaded', widget_stage: 'open' },
  {
    event: 'widget_start',
    ...common,
    widget_action: 'timeslot-selected',
    widget_stage: 'start',
    widget_slot_start: '2023-08-24T12:30:00.000Z',
    widget_timezone: 'America/Chicago',
    widget_duration_minutes: 30,
  },
  { event: 'widget_submit', ...common, widget_action: 'booked', widget_stage: 'submit' },
  ...['widget_complete', 'generate_lead'].map((event) => ({
    event,
    ...common,
    widget_action: 'booking-confirmed',
    widget_stage: 'complete',
    widget_event_id: '5b2124533a906b5f0bff32ad',
    widget_assignee_id: '0051N000001S8LUUA0',
    widget_slot_start: '2018-09-07T21:21:55.000Z',
    widget_slot_end: '2018-09-07T21:38:35.000Z',
    ...(event == 'generate_lead' ? { lead_source: 'chili_piper' } : {}),
  })),
];

for (const variant of ['iife', 'paste', 'esm'] as Variant[]) {
  test(`booking flow through the ${variant} build: exact dataLayer, zero page errors`, async ({ page }) => {
    const { errors } = await openHost(page, { variant });
    await bookMeeting(page);
    await expectPushes(page, BOOKING_PUSHES);
    await expectFullSchema(page, SCHEMA_KEYS);
    expect(errors).toEqual([]);
  });
}

test('spoofed origins in the same page push nothing; the genuine frame is the control', async ({ page }) => {
  const spoofs = [
    'https://chilipiper.com.evil.net/book/demo-queue',
    'https://evilchilipiper.com/book/demo-queue',
    'https://acme.chilipiper.com.evil.net/book/demo-queue',
    'sandbox:https://acme.chilipiper.com/book/sandboxed', // opaque origin: "null"
  ];
  const { errors } = await openHost(page, { frames: [CHILI_PIPER_URL, ...spoofs] });
  for (const spoof of spoofs) {
    await postFrom(page, spoof, { action: 'booking-confirmed', args: { routeId: 'spoofed' } });
    await postFrom(page, spoof, { routeId: 'spoofed', eventId: 'x' });
  }
  await waitForMessages(page, spoofs.length * 2);
  expect(await page.evaluate(() => (window as unknown as { __received: string[] }).__received)).toContain('null');
  await postFrom(page, CHILI_PIPER_URL, { action: 'no-free-slots', args: { routeId: ROUTE } });
  await expectPushes(
    page,
    [{ event: 'widget_unavailable', ...common, widget_action: 'no-free-slots', widget_stage: 'unavailable' }],
    ['spoofed'],
  );
  expect(errors).toEqual([]);
});

test('extra origins from config are accepted', async ({ page }) => {
  const custom = 'https://booking.acme-shop.test/embed';
  const { errors } = await openHost(page, { frames: [custom], config: { chiliPiperOrigins: ['https://booking.acme-shop.test'] } });
  await postFrom(page, custom, { action: 'close' });
  await expectPushes(page, [CHILI_PIPER_CLOSE]);
  expect(errors).toEqual([]);
});

test('malformed messages from the genuine origin push nothing and break nothing', async ({ page }) => {
  const { errors } = await openHost(page);
  const malformed: unknown[] = [
    'booking-confirmed',
    '{"action":"booked"}',
    42,
    null,
    true,
    [{ action: 'booked' }],
    {},
    { action: 42 },
    { action: 'REDIRECT', args: { url: 'https://acme-shop.test/thanks' } },
    { action: 'x'.repeat(200_000) },
    { action: 'not-an-action' },
    { foo: 1, bar: 2 },
  ];
  for (const data of malformed) await postFrom(page, CHILI_PIPER_URL, data);
  // Hostile shapes built in the frame itself: cyclic and __proto__ keys.
  await page.frames()[1].evaluate(() => {
    const cyclic: Record<string, unknown> = { action: 'prospect-routed' };
    cyclic.args = cyclic;
    parent.postMessage(JSON.parse('{"__proto__": {"action": "booked"}, "constructor": 1}'), '*');
    parent.postMessage(cyclic, '*');
  });
  await waitForMessages(page, malformed.length + 2);
  await expectPushes(page, [
    {
      event: 'widget_interaction',
      widget_vendor: 'chili_piper',
      widget_product: 'concierge',
      widget_action: 'prospect-routed',
      widget_stage: 'interaction',
      widget_schema: 1,
    },
  ]);
  expect(errors).toEqual([]);
});

test('debug mode logs readable lines for each event and push', async ({ page }) => {
  const lines: string[] = [];
  page.on('console', (message) => lines.push(message.text()));
  await openHost(page, { config: { debug: true } });
  await postFrom(page, CHILI_PIPER_URL, { action: 'booking-confirmed', args: { routeId: ROUTE } });
  await expect.poll(() => readEvents(page)).toEqual(['widget_complete', 'generate_lead']);
  expect(lines.filter((line) => line.startsWith('[gtm-widget-bridge]')).map((line) => line.split(' {')[0].split(' Object')[0])).toEqual([
    // Every vendor of the build, in registry order.
    ...VENDORS.map((vendor: string) => '[gtm-widget-bridge] installed ' + vendor),
    '[gtm-widget-bridge] chili_piper "booking-confirmed" → widget_complete',
    '[gtm-widget-bridge] push widget_complete',
    '[gtm-widget-bridge] push generate_lead',
  ]);
});
