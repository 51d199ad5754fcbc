import { readFileSync } from 'node:fs';
import { expect, type BrowserContext, type Frame, type Page, type Request } from '@playwright/test';

export const HOST_URL = 'https://www.acme-shop.test/';
export const CDN_URL = 'https://cdn.acme-shop.test/';
export const CHILI_PIPER_URL = 'https://acme.chilipiper.com/book/demo-queue';
/** The push for Chili Piper's `{action: 'close'}` message, the specs' usual genuine event. */
export const CHILI_PIPER_CLOSE = {
  event: 'widget_close',
  widget_vendor: 'chili_piper',
  widget_product: 'concierge',
  widget_action: 'close',
  widget_stage: 'close',
  widget_schema: 1,
};
/** Marks where the bridge goes in HostOptions.head. */
export const BRIDGE = '<!--BRIDGE-->';

/** A fixture file's text (mocked vendor pages and scripts). */
export const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
/** An inline <script>. */
export const inline = (code: string) => `<script>${code}</script>`;
/** A <script src>. */
export const external = (src: string) => `<script src="${src}"></script>`;

const dist = (name: string) => readFileSync(new URL(`../dist/${name}`, import.meta.url), 'utf8');

/** How the page includes the bridge. */
export type Variant = 'iife' | 'paste' | 'esm';

export interface HostOptions {
  /** Which dist artifact the page loads (default: the IIFE from the CDN). */
  variant?: Variant;
  /** window.gtmWidgetBridgeConfig (IIFE), the paste's config, or install()'s argument (ESM). */
  config?: Record<string, unknown>;
  /** How many times the page includes the bridge (a tag firing twice). */
  copies?: number;
  /** Site script that runs before the bridge. */
  siteScript?: string;
  /**
   * The page's <head> in order, overriding siteScript: HTML fragments, with BRIDGE
   * where the bridge goes (leave it out to load the bridge later).
   */
  head?: string[];
  /**
   * Extra scripts served by URL (mocked vendor SDKs): URL → JavaScript, or a function whose promise
   * gives it, to hold the response back until the test's scenario says so (an async vendor script
   * could otherwise run before a later script of the page).
   */
  scripts?: Record<string, ServedScript>;
  /** iframe URLs on the page, each served the mock booking page; a `sandbox:` prefix makes the frame's origin opaque ("null"). */
  frames?: string[];
  /**
   * Answers any other request (a vendor's API, frames its loader creates), or leaves it to the rules
   * above by returning undefined. Checked first.
   */
  serve?: (request: Request) => Served | undefined | Promise<Served | undefined>;
}

/** A mocked response. */
export interface Served {
  status?: number;
  contentType: string;
  body: string;
  headers?: Record<string, string>;
}

function bridgeTags({ variant = 'iife', config, copies = 1 }: HostOptions): string {
  const tags: string[] = [];
  for (let i = 0; i < copies; i++) {
    if (variant == 'iife') {
      if (config && i == 0) tags.push(`<script>window.gtmWidgetBridgeConfig = ${JSON.stringify(config)};</script>`);
      tags.push(`<script src="${CDN_URL}gtm-widget-bridge.js"></script>`);
    } else if (variant == 'paste') {
      let paste = dist('gtm-widget-bridge.gtm.html');
      // Edit the paste's config block as a GTM user would.
      if (config)
        paste = paste.replace(
          /window\.gtmWidgetBridgeConfig = \{[\s\S]*?\n\};/,
          () => `window.gtmWidgetBridgeConfig = ${JSON.stringify(config)};`,
        );
      tags.push(paste);
    } else {
      tags.push(`<script type="module">import { install } from '${CDN_URL}index.mjs'; install(${JSON.stringify(config || {})});</script>`);
    }
  }
  return tags.join('\n');
}

/**
 * Serves the host page, the dist files and the mocked vendor pages through
 * context.route, on real https origins and with no network: any request
 * not served here is aborted.
 */
export async function openHost(page: Page, options: HostOptions = {}): Promise<{ errors: Error[] }> {
  const errors: Error[] = [];
  page.on('pageerror', (error) => errors.push(error));
  const frameTags = options.frames ?? [CHILI_PIPER_URL];
  const frames = frameTags.map(frameUrl);
  const head = options.head ?? [options.siteScript ? inline(options.siteScript) : '', BRIDGE];
  // Replacer functions: a replacement string would read `$&`, `$'`… in the inserted code (a minifier's `$&&`)
  // as patterns. https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/String/replace
  const host = fixture('host.html')
    .replace('<!--HEAD-->', () => head.map((part) => (part == BRIDGE ? bridgeTags(options) : part)).join('\n'))
    .replace('<!--FRAMES-->', () =>
      frameTags
        .map(
          (tag) =>
            `<iframe src="${frameUrl(tag)}"${tag.startsWith('sandbox:') ? ' sandbox="allow-scripts"' : ''} width="400" height="120"></iframe>`,
        )
        .join('\n'),
    );
  await routeAll(page.context(), host, frames, options.scripts || {}, options.serve);
  await page.goto(HOST_URL);
  for (const src of frames) await frameAt(page, src).waitForFunction(() => typeof (window as { send?: unknown }).send == 'function');
  return { errors };
}

