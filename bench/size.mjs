// Where the IIFE's gzip bytes go: the minified bundle rebuilt without each part in turn
// (leave-one-out), since gzip sizes of parts do not add up. Part of npm run bench.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const gzip = (text) => gzipSync(text, { level: 9 }).length;
const brotli = (text) => brotliCompressSync(text, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/** The IIFE as build.mjs makes it (without the source map comment), with some modules replaced. */
async function bundle(replacements = {}) {
  const result = await build({
    entryPoints: ['src/iife.ts'],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2017',
    write: false,
    define: { __VERSION__: '"0.0.0"' },
    tsconfigRaw: { compilerOptions: { alwaysStrict: false, verbatimModuleSyntax: true } },
    plugins: [
      {
        name: 'replace',
        setup(b) {
          for (const [file, contents] of Object.entries(replacements)) {
            b.onLoad({ filter: new RegExp(file.replace(/[./]/g, '\\$&') + '$') }, () => ({ contents, loader: 'ts' }));
          }
        },
      },
    ],
  });
  return result.outputFiles[0].text;
}

// Every vendor of the registry's one list, each left out in turn.
const registry = readFileSync('src/vendors/registry.ts', 'utf8');
const LIST = /export const ADAPTERS = \[([^\]]*)\]/;
const names = registry
  .match(LIST)[1]
  .split(',')
  .map((name) => name.trim());
const vendorParts = Object.fromEntries(
  names.map((name) => [
    `${name} adapter`,
    { 'src/vendors/registry.ts': registry.replace(LIST, `export const ADAPTERS = [${names.filter((other) => other != name).join(', ')}]`) },
  ]),
);
const PARTS = {
  ...vendorParts,
  'config validation and warnings': {
    'src/core/config.ts': readFileSync('src/core/config.ts', 'utf8').replace(
      /export function parseConfig[\s\S]*$/,
      'export function parseConfig(raw: unknown, adapters: readonly AnyVendorAdapter[], _w?: unknown): ResolvedConfig { return Object.assign(defaultConfig(adapters), raw); }',
    ),
  },
  'hashed e-mail (normalize + SHA-256)': {
    'src/lib/sha256Hex.ts': 'export function sha256Hex(text: string): Promise<string> { return Promise.resolve(text); }',
    'src/lib/normalizeEmail.ts': 'export function normalizeEmail(email: string): string { return email; }',
  },
  'debug logging': {
    'src/core/log.ts':
      'export type Log = (m: string, ...d: unknown[]) => void;\nexport function createLog(_debug: boolean): Log { return () => {}; }',
  },
};

const full = await bundle();
const rows = [{ part: 'whole IIFE', gzip: gzip(full), brotli: brotli(full), 'share of gzip': '100%' }];
for (const [part, replacements] of Object.entries(PARTS)) {
  const without = await bundle(replacements);
  const cost = gzip(full) - gzip(without);
  rows.push({ part, gzip: cost, brotli: brotli(full) - brotli(without), 'share of gzip': ((cost / gzip(full)) * 100).toFixed(0) + '%' });
}
console.log('Bytes each part adds to the IIFE (leave-one-out):');
console.table(rows);
