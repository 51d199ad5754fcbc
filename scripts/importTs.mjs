// Imports a TypeScript module from Node scripts: esbuild bundles it (dependencies left external)
// into node_modules/.cache, from where Node resolves those dependencies as usual.
// Run directly, it runs a module's exported main(args) and exits with its code:
//   node scripts/importTs.mjs scripts/generate.ts --check
// Paths are relative to the repository root, where npm runs scripts and tests.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

/** @param {string} entry path of a .ts module, relative to the repository root */
export async function importTs(entry) {
  // Named after the whole path: two modules of one name (src/vendors/*/index.ts) must not share a file.
  const outfile = resolve(`node_modules/.cache/gtm-widget-bridge/${relative('.', resolve(entry)).replace(/[/\\.]/g, '_')}.mjs`);
  await build({
    entryPoints: [resolve(entry)],
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

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [entry, ...args] = process.argv.slice(2);
  const { main } = await importTs(entry);
  process.exitCode = await main(args);
}
