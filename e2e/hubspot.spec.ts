import { expect, test, type Page } from './test';
import { BRIDGE, CDN_URL, expectPushes, external, fixture, inline, openHost, type Served } from './helpers';
import { PLANTED } from '../fixtures/personalData';

// HubSpot publishes none of this client code on npm: every HubSpot side is a mock in the shapes HubSpot's pages
// document. Chat: fixtures/hubspot-conversations.js, served as the tracking code
// (https://developers.hubspot.com/docs/api-reference/latest/conversations/chat-configuration/chat-widget-sdk).
// Forms: the window events of https://developers.hubspot.com/docs/api-reference/latest/marketing/forms/global-form-events
// and the legacy `hsFormCallback` messages the forms script posts to its own page
// (https://developers.hubspot.com/docs/cms/start-building/features/forms/legacy-forms), dispatched by the page.
// Meetings: the scheduling iframe on https://meetings.hubspot.com posts `{meetingBookSucceeded: true,
// meetingsPayload: {bookingResponse}}` to its parent, the shape listeners in public code read (HubSpot documents none).
const TRACKING_CODE = 'https://js.hs-scripts.com/4242.js';
const MEETINGS_URL = 'https://meetings.hubspot.com/acme/demo?embed=true';
const EU_MEETINGS_URL = 'https://meetings-eu1.hubspot.com/acme/intro?embed=true';
const LOOK_ALIKE_URL = 'https://meetings.hubspot.com.evil.test/acme/demo?embed=true';
/** A meetings link on the site's own connected domain, named in `hubspot.origins`. */
const OWN_DOMAIN_URL = 'https://meet.acme-shop.test/acme/demo?embed=true';
const FORM_ID = '7a1f3c2e-5b6d-4e8f-9a0b-1c2d3e4f5a6b';
const START = Date.UTC(2030, 2, 4, 10);

/** The scheduling page mock: `book(flag, start)` posts a booking with the contact's details, as HubSpot's page would. */
const MEETINGS_PAGE = `<!doctype html><title>Meetings</title><script>
window.book = (flag, start) => parent.postMessage({ [flag]: true, meetingsPayload: { bookingResponse: {
  event: { dateTime: start },
  postResponse: { timerange: { start, end: start + 1800000 },
    contact: { firstName: 'Jane', lastName: 'Doe', email: 'jane.doe@x.test', phone: '+1 555 0100' },
    organizer: { firstName: 'Smith', email: 'smith@acme.x.test' } } } } }, '*');
window.resize = () => parent.postMessage({ height: 812 }, '*');
</script>`;

const serve = (request: { url(): string }): Served | undefined => {
  const url = request.url();
  if ([MEETINGS_URL, EU_MEETINGS_URL, LOOK_ALIKE_URL, OWN_DOMAIN_URL].includes(url))
    return { contentType: 'text/html', body: MEETINGS_PAGE };
  if (url == TRACKING_CODE) return { contentType: 'text/javascript', body: fixture('hubspot-conversations.js') };
  return undefined;
};

/**
 * The site's own integration: the chat snippet of the SDK page (an on() handler from its hsConversationsOnReady
 * entry), a global form event listener, a meetings message listener as public code writes it; each records
 * what it heard.
 */
const SITE = `
window.__siteHeard = [];
function onConversationsAPIReady() {
  window.HubSpotConversations.on('conversationStarted', function (payload) {
    window.__siteHeard.push('chat:' + payload.conversation.conversationId);
  });
}
if (window.HubSpotConversations) onConversationsAPIReady();
else window.hsConversationsOnReady = [onConversationsAPIReady];
window.addEventListener('hs-form-event:on-submission:success', function (event) { window.__siteHeard.push('form:' + event.detail.formId); });
window.addEventListener('message', function (event) {
  if (event.origin === 'https://meetings.hubspot.com' && event.data.meetingBookSucceeded) window.__siteHeard.push('meeting:' + event.data.meetingsPayload.bookingResponse.postResponse.contact.email);
});`;

async function openSite(page: Page, head: string[], config?: Record<string, unknown>) {
  const opened = await openHost(page, { frames: [], head, serve, config });
  for (const url of [MEETINGS_URL, EU_MEETINGS_URL]) await addFrame(page, url);
  return opened;
}

function frameOf(page: Page, url: string) {
  return expect
    .poll(() => page.frames().find((frame) => frame.url() == url), { message: 'frame ' + url })
    .toBeTruthy()
    .then(() => page.frames().find((frame) => frame.url() == url)!);
}

async function addFrame(page: Page, src: string) {
  await page.evaluate((url) => {
    const frame = document.createElement('iframe');
    frame.src = url;
    document.body.append(frame);
  }, src);
  await (await frameOf(page, src)).waitForFunction(() => 'book' in window);
}

