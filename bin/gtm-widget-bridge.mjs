#!/usr/bin/env node
// The command line: prints the GTM Custom HTML tag for exactly the chosen vendors and options, in ES5,
// or the GTM container for the same choice, checked with the full configuration messages the page itself
// does not carry.
//   npx gtm-widget-bridge paste --vendors chili_piper,userlike [--config config.json] > tag.html
//   npx gtm-widget-bridge paste --vendors chili_piper --container paste > container.json       (the tag inside)
//   npx gtm-widget-bridge paste --vendors chili_piper --container template > container.json    (the template's tag)
import { readFileSync } from 'node:fs';
import { renderChoiceContainer, renderTag, resolveChoice } from '../dist/tag.mjs';

const USAGE = 'usage: gtm-widget-bridge paste [--vendors <vendor>,<vendor>…] [--config <file.json>] [--container paste|template]';
const FLAGS = ['--vendors', '--config', '--container'];

/** The command's options, or a message saying what is wrong with them. */
function parseArgs(args) {
  if (args[0] != 'paste') return { error: USAGE };
  const options = {};
  for (let i = 1; i < args.length; i += 2) {
    const [flag, value] = [args[i], args[i + 1]];
    if (!FLAGS.includes(flag) || value === undefined) return { error: USAGE };
    options[flag.slice(2)] = value;
  }
  if (options.container !== undefined && options.container != 'paste' && options.container != 'template') return { error: USAGE };
  return { options };
}

const read = (path) => readFileSync(new URL(path, import.meta.url), 'utf8');

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
    console.error(`gtm-widget-bridge: no ${options.container ? 'container' : 'tag'} printed; fix the configuration above.`);
    return 1;
  }
  const parts = JSON.parse(read('../dist/paste-parts.json'));
  if (!options.container) process.stdout.write(renderTag(parts, choice));
  else
    process.stdout.write(
      renderChoiceContainer(parts, choice, options.container == 'template' ? read('../gtm-template/template.tpl') : undefined),
    );
  return 0;
}

process.exitCode = main(process.argv.slice(2));
