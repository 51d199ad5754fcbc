// Where the bytes of what ships go (npm run bench, after the build): the gzip and brotli size of every script a
// page can load, against the goals; the minified bytes per source module of the core and of each plugin, from
// the build's own metafiles; and the core per function, from the same build with its names kept, since gzip
// sizes of parts do not add up and a function is what one would move or remove.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { parse } from 'acorn';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { importTs } from '../scripts/importTs.mjs';

const gzip = (text) => gzipSync(text, { level: 9 }).length;
const brotli = (text) => brotliCompressSync(text, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const read = (file) => readFileSync('dist/' + file);
const { MANIFEST } = await importTs('src/vendors/manifest.ts');

/** The goals of the delivery, gzip -9 bytes. */
const GOALS = { core: 2300, vendor: 1000, chili_piper: 1200, relay: 1400, pair: 3300, all: 5500 };
const rows = [];
const row = (file, bytes, goal) =>
  rows.push({ file, gzip: gzip(bytes), brotli: brotli(bytes), goal, met: gzip(bytes) <= goal ? 'yes' : 'no' });
row('core.js', read('core.js'), GOALS.core);
for (const { vendor } of MANIFEST) row(`vendors/${vendor}.js`, read(`vendors/${vendor}.js`), GOALS[vendor] || GOALS.vendor);
row('vendors/chili_piper_relay.js', read('vendors/chili_piper_relay.js'), GOALS.relay);
for (const { vendor } of MANIFEST) {
  // Two responses: each file compressed on its own, as a page downloads them.
  const [core, plugin] = [read('core.js'), read(`vendors/${vendor}.js`)];
  rows.push({
    file: `core.js + vendors/${vendor}.js`,
    gzip: gzip(core) + gzip(plugin),
    brotli: brotli(core) + brotli(plugin),
    goal: GOALS.pair,
  });
  rows[rows.length - 1].met = rows[rows.length - 1].gzip <= GOALS.pair ? 'yes' : 'no';
}
row('gtm-widget-bridge.js (all vendors)', read('gtm-widget-bridge.js'), GOALS.all);
console.log('What a page loads (gzip -9, brotli 11):');
console.table(rows);

// Per module, from the build's metafiles.
const metafiles = JSON.parse(readFileSync('node_modules/.cache/gtm-widget-bridge/metafiles.json', 'utf8'));
const byModule = (metafile) =>
  Object.entries(Object.values(metafile.outputs)[0].inputs)
    .map(([module, { bytesInOutput }]) => ({ module, 'minified bytes': bytesInOutput }))
    .filter((entry) => entry['minified bytes'] > 0)
    .sort((a, b) => b['minified bytes'] - a['minified bytes']);
console.log('core.js by module (minified bytes):');
console.table(byModule(metafiles.core));
console.log('Each plugin file by module (minified bytes; the kit modules are the core’s, read through it):');
console.table(
  metafiles.plugins.flatMap((metafile, i) =>
    byModule(metafile).map((entry) => ({ plugin: i < MANIFEST.length ? MANIFEST[i].vendor : 'chili_piper_relay', ...entry })),
  ),
);

// The core per function: the shipped build, names kept, split into its top-level statements.
const named = (
  await build({
    entryPoints: ['src/iifeCore.ts'],
    bundle: true,
    format: 'iife',
    target: 'es2017',
    minifyWhitespace: true,
    minifySyntax: true,
    write: false,
    define: { __VERSION__: '"0.0.0"' },
    legalComments: 'none',
    tsconfigRaw: { compilerOptions: { alwaysStrict: false, verbatimModuleSyntax: true } },
  })
).outputFiles[0].text;
const program = parse(named, { ecmaVersion: 2020, sourceType: 'script' });
const body = program.body[0].expression.callee.body.body;
const nameOf = (node) =>
  node.id
    ? node.id.name
    : node.declarations
      ? node.declarations.map((declaration) => declaration.id.name || '(pattern)').join(', ')
      : node.type;
const total = named.length;
const functions = body
  .map((node) => ({ name: nameOf(node), bytes: node.end - node.start }))
  .sort((a, b) => b.bytes - a.bytes)
  .map((entry) => ({ ...entry, share: ((entry.bytes / total) * 100).toFixed(1) + '%' }));
console.log(`core.js per function (whitespace-minified, names kept: ${total} B; the shipped file renames them):`);
console.table(functions.slice(0, 40));

// What leaving a behaviour out of the page would save, each in turn (leave-one-out: gzip sizes of parts do not
// add up), on the core and on the all-vendor file: the candidates for meeting the size goals.
const { allVendorEntry } = await importTs('scripts/render/allVendorEntry.ts');
const ALL = { contents: allVendorEntry(), resolveDir: '.', loader: 'ts' };
async function bundle(entry, replacements = {}) {
  const result = await build({
    ...(entry == 'all' ? { stdin: ALL } : { entryPoints: [entry] }),
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2017',
    write: false,
    define: { __VERSION__: '"0.0.0"' },
    legalComments: 'none',
    logLevel: 'error',
    tsconfigRaw: { compilerOptions: { alwaysStrict: false, verbatimModuleSyntax: true } },
    plugins: [
      {
        name: 'replace',
        setup(b) {
          for (const [file, contents] of Object.entries(replacements))
            b.onLoad({ filter: new RegExp(file.replace(/[./]/g, '\\$&') + '$') }, () => ({ contents, loader: 'ts' }));
        },
      },
    ],
  });
  return result.outputFiles[0].text;
}
const source = (file) => readFileSync(file, 'utf8');
const WITHOUT = {
  'the property hooks lent to plugins (moved into each plugin that uses them)': {
    'src/core/kit.ts': source('src/core/kit.ts').replace(/\n {2}(defineAccessor|hookCallback|HOOKED|hookProperty),/g, ''),
  },
  'the page-safety checks of the configuration (dataLayer name, GA4 prefix)': {
    'src/core/readConfig.ts': source('src/core/readConfig.ts')
      .replace('isFreeForQueue(value)', 'true')
      .replace('isValidEventPrefix(value)', 'true'),
  },
  'the hashed e-mail': {
    'src/lib/sha256Hex.ts': 'export function sha256Hex(text: string): Promise<string> { return Promise.resolve(text); }',
    'src/lib/normalizeEmail.ts': 'export function normalizeEmail(email: string): string { return email; }',
  },
  'the look-alike folding of ids and text': { 'src/lib/foldText.ts': 'export function foldText(text: string): string { return text; }' },
  'debug logging': {
    'src/core/log.ts':
      'export type Log = (m: string, ...d: unknown[]) => void;\nexport function createLog(_debug: boolean): Log { return () => {}; }',
  },
};
const savings = [];
const wholes = { 'core.js': gzip(await bundle('src/iifeCore.ts')), 'gtm-widget-bridge.js': gzip(await bundle('all')) };
for (const [part, replacements] of Object.entries(WITHOUT)) {
  const row = { 'left out': part };
  for (const [file, entry] of [
    ['core.js', 'src/iifeCore.ts'],
    ['gtm-widget-bridge.js', 'all'],
  ])
    row[file + ' saves'] = wholes[file] - gzip(await bundle(entry, replacements));
  savings.push(row);
}
console.log(
  `What leaving each behaviour out would save (gzip; whole core.js ${wholes['core.js']} B, all vendors ${wholes['gtm-widget-bridge.js']} B):`,
);
console.table(savings);
