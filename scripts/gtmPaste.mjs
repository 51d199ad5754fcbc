// The GTM Custom HTML paste (dist/gtm-widget-bridge.gtm.html): an editable, commented config block
// followed by the ES5 bridge, wrapped in <script>.

/** One comment per BridgeConfig key, in the order they appear in the paste (a unit test checks the keys). */
export const PASTE_CONFIG_COMMENTS = {
  vendors: 'Widgets to listen to; remove the ones your site does not use.',
  dataLayerName: 'Global array the events are pushed to (GTM reads "dataLayer" unless you renamed it).',
  eventPrefix: 'Event names are <prefix><stage>: widget_view, widget_open, … widget_complete.',
  output: '"dataLayer" for GTM, or "gtag" to call gtag("event", …) on sites with gtag.js and no GTM.',
  chiliPiperOrigins: 'Extra exact origins allowed to post Chili Piper messages, e.g. "https://booking.example.com".',
  leadActions: "Per vendor, the actions that count as a lead, e.g. { chili_piper: ['booked'] }; {} keeps the defaults.",
  generateLead: "Also push GA4's recommended generate_lead once per converted interaction.",
  hashEmail: 'Add a SHA-256 of the e-mail (never the e-mail) to lead events, for enhanced conversions.',
  debug: 'Log every vendor event and push to the console; leave false in production.',
};

/** JS literal of a default value, single-quoted as people write GTM code. */
const literal = (value) => JSON.stringify(value).replace(/"/g, "'").replace(/,/g, ', ');

/**
 * @param {{ name: string, version: string, license: string }} pkg
 * @param {Record<string, unknown>} defaults the bridge's defaultConfig()
 * @param {string} bridge the ES5, minified bridge
 */
export function renderGtmPaste(pkg, defaults, bridge) {
  const keys = Object.keys(PASTE_CONFIG_COMMENTS);
  const config = keys.map((key, i) => `  // ${PASTE_CONFIG_COMMENTS[key]}\n  ${key}: ${literal(defaults[key])}${i < keys.length - 1 ? ',' : ''}`);
  const body = [
    `/* ${pkg.name} v${pkg.version} (${pkg.license}). GTM Custom HTML tag; trigger: All Pages or Initialization - All Pages.`,
    ' * Edit the configuration below; everything after it is the bridge itself. Event reference: docs/events.md. */',
    'window.gtmWidgetBridgeConfig = {',
    ...config,
    '};',
    bridge.trim(),
  ].join('\n');
  // GTM reads "{{" as the start of a variable reference, and a literal </script> would end the tag early.
  if (body.indexOf("{{") >= 0 || /<\/script/i.test(body)) {
    throw new Error('GTM paste contains "{{" or "</script", which GTM would mangle');
  }
  return `<script>\n${body}\n</script>\n`;
}
