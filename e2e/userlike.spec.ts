import { expect, test, type Page } from './test';
import { USERLIKE_OLDER_EVENTS, USERLIKE_SEED_EVENTS } from '../test/documentedEvents';
import { pushedStages } from '../test/funnelSteps';
import { BRIDGE, expectPushes, external, fixture, inline, openHost } from './helpers';
import { PLANTED } from '../fixtures/personalData';

const WIDGET_URL = 'https://widget.userlike.test/loader.js';
const PERSONAL = PLANTED;

/** Every event of the Client Tracking API article plus the older names. */
const EVENTS = [...USERLIKE_SEED_EVENTS, ...USERLIKE_OLDER_EVENTS];
const STAGE: Record<string, string> = {
  button_displayed: 'view',
  chat_connected: 'open',
  chat_connected_proactive: 'open',
  chat_requested: 'open',
  chat_started: 'start',
  chat_started_proactive: 'start',
  chat_window_maximized: 'open',
  chat_window_minimized: 'interaction',
  contact_first_message: 'start',
  conversation_resume: 'open',
  disclaimer_ok: 'interaction',
  error_message: 'error',
  feedback_rating_cancel: 'interaction',
  feedback_rating_show: 'interaction',
  feedback_submit: 'interaction',
  group_select_show: 'interaction',
  group_select_submit: 'interaction',
  message_client_terminating: 'interaction',
  message_operator_terminating: 'interaction',
  post_survey_show: 'interaction',
  post_survey_submit: 'interaction',
  pre_survey_show: 'interaction',
  pre_survey_submit: 'start',
  proactive_offer: 'interaction',
  proactive_timer: 'interaction',
  rating_submit: 'interaction',
  register_cancel: 'cancel',
  register_show: 'interaction',
  register_submit: 'submit',
  slot_available: 'interaction',
  slot_check: 'interaction',
  slot_unavailable: 'unavailable',
  transcript_cancel: 'interaction',
  transcript_show: 'interaction',
  transcript_submit: 'interaction',
  chat_quit: 'close',
  chat_window_minimzed: 'interaction',
};

// All events come from one session: a funnel step it already reached is pushed as an interaction.
const STAGES_PUSHED = pushedStages(EVENTS.map((name) => STAGE[name]));
const expected = EVENTS.map((name, i) => ({
  event: 'widget_' + STAGES_PUSHED[i],
  widget_vendor: 'userlike',
  widget_product: 'messenger',
  widget_action: name,
  widget_stage: STAGES_PUSHED[i],
  widget_interaction_id: 'chat-5521',
  ...(name.includes('proactive') ? { widget_proactive: true } : {}),
  widget_id: '4242',
  widget_lang: 'de',
  widget_operator_group_id: '17',
  widget_operator_id: '9',
  widget_schema: 1,
}));

/** The site's function records its calls; `define` says how the site defines it. */
const siteFunction = (define: (body: string) => string) =>
  inline(`window.siteCalls = [];`) +
  inline(
    define(
      `function (name, globalContext, sessionContext) { siteCalls.push([name, typeof globalContext, typeof sessionContext]); return 'site:' + name; }`,
    ),
  );

const WAYS = {
  'declared with function before the bridge': [siteFunction((fn) => fn.replace('function ', 'function userlikeTrackingEvent')), BRIDGE],
  // The usual order when the GTM tag fires early: the declaration replaces the bridge's accessor.
  'declared with function after the bridge': [BRIDGE, siteFunction((fn) => fn.replace('function ', 'function userlikeTrackingEvent'))],
  'assigned to window after the bridge': [BRIDGE, siteFunction((fn) => `window.userlikeTrackingEvent = ${fn};`)],
  'assigned as an implicit global after the bridge (sloppy mode)': [BRIDGE, siteFunction((fn) => `userlikeTrackingEvent = ${fn};`)],
  'assigned to window before the bridge': [siteFunction((fn) => `window.userlikeTrackingEvent = ${fn};`), BRIDGE],
  'not defined by the site': [BRIDGE, inline(`window.siteCalls = [];`)],
} as const;

