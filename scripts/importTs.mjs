// Imports a TypeScript module from Node scripts: esbuild bundles it (dependencies left external)
// into node_modules/.cache, from where Node resolves those dependencies as usual.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = new URL('../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));

/** @param {string} entry path of a .ts module, relative to the repository root */
export async function importTs(entry) {
  const outfile = new URL(`node_modules/.cache/gtm-widget-bridge/${basename(entry, '.ts')}.mjs`, root).pathname;
  await build({
    entryPoints: [new URL(entry, root).pathname],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    packages: 'external',
    define: { __VERSION__: JSON.stringify(pkg.version) },
    logLevel: 'warning',
  });
  return import(pathToFileURL(outfile).href + '?' + Date.now());
}
