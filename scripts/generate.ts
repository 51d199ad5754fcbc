/**
 * The one generator: the files kept in the repository that are rendered from
 * the code. `npm run generate` writes them; `npm run generate -- --check`
 * (part of `npm test`) fails, naming each stale file, when one differs.
 * Build outputs that embed the bundle (the GTM paste, the container) are
 * rendered by build.mjs into dist/ instead.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { renderEventsDoc } from './render/eventsDoc';
import { renderTemplate } from './render/gtmTemplate';
import { renderWarningsDoc } from './render/warningsDoc';

/** Every generated file: its path and its rendering. */
export const GENERATED: Record<string, () => string> = {
  'docs/events.md': renderEventsDoc,
  'gtm-template/template.tpl': renderTemplate,
  'docs/warnings.md': renderWarningsDoc,
};

/** Writes every generated file, or with `check` lists the stale ones. */
export function main(args: string[]): number {
  const check = args.includes('--check');
  const stale: string[] = [];
  for (const path of Object.keys(GENERATED)) {
    const rendered = GENERATED[path]();
    let current = '';
    try {
      current = readFileSync(path, 'utf8');
    } catch {
      // missing: stale
    }
    if (current == rendered) continue;
    if (check) stale.push(path);
    else {
      writeFileSync(path, rendered);
      console.log(path + ' written');
    }
  }
  if (stale.length) {
    console.error('Stale generated files (run `npm run generate`):\n  ' + stale.join('\n  '));
    return 1;
  }
  if (check) console.log('generated files up to date: ' + Object.keys(GENERATED).join(', '));
  return 0;
}