async function fireAll(page: Page): Promise<unknown[]> {
  return page.evaluate(() => (window as unknown as { __userlike: { fireAll(): unknown[] } }).__userlike.fireAll());
}

for (const [way, parts] of Object.entries(WAYS)) {
  test(`site function ${way}: every documented event pushed once, the site still called, no personal data`, async ({ page }) => {
    const { errors } = await openHost(page, {
      frames: [],
      head: [inline(`window.__userlikeEvents = ${JSON.stringify(EVENTS)};`), ...parts, external(WIDGET_URL)],
      scripts: { [WIDGET_URL]: fixture('userlike-widget.js') },
    });
    const results = await fireAll(page);
    await expectPushes(page, expected, PERSONAL);
    const siteDefined = way != 'not defined by the site';
    expect(results).toEqual(EVENTS.map((name) => (siteDefined ? 'site:' + name : undefined)));
    expect(await page.evaluate(() => (window as unknown as { siteCalls: unknown[] }).siteCalls)).toEqual(
      siteDefined ? EVENTS.map((name) => [name, 'object', 'object']) : [],
    );
    expect(errors).toEqual([]);
  });
}

test('a throwing site function still throws to the widget, and the push happens first', async ({ page }) => {
  const { errors } = await openHost(page, {
    frames: [],
    head: [
      inline(`window.__userlikeEvents = ['chat_started', 'error_message'];`),
      BRIDGE,
      inline(`window.userlikeTrackingEvent = function () { throw new Error('site tracking broke'); };`),
      external(WIDGET_URL),
    ],
    scripts: { [WIDGET_URL]: fixture('userlike-widget.js') },
  });
  expect(await fireAll(page)).toEqual(['threw: site tracking broke', 'threw: site tracking broke']);
  await expectPushes(
    page,
    expected.filter((push) => push.widget_action == 'chat_started' || push.widget_action == 'error_message'),
  );
  expect(errors).toEqual([]);
});

test('the site deletes the hooked global and assigns a new function after the page loaded: the next script load wraps it again', async ({
  page,
}) => {
  const LATER_URL = 'https://cdn.acme-shop.test/later.js';
  const { errors } = await openHost(page, {
    frames: [],
    head: [inline(`window.__userlikeEvents = ['chat_started'];`), BRIDGE, external(WIDGET_URL)],
    scripts: { [WIDGET_URL]: fixture('userlike-widget.js'), [LATER_URL]: 'window.later = true;' },
  });
  await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown> & { siteCalls: string[] };
    w.siteCalls = [];
    delete w.userlikeTrackingEvent;
    w.userlikeTrackingEvent = (name: string) => (w.siteCalls.push(name), 'site:' + name);
  });
  const fire = (name: string) =>
    page.evaluate((n) => (window as unknown as { __userlike: { fire(n: string): unknown } }).__userlike.fire(n), name);
  // Before any load: a plain property the bridge cannot see (the control), and nothing breaks.
  expect(await fire('button_displayed')).toBe('site:button_displayed');
  await expectPushes(page, []);
  // A script loads later (a tag, a lazy widget part): its load event reaches the document, not window.
  await page.evaluate(
    (src) =>
      new Promise((resolve) => {
        const script = document.createElement('script');
        script.src = src;
        script.onload = resolve;
        document.head.appendChild(script);
      }),
    LATER_URL,
  );
  expect(await fire('chat_started')).toBe('site:chat_started');
  await expectPushes(
    page,
    expected.filter((push) => push.widget_action == 'chat_started'),
  );
  expect(await page.evaluate(() => (window as unknown as { siteCalls: string[] }).siteCalls)).toEqual(['button_displayed', 'chat_started']);
  expect(errors).toEqual([]);
});
