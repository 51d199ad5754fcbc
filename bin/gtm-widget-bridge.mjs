#!/usr/bin/env node
// The command line: prints the GTM Custom HTML tag for exactly the chosen vendors and options, in ES5,
// checked with the full configuration messages the page itself does not carry.
//   npx gtm-widget-bridge paste --vendors chili_piper,userlike [--config config.json] > tag.html
import { readFileSync } from 'node:fs';
import { renderTag, resolveChoice } from '../dist/tag.mjs';

const USAGE = 'usage: gtm-widget-bridge paste [--vendors <vendor>,<vendor>…] [--config <file.json>]';

/** The command's options, or a message saying what is wrong with them. */
function parseArgs(args) {
  if (args[0] != 'paste') return { error: USAGE };
  const options = {};
  for (let i = 1; i < args.length; i += 2) {
    const [flag, value] = [args[i], args[i + 1]];
    if ((flag != '--vendors' && flag != '--config') || value === undefined) return { error: USAGE };
    options[flag.slice(2)] = value;
  }
  return { options };
}

function main(args) {
  const { options, error } = parseArgs(args);
  if (error) {
    console.error(error);
    return 2;
  }
  let raw = {};
  if (options.config) {
    try {
      raw = JSON.parse(readFileSync(options.config, 'utf8'));
    } catch (reason) {
      console.error(`gtm-widget-bridge: cannot read ${options.config} as JSON: ${reason.message}`);
      return 2;
    }
  }
  if (options.vendors) raw = { ...raw, vendors: options.vendors.split(',').map((vendor) => vendor.trim()) };
  const { choice, warnings } = resolveChoice(raw);
  if (warnings.length) {
    for (const warning of warnings) console.error('gtm-widget-bridge: ' + warning);
    console.error('gtm-widget-bridge: no tag printed; fix the configuration above.');
    return 1;
  }
  const parts = JSON.parse(readFileSync(new URL('../dist/paste-parts.json', import.meta.url), 'utf8'));
  process.stdout.write(renderTag(parts, choice));
  return 0;
}

process.exitCode = main(process.argv.slice(2));
