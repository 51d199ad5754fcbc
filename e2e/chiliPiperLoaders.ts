import { expect, type Frame, type Page, type Request } from './test';
import { HOST_URL, fixture, inline, type Served } from './helpers';
import { vendorFile } from './vendorCode';

// Chili Piper's own loaders, from npm, run unchanged: @chilipiper/concierge (marketing.js, the legacy
// snippet) and @chilipiper/conciergejs-fire (concierge.js, which builds its iframe on the host its own
// script came from). Only the network is mocked: the routing API the legacy loader POSTs the form to, and
// the booking app inside the iframe (not public), which posts {action, args} as the loaders read them.
export const LEGACY_URL = 'https://js.chilipiper.com/marketing.js';
export const FIRE_URL = 'https://js.chilipiper.io/concierge-js/concierge.js';
export const ROUTE = 'a1b2c3d4e5f60718293a4b5c';

const cors = {
  'access-control-allow-origin': HOST_URL.slice(0, -1),
  'access-control-allow-credentials': 'true',
  'access-control-allow-headers': 'content-type, accept',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
};

/**
 * The routing API and the booking app of any tenant of chilipiper.com or chilipiper.io; the loaders
 * themselves. `layout: 'fire'` answers the concierge router, whose popup the legacy loader builds as
 * the newer "fire" layout; 'classic' answers 404 there, so the loader falls back to its marketing
 * endpoint and the classic popup.
 */
export function serveChiliPiper(posted: unknown[], layout: 'fire' | 'classic' = 'classic') {
  return (request: Request): Served | undefined => {
    const url = new URL(request.url());
    if (url.href == LEGACY_URL) return { contentType: 'text/javascript', body: vendorFile('@chilipiper/concierge', 'dist/marketing.js') };
    if (url.href == FIRE_URL)
      return { contentType: 'text/javascript', body: vendorFile('@chilipiper/conciergejs-fire', 'dist/html/concierge.js') };
    if (!/^[\w-]+\.chilipiper\.(com|io)$/.test(url.hostname) || url.hostname.startsWith('js.')) return undefined;
    if (request.method() == 'OPTIONS') return { status: 204, contentType: 'text/plain', body: '', headers: cors };
    // The legacy loader first asks which cluster serves the tenant, then for the router's redirect settings.
    if (url.pathname.startsWith('/api/v1/match-cluster/'))
      return { contentType: 'application/json', body: '{"clusterPrefix":""}', headers: cors };
    if (url.pathname.startsWith('/marketing/inbound-router/redirect/'))
      return { contentType: 'application/json', body: '{"redirect":{"enabled":false}}', headers: cors };
    if (request.method() == 'POST' && url.pathname.endsWith('/rest')) {
      posted.push(request.postDataJSON());
      if (layout == 'classic') return { status: 404, contentType: 'application/json', body: '{}', headers: cors };
      return {
        contentType: 'application/json',
        body: JSON.stringify({ routingLink: `https://${url.hostname}/book/demo-queue?router=demo` }),
        headers: cors,
      };
    }
    if (url.hostname == 'api.chilipiper.com' && url.pathname.startsWith('/marketing/')) {
      if (request.method() == 'POST') posted.push(request.postDataJSON());
      return {
        contentType: 'application/json',
        body: JSON.stringify({ url: 'https://acme.chilipiper.com/book/demo-queue?router=demo' }),
        headers: cors,
      };
    }
    if (url.pathname.startsWith('/book/') || url.pathname.startsWith('/concierge-router/')) {
      return { contentType: 'text/html', body: fixture('chili_piper_frame.html') };
    }
    return undefined;
  };
}

/** The booking iframe the loader created, once its app is ready; `after` skips frames seen before. */
export async function bookingFrame(page: Page, prefix: string, after: Frame[] = []): Promise<Frame> {
  let found: Frame | undefined;
  await expect
    .poll(() => (found = page.frames().find((frame) => frame.url().startsWith(prefix) && !frame.isDetached() && !after.includes(frame))))
    .toBeTruthy();
  await found!.waitForFunction(() => typeof (window as unknown as { send?: unknown }).send == 'function');
  return found!;
}

export const send = (frame: Frame, data: unknown) =>
  frame.evaluate((message) => (window as unknown as { send(d: unknown): void }).send(message), data);
/** Lets posted messages arrive (postMessage is asynchronous) before the page is read. */
export const settle = (page: Page) => page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 50)));
export const popupFrames = (page: Page) => page.evaluate(() => document.querySelectorAll('iframe.chilipiper-frame').length);

export const common = { widget_vendor: 'chili_piper', widget_product: 'concierge', widget_schema: 1 };
export const slot = { start: 1893492000000, end: 1893493800000 };
export const confirmedArgs = { routeId: ROUTE, eventId: 'ev-77', assigneeId: '0051N000001S8LUUA0', actionType: 'create', slot };

/** What one booking through the loaders pushes: `routing` is its open step, `availability-loaded` the same step again, so an interaction. */
export const BOOKING = [
  { event: 'widget_open', ...common, widget_action: 'routing', widget_stage: 'open' },
  {
    event: 'widget_interaction',
    ...common,
    widget_action: 'availability-loaded',
    widget_stage: 'interaction',
    widget_interaction_id: ROUTE,
  },
  {
    event: 'widget_start',
    ...common,
    widget_action: 'timeslot-selected',
    widget_stage: 'start',
    widget_interaction_id: ROUTE,
    widget_slot_start: '2030-01-01T10:00:00.000Z',
    widget_timezone: 'Europe/Berlin',
    widget_duration_minutes: 30,
  },
  ...['widget_complete', 'generate_lead'].map((event) => ({
    event,
    ...common,
    widget_action: 'booking-confirmed',
    widget_stage: 'complete',
    widget_interaction_id: ROUTE,
    widget_event_id: 'ev-77',
    widget_assignee_id: '0051N000001S8LUUA0',
    widget_action_type: 'create',
    widget_slot_start: '2030-01-01T10:00:00.000Z',
    widget_slot_end: '2030-01-01T10:30:00.000Z',
    ...(event == 'generate_lead' ? { lead_source: 'chili_piper' } : {}),
  })),
];

export async function book(frame: Frame) {
  await send(frame, { action: 'routing' });
  await send(frame, { action: 'availability-loaded', args: { routeId: ROUTE } });
  await send(frame, {
    action: 'timeslot-selected',
    args: { routeId: ROUTE, time: '2030-01-01T10:00:00Z', timezone: 'Europe/Berlin', duration: 30 },
  });
  await send(frame, { action: 'booking-confirmed', args: confirmedArgs });
}

/** The site's call of the legacy snippet once the page is there (the popup is appended to the body). */
export const legacySite = (options: string) =>
  inline(`window.siteSuccess = [];
    addEventListener('DOMContentLoaded', function () {
      ChiliPiper.submit('acme', 'demo', { lead: { email: 'jane.doe@example.com', FirstName: 'Jane', LastName: 'Doe', Phone: '+1 555 0100' },
        ${options} onSuccess: function (args) { siteSuccess.push(args); } });
    });`);
