/**
 * The GTM Custom HTML tag: an editable, commented config block followed by
 * the ES5 bridge (the core and the chosen vendors' plugins), wrapped in
 * <script>. scripts/render/tagGenerator.ts assembles it for build.mjs, the
 * playground and `npx gtm-widget-bridge paste`.
 */
import type { DocumentedAdapter } from '../../src/vendors/manifest';
import type { ResolvedConfig } from '../../src/authoring/config';

/**
 * One comment per core config key, in the order they appear in the paste (a unit test checks the keys);
 * `PREFIX_` stands for the tag's own event prefix.
 */
export const PASTE_CONFIG_COMMENTS: Record<string, string> = {
  vendors: 'Widgets to listen to; remove the ones your site does not use.',
  dataLayerName: 'Global array the events are pushed to (GTM reads "dataLayer" unless you renamed it).',
  eventPrefix: 'Event names are <prefix><stage>: PREFIX_view, PREFIX_open, … PREFIX_complete; your GTM trigger must match them.',
  output: '"dataLayer" for GTM, or "gtag" to call gtag("event", …) on sites with gtag.js and no GTM.',
  leadActions: "Per vendor, the actions that count as a lead, e.g. { chili_piper: ['booked'] }; {} keeps the defaults.",
  generateLead: "Also push GA4's recommended generate_lead once per converted interaction.",
  hashEmail: 'Add a SHA-256 of the e-mail (never the e-mail) to lead events, for enhanced conversions.',
  debug: 'Log every vendor event and push to the console; leave false in production.',
};

/** The comment of each vendor option, by `<options key>.<field>`: each vendor's docs say it (`optionHelp`). */
export function optionComments(adapters: readonly DocumentedAdapter[]): Record<string, string> {
  const comments: Record<string, string> = {};
  for (const adapter of adapters) {
    if (!adapter.options) continue;
    const help = adapter.docs.optionHelp || {};
    for (const field of Object.keys(adapter.options.fields))
      comments[adapter.options.key + '.' + field] = adapter.docs.title + ': ' + (help[field] || field);
  }
  return comments;
}

/** JS literal of a default value, single-quoted as people write GTM code. */
const literal = (value: unknown) => JSON.stringify(value).replace(/"/g, "'").replace(/,/g, ', ');

/** A configuration a user picked: any core key, and vendor options under their keys. */
export type PasteValues = Partial<Omit<ResolvedConfig, 'options'>> & { options?: Record<string, Record<string, unknown>> };

/**
 * The paste's commented configuration block: every key with its comment, at
 * `values` where given, else at its default (`defaults` is the bridge's
 * defaultConfig() for the paste's vendors).
 */
export function renderPasteConfig(defaults: ResolvedConfig, comments: Record<string, string>, values: PasteValues = {}): string {
  const picked = values as Record<string, unknown>;
  const valueOf = (key: string) => (key in picked ? picked[key] : (defaults as unknown as Record<string, unknown>)[key]);
  const comment = (key: string) => PASTE_CONFIG_COMMENTS[key].split('PREFIX_').join(String(valueOf('eventPrefix')));
  const entries: string[] = Object.keys(PASTE_CONFIG_COMMENTS).map((key) => `  // ${comment(key)}\n  ${key}: ${literal(valueOf(key))}`);
  // Each vendor's options, under its own key.
  for (const optionsKey of Object.keys(defaults.options)) {
    const fields = Object.keys(defaults.options[optionsKey]);
    const own = (values.options && values.options[optionsKey]) || {};
    const lines = fields.map(
      (field) =>
        `    // ${comments[optionsKey + '.' + field]}\n    ${field}: ${literal(field in own ? own[field] : defaults.options[optionsKey][field])}`,
    );
    entries.push(`  ${optionsKey}: {\n${lines.join(',\n')}\n  }`);
  }
  const config = entries.map((entry, i) => entry + (i < entries.length - 1 ? ',' : ''));
  return ['window.gtmWidgetBridgeConfig = {', ...config, '};'].join('\n');
}

/** The tag: a configuration block (renderPasteConfig) and the ES5, minified bridge. */
export function renderGtmPaste(version: string, config: string, bridge: string): string {
  const body = [
    `/* gtm-widget-bridge v${version} (Apache-2.0). GTM Custom HTML tag; trigger: All Pages or Initialization - All Pages.`,
    ' * Edit the configuration below; everything after it is the bridge itself. Event reference: docs/events.md. */',
    config,
    bridge.trim(),
  ].join('\n');
  // GTM reads "{{" as the start of a variable reference, and a literal </script> would end the tag early.
  if (body.indexOf('{{') >= 0 || /<\/script/i.test(body)) {
    throw new Error('GTM paste contains "{{" or "</script", which GTM would mangle');
  }
  return `<script>\n${body}\n</script>\n`;
}
