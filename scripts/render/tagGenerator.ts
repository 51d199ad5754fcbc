/**
 * The playground's tag generator, bundled for the browser by demo/serve.mjs.
 * For the vendors and options a user picks it renders the ready-to-paste
 * Custom HTML tag — the built paste of exactly those vendors, its
 * configuration block rendered by the same renderer as dist/ — plus the CDN
 * snippet and the `install()` call for the same settings.
 */
import { defaultConfig, parseConfig } from '../../src/core/config';
import { DOCUMENTED_ADAPTERS as ADAPTERS } from '../../src/vendors/manifest';
import { optionComments, renderPasteConfig, type PasteValues } from './gtmPaste';

/** What the user picked: the vendors, and any other config key or vendor option. */
export type TagChoice = PasteValues & { vendors: string[] };

const CDN = `https://cdn.jsdelivr.net/npm/gtm-widget-bridge@${__VERSION__}/dist/`;

/** The dist file stem of a set of vendors, as build.mjs names them (all or none: the all-vendor file). */
export function bridgeStem(vendors: readonly string[]): string {
  const picked = ADAPTERS.filter((adapter) => vendors.indexOf(adapter.vendor) >= 0);
  return picked.length == 0 || picked.length == ADAPTERS.length
    ? 'gtm-widget-bridge'
    : 'gtm-widget-bridge.' + picked.map((adapter) => adapter.vendor).join('.');
}

/**
 * The keys whose picked value differs from the all-vendor default, for the snippets that only need
 * those (`vendors` included when not all are picked: the npm package has every vendor).
 */
export function changedConfig(choice: TagChoice): Record<string, unknown> {
  const defaults = defaultConfig(ADAPTERS) as unknown as Record<string, unknown>;
  const changed: Record<string, unknown> = {};
  for (const key of Object.keys(choice)) {
    if (key == 'options') continue;
    const value = (choice as Record<string, unknown>)[key];
    if (JSON.stringify(value) != JSON.stringify(defaults[key])) changed[key] = value;
  }
  const options = (defaults.options || {}) as Record<string, Record<string, unknown>>;
  for (const optionsKey of Object.keys(choice.options || {})) {
    if (!options[optionsKey]) continue;
    for (const field of Object.keys(choice.options![optionsKey])) {
      const value = choice.options![optionsKey][field];
      if (JSON.stringify(value) != JSON.stringify(options[optionsKey][field])) {
        changed[optionsKey] = { ...((changed[optionsKey] as object) || {}), [field]: value };
      }
    }
  }
  return changed;
}

/** The Custom HTML tag: `builtPaste` is dist/<bridgeStem>.gtm.html, its configuration block replaced. */
export function renderTag(builtPaste: string, choice: TagChoice): string {
  const adapters = ADAPTERS.filter((adapter) => choice.vendors.indexOf(adapter.vendor) >= 0);
  const block = renderPasteConfig(defaultConfig(adapters), optionComments(adapters), choice);
  const start = builtPaste.indexOf('window.gtmWidgetBridgeConfig = {');
  const end = builtPaste.indexOf('\n};\n', start) + 3;
  if (start < 0 || end < 3) throw new Error('not a gtm-widget-bridge paste');
  return builtPaste.slice(0, start) + block + builtPaste.slice(end);
}

/** The script-tag install for the same settings. */
export function renderCdnSnippet(choice: TagChoice): string {
  const config = JSON.stringify(changedConfig(choice), null, 2);
  return `<script>window.gtmWidgetBridgeConfig = ${config};</script>\n<script src="${CDN}${bridgeStem(choice.vendors)}.js" async></script>\n`;
}

/** The npm install for the same settings. */
export function renderInstallCall(choice: TagChoice): string {
  const config = JSON.stringify(changedConfig(choice), null, 2);
  return `import { install } from 'gtm-widget-bridge';\n\nconst bridge = install(${config});\n`;
}

/**
 * Validates what the form holds exactly as the bridge will (parseConfig), so
 * the tag never carries a value the bridge would refuse: each refusal is
 * returned as the bridge's own warning, and the value falls back.
 */
export function resolveChoice(raw: Record<string, unknown>): { choice: TagChoice; warnings: string[] } {
  const warnings: string[] = [];
  const resolved = parseConfig(raw, ADAPTERS, (message) => warnings.push(message));
  const { options, ...core } = resolved;
  const vendorOptions: Record<string, Record<string, unknown>> = {};
  for (const adapter of ADAPTERS) {
    const key = adapter.options && adapter.options.key;
    if (key && resolved.vendors.indexOf(adapter.vendor) >= 0) vendorOptions[key] = options[key];
  }
  return { choice: { ...core, vendors: resolved.vendors, options: vendorOptions }, warnings };
}

/**
 * Each vendor's id, name, and option fields with their defaults, for the form. Opt-in objects that are
 * off by default (`null`, such as Chili Piper's relay, which needs its own .relay build and a deployed
 * relay) are left to the docs: a text box cannot set them up.
 */
export function formFields() {
  const defaults = defaultConfig(ADAPTERS);
  return ADAPTERS.map((adapter) => {
    const options = adapter.options ? defaults.options[adapter.options.key] : {};
    const offered: Record<string, unknown> = {};
    for (const field of Object.keys(options)) if (options[field] !== null) offered[field] = options[field];
    return {
      vendor: adapter.vendor,
      title: adapter.docs.title,
      optionsKey: adapter.options ? adapter.options.key : undefined,
      options: offered,
    };
  });
}