/** Books in the iframe at `url` and waits until the page received the message. */
async function book(page: Page, url: string, flag = 'meetingBookSucceeded', start = START) {
  const received = () => page.evaluate(() => (window as unknown as { __received: unknown[] }).__received.length);
  const before = await received();
  await (
    await frameOf(page, url)
  ).evaluate(([f, s]) => (window as unknown as { book(f: unknown, s: unknown): void }).book(f, s), [flag, start]);
  await expect.poll(received).toBeGreaterThan(before);
}

/** A form event of the updated editor, as HubSpot's forms script dispatches it (its detail with the submitted values). */
const formEvent = (page: Page, name: string, instanceId = 'inst-1') =>
  page.evaluate(
    ([n, formId, instance]) =>
      window.dispatchEvent(
        new CustomEvent('hs-form-event:' + n, {
          detail: { formId, instanceId: instance, portalId: 4242, submissionValues: { email: 'jane.doe@x.test', firstname: 'Jane' } },
        }),
      ),
    [name, FORM_ID, instanceId],
  );

/** A legacy form's message, posted by the page to itself; resolves once delivered. */
async function legacyForm(page: Page, eventName: string) {
  const received = () => page.evaluate(() => (window as unknown as { __received: unknown[] }).__received.length);
  const before = await received();
  await page.evaluate(
    ([name, id]) =>
      window.postMessage({ type: 'hsFormCallback', eventName: name, id, data: [{ name: 'email', value: 'jane.doe@x.test' }] }, '*'),
    [eventName, FORM_ID],
  );
  await expect.poll(received).toBeGreaterThan(before);
}

/** Plays one chat event through the mocked widget to every registered handler. */
const chat = (page: Page, name: string, payload: unknown) =>
  page.evaluate(
    ([n, p]) => (window as unknown as { __hubspotChat: { fire(n: unknown, p: unknown): void } }).__hubspotChat.fire(n, p),
    [name, payload],
  );
const conversation = { conversation: { conversationId: 8842113 } };

const push = (product: string, stage: string, action: string, extra: Record<string, unknown> = {}) => ({
  event: 'widget_' + stage,
  widget_vendor: 'hubspot',
  widget_product: product,
  widget_action: action,
  widget_stage: stage,
  widget_schema: 1,
  ...extra,
});
const lead = (pushed: Record<string, unknown>, stage: string) => ({
  ...pushed,
  event: 'generate_lead',
  widget_stage: stage,
  lead_source: 'hubspot',
});
const slot = {
  widget_slot_start: '2030-03-04T10:00:00.000Z',
  widget_slot_end: '2030-03-04T10:30:00.000Z',
  widget_duration_minutes: 30,
};
const form = (instance: string) => ({ widget_id: FORM_ID, widget_interaction_id: instance });
const siteHeard = (page: Page) => page.evaluate(() => (window as unknown as { __siteHeard: string[] }).__siteHeard);

/** One visit that uses all three products. */
async function visit(page: Page) {
  await (await frameOf(page, MEETINGS_URL)).evaluate(() => (window as unknown as { resize(): void }).resize());
  await book(page, MEETINGS_URL);
  await book(page, MEETINGS_URL); // posted twice
  await formEvent(page, 'on-ready');
  await formEvent(page, 'on-interaction:navigate');
  await formEvent(page, 'on-interaction:navigate:next');
  await formEvent(page, 'on-submission:success');
  await legacyForm(page, 'onFormReady');
  await legacyForm(page, 'onFormSubmitted');
  await chat(page, 'userInteractedWithWidget', { message: 'User has interacted with the widget' });
  await chat(page, 'conversationStarted', conversation);
  await chat(page, 'unreadConversationCountChanged', { unreadCount: 1 });
  await chat(page, 'contactAssociated', { message: 'Jane Doe, jane.doe@x.test' });
  await chat(page, 'conversationClosed', conversation);
}
const meeting = push('meetings', 'complete', 'meetingBookSucceeded', { widget_interaction_id: 'meetings-1', ...slot });
const success = push('forms', 'submit', 'on-submission:success', form('inst-1'));
const legacySubmitted = push('forms', 'submit', 'onFormSubmitted', form(FORM_ID));
const associated = push('chat', 'submit', 'contactAssociated', { widget_interaction_id: '8842113' });
const VISIT = [
  meeting,
  lead(meeting, 'complete'),
  push('forms', 'view', 'on-ready', form('inst-1')),
  push('forms', 'start', 'on-interaction:navigate', form('inst-1')),
  success,
  lead(success, 'submit'),
  push('forms', 'view', 'onFormReady', form(FORM_ID)),
  legacySubmitted,
  lead(legacySubmitted, 'submit'),
  push('chat', 'open', 'userInteractedWithWidget'),
  push('chat', 'start', 'conversationStarted', { widget_interaction_id: '8842113' }),
  associated,
  lead(associated, 'submit'),
  push('chat', 'complete', 'conversationClosed', { widget_interaction_id: '8842113' }),
];
const REFUTED = [...PLANTED, '4242'];