/** A served script's text, now or when the promise settles. */
export type ServedScript = string | (() => Promise<string>);

async function routeAll(
  context: BrowserContext,
  host: string,
  frames: string[],
  scripts: Record<string, ServedScript>,
  serve: HostOptions['serve'],
): Promise<void> {
  const types: Record<string, string> = { js: 'text/javascript', mjs: 'text/javascript', map: 'application/json' };
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    const served = serve && (await serve(route.request()));
    if (served) return route.fulfill(served);
    if (url == HOST_URL) return route.fulfill({ contentType: 'text/html', body: host });
    const script = scripts[url];
    if (script) return route.fulfill({ contentType: 'text/javascript', body: typeof script == 'string' ? script : await script() });
    if (url.startsWith(CDN_URL)) {
      const name = url.slice(CDN_URL.length);
      return route.fulfill({ contentType: types[name.split('.').pop()!] || 'text/plain', body: dist(name) });
    }
    if (frames.includes(url)) return route.fulfill({ contentType: 'text/html', body: fixture('chili_piper_frame.html') });
    return route.abort();
  });
}

const frameUrl = (tag: string) => tag.replace(/^sandbox:/, '');

/** The iframe loaded from `url`. */
export function frameAt(page: Page, url: string): Frame {
  const frame = page.frames().find((candidate) => candidate.url() == url);
  if (!frame) throw new Error('no frame at ' + url);
  return frame;
}

/**
 * Posts `data` to the host page from the iframe at `url`, a genuine cross-origin postMessage, and waits
 * until the host received it (postMessage is delivered asynchronously; a synchronous vendor call made
 * right after would otherwise race it).
 */
export async function postFrom(page: Page, url: string, data: unknown): Promise<void> {
  const received = () => page.evaluate(() => ((window as unknown as { __received?: unknown[] }).__received || { length: -1 }).length);
  const before = await received();
  await frameAt(page, frameUrl(url)).evaluate((message) => (window as unknown as { send(data: unknown): void }).send(message), data);
  if (before >= 0) await waitForMessages(page, before + 1);
}

/** Loads the IIFE into the running page, as a tag firing late would. */
export async function loadBridgeLate(page: Page, config?: Record<string, unknown>): Promise<void> {
  if (config) await page.evaluate((c) => ((window as unknown as Record<string, unknown>).gtmWidgetBridgeConfig = c), config);
  await page.addScriptTag({ url: `${CDN_URL}gtm-widget-bridge.js` });
}

/** Waits until the host page has received `count` messages in all. */
export async function waitForMessages(page: Page, count: number): Promise<void> {
  await page.waitForFunction((n) => (window as unknown as { __received: unknown[] }).__received.length >= n, count);
}

/** The dataLayer with every push reduced to its defined keys, plus whether each push carried the full schema. */
export async function readDataLayer(page: Page, name = 'dataLayer') {
  return page.evaluate((layerName) => {
    const layer = ((window as unknown as Record<string, unknown>)[layerName] || []) as Record<string, unknown>[];
    return Array.from(layer).map((push) => {
      const defined: Record<string, unknown> = {};
      for (const key of Object.keys(push)) if (push[key] !== undefined) defined[key] = push[key];
      return defined;
    });
  }, name);
}

/** Event names pushed so far. */
export async function readEvents(page: Page, name = 'dataLayer'): Promise<unknown[]> {
  return (await readDataLayer(page, name)).map((push) => push.event);
}

/**
 * Asserts the exact pushes (defined keys) and that none of the refuted
 * payload fragments occurs anywhere in the dataLayer.
 */
export async function expectPushes(page: Page, expected: Record<string, unknown>[], refuted: readonly string[] = [], name = 'dataLayer') {
  await expect.poll(() => readDataLayer(page, name)).toEqual(expected);
  const serialized = JSON.stringify(await readDataLayer(page, name));
  for (const fragment of refuted) expect(serialized, `dataLayer must not contain ${fragment}`).not.toContain(fragment);
}

/** Every key of the schema is present on every push (absent values undefined). */
export async function expectFullSchema(page: Page, keys: readonly string[], name = 'dataLayer') {
  const missing = await page.evaluate(
    ({ layerName, schemaKeys }) =>
      ((window as unknown as Record<string, Record<string, unknown>[]>)[layerName] || [])
        .filter((push) => typeof push.event == 'string' && push.widget_schema !== undefined)
        .map((push) => schemaKeys.filter((key) => !(key in push))),
    { layerName: name, schemaKeys: keys as string[] },
  );
  expect(missing.length).toBeGreaterThan(0);
  for (const keysMissing of missing) expect(keysMissing).toEqual([]);
}
