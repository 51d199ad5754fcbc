/**
 * The playground page (npm start): demo/index.html with one panel per vendor
 * of the registry. A vendor's folder may hold playground.html, whose "head"
 * part (site integration and simulated widget) goes into the page's head and
 * whose "panel" part into its panel; a vendor without one gets a panel
 * listing its events. demo/serve.mjs serves the result.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { DOCUMENTED_ADAPTERS as ADAPTERS, type DocumentedAdapter } from '../../src/vendors/manifest';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Each vendor folder's playground.html, split into its parts, by the vendor id its index.ts declares. */
function playgroundParts(): Record<string, { head: string; panel: string }> {
  const parts: Record<string, { head: string; panel: string }> = {};
  for (const entry of readdirSync('src/vendors', { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    let html: string;
    try {
      html = readFileSync(`src/vendors/${entry.name}/playground.html`, 'utf8');
    } catch {
      continue;
    }
    const vendor = readFileSync(`src/vendors/${entry.name}/index.ts`, 'utf8').match(/vendor: '([\w-]+)'/)![1];
    const [head, panel] = html.split('<!-- panel -->');
    parts[vendor] = { head: head.trim(), panel: (panel || '').trim() };
  }
  return parts;
}

/** The `<head>` additions and the panels of every vendor, in registry order. */
export function renderVendorParts(adapters: readonly DocumentedAdapter[] = ADAPTERS): { head: string; panels: string } {
  const parts = playgroundParts();
  const heads: string[] = [];
  const panels: string[] = [];
  for (const adapter of adapters) {
    const docs = adapter.docs;
    const own = parts[adapter.vendor];
    if (own && own.head) heads.push(own.head);
    const body = own
      ? own.panel
      : `<p>No simulated widget for this vendor yet; its events:</p><ul>${Object.keys(adapter.stages)
          .map((action) => `<li><code>${escape(action)}</code> → ${adapter.stages[action]}</li>`)
          .join('')}</ul>`;
    panels.push(
      `<article class="widget" id="panel-${adapter.vendor}">\n  <h2>${escape(docs.title)} <small>${escape(docs.template.label)}</small></h2>\n  ${body}\n</article>`,
    );
  }
  return { head: heads.join('\n'), panels: panels.join('\n') };
}

/** The whole page, with the placeholders demo/serve.mjs fills per request. */
export function renderPlayground(adapters: readonly DocumentedAdapter[] = ADAPTERS): string {
  const { head, panels } = renderVendorParts(adapters);
  // Replacer functions, so a `$&` or `$'` in the inserted markup stays as written.
  return readFileSync('demo/index.html', 'utf8')
    .replace('<!--VENDOR_HEAD-->', () => head)
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