for (const [order, head, loadPushed] of [
  ['bridge before the site and HubSpot’s scripts', [BRIDGE, inline(SITE), external(TRACKING_CODE)], true],
  ['bridge after the site and HubSpot’s scripts', [inline(SITE), external(TRACKING_CODE), BRIDGE], false],
] as const) {
  test(`${order}: exact pushes of all three products, the site’s own handlers still called`, async ({ page }) => {
    const { errors } = await openSite(page, [...head]);
    await visit(page);
    // The widget loads as the tracking code runs: heard only when the bridge was there first.
    await expectPushes(page, [...(loadPushed ? [push('chat', 'view', 'widgetLoaded')] : []), ...VISIT], REFUTED);
    expect(await siteHeard(page)).toEqual(['meeting:jane.doe@x.test', 'meeting:jane.doe@x.test', 'form:' + FORM_ID, 'chat:8842113']);
    expect(errors).toEqual([]);
  });
}

test('two scheduling iframes and two forms: one lead each; a look-alike origin and a framed legacy message are ignored', async ({
  page,
}) => {
  const { errors } = await openSite(page, [BRIDGE, inline(SITE), external(TRACKING_CODE)]);
  await addFrame(page, LOOK_ALIKE_URL);
  await book(page, LOOK_ALIKE_URL);
  // A legacy form message from a frame, not the page itself.
  await (
    await frameOf(page, LOOK_ALIKE_URL)
  ).evaluate(() => parent.postMessage({ type: 'hsFormCallback', eventName: 'onFormSubmitted', id: 'spoofed', data: [] }, '*'));
  await book(page, MEETINGS_URL);
  await book(page, EU_MEETINGS_URL, 'meetingBookSucceeded', START + 86400000);
  for (const instance of ['inst-a', 'inst-b']) await formEvent(page, 'on-submission:success', instance);
  const second = push('meetings', 'complete', 'meetingBookSucceeded', {
    widget_interaction_id: 'meetings-2',
    widget_slot_start: '2030-03-05T10:00:00.000Z',
    widget_slot_end: '2030-03-05T10:30:00.000Z',
    widget_duration_minutes: 30,
  });
  const formA = push('forms', 'submit', 'on-submission:success', form('inst-a'));
  const formB = push('forms', 'submit', 'on-submission:success', form('inst-b'));
  await expectPushes(
    page,
    [
      push('chat', 'view', 'widgetLoaded'),
      meeting,
      lead(meeting, 'complete'),
      second,
      lead(second, 'complete'),
      formA,
      lead(formA, 'submit'),
      formB,
      lead(formB, 'submit'),
    ],
    [...REFUTED, 'spoofed'],
  );
  expect(errors).toEqual([]);
});

test('core.js + vendors/hubspot.js: the plugin file alone; a meetings link on the site’s domain added by config; widget reload and a re-created widget', async ({
  page,
}) => {
  const { errors } = await openSite(page, [
    inline(`window.gtmWidgetBridgeConfig = ${JSON.stringify({ hubspot: { origins: ['https://meet.acme-shop.test'] } })};`),
    external(`${CDN_URL}vendors/hubspot.js`),
    external(`${CDN_URL}core.js`),
    inline(SITE),
    external(TRACKING_CODE),
  ]);
  await addFrame(page, OWN_DOMAIN_URL);
  await book(page, OWN_DOMAIN_URL);
  // Reload the widget, then re-create it as a single-page app re-running the tracking code would.
  await page.evaluate(() => {
    const api = (window as unknown as { HubSpotConversations: { widget: { remove(): void; load(): void } } }).HubSpotConversations;
    api.widget.remove();
    api.widget.load();
  });
  await page.evaluate(() => delete (window as unknown as Record<string, unknown>).HubSpotConversations);
  await page.addScriptTag({ url: TRACKING_CODE });
  await chat(page, 'conversationStarted', conversation);
  const own = push('meetings', 'complete', 'meetingBookSucceeded', { widget_interaction_id: 'meetings-1', ...slot });
  await expectPushes(
    page,
    [
      push('chat', 'view', 'widgetLoaded'),
      own,
      lead(own, 'complete'),
      push('chat', 'view', 'widgetLoaded'),
      push('chat', 'view', 'widgetLoaded'),
      push('chat', 'start', 'conversationStarted', { widget_interaction_id: '8842113' }),
    ],
    REFUTED,
  );
  // The plugin's keys and no other vendor's.
  const keys = await page.evaluate(() => Object.keys((window as unknown as { dataLayer: object[] }).dataLayer[0]));
  expect(keys).toEqual(expect.arrayContaining(['widget_id', 'widget_slot_start', 'widget_duration_minutes']));
  expect(keys).not.toContain('widget_assignee_id');
  // The site's snippet ran again on the re-created widget: its handler is on the new object once.
  expect(await siteHeard(page)).toEqual(['chat:8842113']);
  expect(errors).toEqual([]);
});
