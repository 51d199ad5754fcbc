/**
 * The Custom HTML tag for any set of vendors and options, assembled from the
 * ES5 parts build.mjs writes to dist/paste-parts.json (the core and one
 * plugin per vendor, and the relay client's). One module for every place a
 * tag is made: build.mjs (the all-vendor dist/gtm-widget-bridge.gtm.html),
 * the playground's "Your tag and container" (bundled for the browser by demo/serve.mjs) and
 * `npx gtm-widget-bridge paste` (dist/tag.mjs), so the same choices give the
 * same bytes. It also gives the script tags, the `install()` call and the GTM
 * container for the same settings, and checks the configuration where it is
 * written, with the full messages the page itself does not carry.
 */
import { defaultConfig, parseConfig } from '../../src/authoring/config';
import { enableChiliPiperRelay } from '../../src/vendors/chili_piper/relay';
import { DOCUMENTED_ADAPTERS as ADAPTERS } from '../../src/vendors/manifest';
import { eventPattern, renderContainer, vendorPattern } from './gtmContainer';
import { optionComments, renderGtmPaste, renderPasteConfig, type PasteValues } from './gtmPaste';

// The relay option is checked with the relay client's own rule.
enableChiliPiperRelay();

/** What the user picked: the vendors, and any other config key or vendor option. */
export type TagChoice = PasteValues & { vendors: string[] };

/** The ES5 parts of every tag (dist/paste-parts.json). */
export interface PasteParts {
  version: string;
  /** The core. */
  core: string;
  /** Each plugin by file name: a vendor id, or `chili_piper_relay`. */
  plugins: Record<string, string>;
}

/** The relay client's plugin: in a tag or on a page only when the Chili Piper relay option is set. */
export const RELAY_PLUGIN = 'chili_piper_relay';

/** The CDN folder of the published version. */
export const cdnBase = (version: string) => `https://cdn.jsdelivr.net/npm/gtm-widget-bridge@${version}/dist/`;

/** The chosen vendors in registry order, or all of them when none is chosen. */
function vendorsOf(choice: TagChoice): string[] {
  const picked = ADAPTERS.filter((adapter) => choice.vendors.indexOf(adapter.vendor) >= 0).map((adapter) => adapter.vendor);
  return picked.length ? picked : ADAPTERS.map((adapter) => adapter.vendor);
}

/** Whether the choice turns the Chili Piper relay on (it needs the relay client's plugin). */
const usesRelay = (choice: TagChoice) =>
  vendorsOf(choice).indexOf('chili_piper') >= 0 && !!(choice.options && choice.options.chiliPiper && choice.options.chiliPiper.relay);

/** The plugin files a page needs for the choice, in load order after the core: `vendors/<file>.js`. */
export function pluginsOf(choice: TagChoice): string[] {
  return vendorsOf(choice).concat(usesRelay(choice) ? [RELAY_PLUGIN] : []);
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

/** The Custom HTML tag for the choice: its configuration block, the core and its plugins, in ES5. */
export function renderTag(parts: PasteParts, choice: TagChoice): string {
  const vendors = vendorsOf(choice);
  const adapters = ADAPTERS.filter((adapter) => vendors.indexOf(adapter.vendor) >= 0);
  const block = renderPasteConfig(defaultConfig(adapters), optionComments(adapters), { ...choice, vendors });
  const code = [parts.core].concat(pluginsOf(choice).map((file) => parts.plugins[file])).join('\n');
  return renderGtmPaste(parts.version, block, code);
}

/**
 * The GTM container for the choice: the bridge as this choice's Custom HTML tag (`template` absent), or as a
 * tag of the Community Template whose file (template.tpl) is given; its trigger and variables follow the choice.
 */
export function renderChoiceContainer(parts: PasteParts, choice: TagChoice, template?: string): string {
  const named = { ...choice, vendors: vendorsOf(choice) };
  return renderContainer(
    named,
    template === undefined ? { kind: 'paste', html: renderTag(parts, choice) } : { kind: 'template', templateData: template },
  );
}

/** The container trigger's two patterns for the choice: event names, and `widget_vendor`. */
export function triggerPatterns(choice: TagChoice): { events: string; vendors: string } {
  const defaults = defaultConfig(ADAPTERS);
  return {
    events: eventPattern({
      eventPrefix: choice.eventPrefix === undefined ? defaults.eventPrefix : choice.eventPrefix,
      generateLead: choice.generateLead === undefined ? defaults.generateLead : choice.generateLead,
    }),
    vendors: vendorPattern(vendorsOf(choice)),
  };
}

/** dist/gtm-widget-bridge.gtm.html: every vendor, every option at its default. */
export function renderAllVendorPaste(parts: PasteParts): string {
  return renderTag(parts, { vendors: [] });
}

/** The script tags for the same settings: the core and the plugins from the CDN, async. */
export function renderCdnSnippet(choice: TagChoice, version: string): string {
  const config = JSON.stringify(changedConfig(choice), null, 2);
  const files = ['core'].concat(pluginsOf(choice).map((file) => 'vendors/' + file));
  return (
    `<script>window.gtmWidgetBridgeConfig = ${config};</script>\n` +
    files.map((file) => `<script src="${cdnBase(version)}${file}.js" async></script>\n`).join('')
  );
}

/** The npm install for the same settings. */
export function renderInstallCall(choice: TagChoice): string {
  const config = JSON.stringify(changedConfig(choice), null, 2);
  return `import { install } from 'gtm-widget-bridge';\n\nconst bridge = install(${config});\n`;
}

/**
 * Validates a configuration with the full messages (src/authoring/config.ts), so the tag never carries a
 * value the bridge would refuse: each refusal is returned as a message, and the value falls back.
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
  // In registry order, as the tag and the plugin files load them.
  const vendors = ADAPTERS.filter((adapter) => resolved.vendors.indexOf(adapter.vendor) >= 0).map((adapter) => adapter.vendor);
  return { choice: { ...core, vendors, options: vendorOptions }, warnings };
}

/**
 * Each vendor's id, name, and option fields with their defaults, for the form. Opt-in objects that are
 * off by default (`null`, such as Chili Piper's relay, which needs a deployed relay) are left to the
 * docs and the command line's --config: a text box cannot set them up.
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
