// Builds every dist/ artifact, prints raw/gzip/brotli sizes and fails over the budget in size-budget.json.
//   node build.mjs
import { build, transform } from 'esbuild';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import ts from 'typescript';
import { importTs } from './scripts/importTs.mjs';
import { stageRowsPlugin } from './scripts/stageRowsPlugin.mjs';

const { defaultConfig } = await importTs('src/core/config.ts');
const { ADAPTERS } = await importTs('src/vendors/registry.ts');
const { renderGtmPaste, optionComments } = await importTs('scripts/render/gtmPaste.ts');
const { renderContainer } = await importTs('scripts/render/gtmContainer.ts');

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const DIST = 'dist';
const banner = `/*! ${pkg.name} v${pkg.version} | ${pkg.license} */`;
const shared = {
  bundle: true,
  target: 'es2017',
  // __DOCS__ false: the stage tables' reasons and the vendors' docs (`__DOCS__ && …`) minify away.
  define: { __VERSION__: JSON.stringify(pkg.version), __DOCS__: 'false' },
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [stageRowsPlugin],
};

/** The minified IIFE: the file a CDN serves and the GTM template injects. */
async function buildIife() {
  const { metafile } = await build({
    ...shared,
    entryPoints: ['src/iife.ts'],
    outfile: `${DIST}/gtm-widget-bridge.js`,
    format: 'iife',
    minify: true,
    sourcemap: 'linked',
    metafile: true,
    // The bundle relies on no strict-mode semantics; the directive would only cost bytes.
    tsconfigRaw: { compilerOptions: { alwaysStrict: false, verbatimModuleSyntax: true } },
  });
  return metafile;
}

/** Where the IIFE's bytes go: minified bytes per source module, largest first. */
function reportModules(metafile) {
  const output = metafile.outputs[`${DIST}/gtm-widget-bridge.js`];
  const rows = Object.entries(output.inputs)
    .map(([module, { bytesInOutput }]) => ({ module, 'minified bytes': bytesInOutput }))
    .sort((a, b) => b['minified bytes'] - a['minified bytes']);
  console.log('gtm-widget-bridge.js by module:');
  console.table(rows);
}

/** The ESM package entry for bundler users; left readable, their bundler minifies. */
async function buildEsm() {
  await build({
    ...shared,
    entryPoints: ['src/index.ts'],
    outfile: `${DIST}/index.mjs`,
    format: 'esm',
    sourcemap: 'linked',
    banner: { js: banner },
  });
}

/** Declarations through the TypeScript compiler API, re-exported from dist/index.d.ts. */
function buildTypes() {
  const program = ts.createProgram(['src/index.ts', 'src/globals.d.ts'], {
    declaration: true,
    emitDeclarationOnly: true,
    outDir: `${DIST}/types`,
    rootDir: 'src',
    strict: true,
    target: ts.ScriptTarget.ES2017,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2017.d.ts', 'lib.dom.d.ts'],
    types: ['gtag.js'],
    skipLibCheck: true,
  });
  const result = program.emit();
  const errors = ts.getPreEmitDiagnostics(program).concat(result.diagnostics);
  if (errors.length) {
    throw new Error(
      ts.formatDiagnostics(errors, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => '.', getNewLine: () => '\n' }),
    );
  }
  writeFileSync(`${DIST}/index.d.ts`, `/// <reference types="gtag.js" />\nexport * from './types/index';\n`);
  // The declarations of index.mjs by its own name, as TypeScript looks them up for an .mjs import.
  writeFileSync(`${DIST}/index.d.mts`, `/// <reference types="gtag.js" />\nexport * from './types/index.js';\n`);
}

/**
 * The GTM Custom HTML paste. GTM's Custom HTML compiler rejects ES2015+
 * syntax and esbuild cannot lower const/let/arrow/destructuring to ES5, so the
 * bundle goes through TypeScript's transpiler (already a dev dependency, no
 * new tool) with target ES5, then esbuild minifies it with target es5, which
 * would itself refuse any remaining ES2015 syntax.
 */
async function buildGtmPaste() {
  const bundled = await build({ ...shared, entryPoints: ['src/iife.ts'], format: 'iife', write: false });
  const es5 = ts.transpileModule(bundled.outputFiles[0].text, {
    compilerOptions: { target: ts.ScriptTarget.ES5, module: ts.ModuleKind.None, removeComments: true },
  }).outputText;
  // TypeScript puts its helpers (__spreadArray…) at the top level: wrap them so the paste adds no globals.
  const { code } = await transform(`(function(){${es5}})();`, { minify: true, target: 'es5', legalComments: 'none' });
  const paste = renderGtmPaste(pkg, defaultConfig(ADAPTERS), optionComments(ADAPTERS), code);
  writeFileSync(`${DIST}/gtm-widget-bridge.gtm.html`, paste);
  // The ready-to-import container embeds the paste: a build output, never a committed source.
  writeFileSync(`${DIST}/container.json`, renderContainer(paste));
}

/** Fails the build when docs-only text (a stage reason, a vendor's docs) reached a bundle. */
function assertNoDocsInBundles() {
  const texts = [];
  for (const adapter of ADAPTERS) {
    for (const [, reason] of Object.values(adapter.stages)) if (reason) texts.push(reason);
    texts.push(adapter.docs.mechanism);
  }
  for (const file of ['gtm-widget-bridge.js', 'gtm-widget-bridge.gtm.html', 'index.mjs']) {
    const bundle = readFileSync(`${DIST}/${file}`, 'utf8');
    // Long texts only: a short reason can equal a JSDoc line the readable ESM build keeps.
    const leaked = texts.filter((text) => text.length > 40 && bundle.includes(text.slice(0, 60)));
    if (leaked.length) throw new Error(`${file} contains docs-only text (write it as \`__DOCS__ && …\`): ${leaked[0].slice(0, 60)}…`);
  }
}

/** Prints raw, gzip and brotli bytes of every dist file and returns the files over budget. */
function reportSizes() {
  const budget = JSON.parse(readFileSync('size-budget.json', 'utf8'));
  const rows = [];
  const over = [];
  for (const file of Object.keys(budget.gzip)) {
    const bytes = readFileSync(`${DIST}/${file}`);
    const gzip = gzipSync(bytes, { level: 9 }).length;
    const brotli = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    const limit = budget.gzip[file];
    rows.push({ file, raw: bytes.length, gzip, brotli, 'gzip budget': limit, ok: gzip <= limit ? 'yes' : 'OVER' });
    if (gzip > limit) over.push(`${file}: ${gzip} B gzip > ${limit} B budget`);
  }
  console.table(rows);
  return over;
}

rmSync(DIST, { recursive: true, force: true });
mkdirSync(DIST, { recursive: true });
const [iifeMetafile] = await Promise.all([buildIife(), buildEsm(), buildGtmPaste()]);
buildTypes();
assertNoDocsInBundles();
reportModules(iifeMetafile);
const over = reportSizes();
if (over.length) {
  console.error('Size budget exceeded (size-budget.json):\n  ' + over.join('\n  '));
  process.exit(1);
}
