/**
 * The playground page (npm start): demo/index.html with a pick list of every
 * vendor of the manifest, grouped by the kinds of widget its docs name
 * (booking, forms, chat), and one panel per vendor, shown when picked. A
 * vendor's folder may hold playground.html, whose "head" part (site
 * integration and simulated widget) goes into the page's head and whose
 * "panel" part into its panel; a vendor without one gets a panel listing its
 * events. The pick's and the panel's colour is the vendor's brand colour, from its docs.
 * demo/serve.mjs serves the result.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { WidgetGroup } from '../../src/core/adapter';
import { DOCUMENTED_ADAPTERS as ADAPTERS, type DocumentedAdapter } from '../../src/vendors/manifest';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The groups of the pick list, in the order shown, with their headings. */
const GROUPS: Readonly<Record<WidgetGroup, string>> = { booking: 'Booking', forms: 'Forms', chat: 'Chat' };

/** A vendor's playground.html (its folder is its id), split into its parts, or undefined when it has none. */
function playgroundParts(vendor: string): { head: string; panel: string } | undefined {
  const file = `src/vendors/${vendor}/playground.html`;
  if (!existsSync(file)) return undefined;
  const [head, panel] = readFileSync(file, 'utf8').split('<!-- panel -->');
  return { head: head.trim(), panel: (panel || '').trim() };
}

/** Frames load when their panel is first shown (demo/picker.js), not all at once with the page. */
const deferFrames = (html: string) => html.replace(/<iframe\b([^>]*?)\ssrc=/g, '<iframe$1 data-src=');

/** The pick list: a search box, then each group with a checkbox per vendor that offers it. */
function renderPicker(adapters: readonly DocumentedAdapter[]): string {
  const groups = (Object.keys(GROUPS) as WidgetGroup[]).map((group) => {
    const members = adapters.filter((adapter) => adapter.docs.groups.indexOf(group) >= 0);
    if (!members.length) return '';
    const items = members.map((adapter) => {
      const words = [adapter.docs.title, adapter.vendor, ...adapter.docs.groups].join(' ').toLowerCase();
      return `<label class="pick" data-words="${escape(words)}" style="--brand: ${adapter.docs.brand}"><input type="checkbox" name="vendor" value="${adapter.vendor}"> ${escape(adapter.docs.title)}</label>`;
    });
    return `<section class="group" data-group="${group}"><h3>${GROUPS[group]}</h3>\n${items.join('\n')}\n</section>`;
  });
  return groups.filter(Boolean).join('\n');
}

/** The `<head>` additions, the panels of every vendor, in manifest order, and the pick list. */
export function renderVendorParts(adapters: readonly DocumentedAdapter[] = ADAPTERS): { head: string; panels: string; picker: string } {
  const heads: string[] = [];
  const panels: string[] = [];
  for (const adapter of adapters) {
    const docs = adapter.docs;
    const own = playgroundParts(adapter.vendor);
    if (own && own.head) heads.push(own.head);
    const body = own
      ? deferFrames(own.panel)
      : `<p>No simulated widget for this vendor yet; its events:</p><ul>${Object.keys(adapter.stages)
          .map((action) => `<li><code>${escape(action)}</code> → ${adapter.stages[action]}</li>`)
          .join('')}</ul>`;
    panels.push(
      `<article class="widget" id="panel-${adapter.vendor}" data-vendor="${adapter.vendor}" hidden style="--brand: ${docs.brand}">\n  <h2>${escape(docs.title)} <small>${docs.groups.join(', ')}</small></h2>\n  ${body}\n</article>`,
    );
  }
  return { head: heads.join('\n'), panels: panels.join('\n'), picker: renderPicker(adapters) };
}

/**
 * The page's bridge configuration: debug on, and each vendor with an `origins` option accepting the
 * simulated widgets' origin (`__VENDOR_ORIGIN__`, filled in per request), as a site adds its own origins.
 */
export function playgroundConfig(adapters: readonly DocumentedAdapter[] = ADAPTERS): Record<string, unknown> {
  const config: Record<string, unknown> = { debug: true };
  for (const adapter of adapters)
    if (adapter.options && 'origins' in adapter.options.fields) config[adapter.options.key] = { origins: ['__VENDOR_ORIGIN__'] };
  return config;
}

/** The whole page, with the placeholders demo/serve.mjs fills per request. */
export function renderPlayground(adapters: readonly DocumentedAdapter[] = ADAPTERS): string {
  const { head, panels, picker } = renderVendorParts(adapters);
  // Replacer functions, so a `$&` or `$'` in the inserted markup stays as written.
  return readFileSync('demo/index.html', 'utf8')
    .replace('<!--BRIDGE_CONFIG-->', () => JSON.stringify(playgroundConfig(adapters)))
    .replace('<!--VENDOR_HEAD-->', () => head)
    .replace('<!--VENDOR_PICKER-->', () => picker)
    .replace('<!--VENDOR_PANELS-->', () => panels);
}

/** Each vendor's stage per action, for the playground's buttons. */
export function stagesByVendor(adapters: readonly DocumentedAdapter[] = ADAPTERS): Record<string, Record<string, string>> {
  const result: Record<string, Record<string, string>> = {};
  for (const adapter of adapters) {
    result[adapter.vendor] = {};
    for (const action of Object.keys(adapter.stages)) result[adapter.vendor][action] = adapter.stages[action];
  }
  return result;
}
