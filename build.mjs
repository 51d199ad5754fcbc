// Builds every dist/ artifact, prints raw/gzip/brotli sizes and fails over the budget in size-budget.json.
//   node build.mjs
import { build, transform } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import ts from 'typescript';
import { importTs } from './scripts/importTs.mjs';
import { stageRowsPlugin } from './scripts/stageRowsPlugin.mjs';

const { defaultConfig } = await importTs('src/core/config.ts');
const { ADAPTERS } = await importTs('src/vendors/registry.ts');
const { renderGtmPaste, optionComments } = await importTs('scripts/render/gtmPaste.ts');
const { renderContainer } = await importTs('scripts/render/gtmContainer.ts');
const { renderPushBuilder } = await importTs('scripts/render/pushBuilder.ts');
const { composeSchemaKeys } = await importTs('src/core/installBridge.ts');

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

/**
 * Each registry adapter's export name and folder, read from the registry's imports, in ADAPTERS order, with
 * its vendor id: what a build entry for any combination of vendors imports.
 */
function registryEntries() {
  const source = readFileSync('src/vendors/registry.ts', 'utf8');
  const folders = Object.fromEntries(
    [...source.matchAll(/^import \{ (\w+) \} from '\.\/([\w-]+)';$/gm)].map(([, name, folder]) => [name, folder]),
  );
  const names = source
    .match(/export const ADAPTERS = \[([^\]]*)\]/)[1]
    .split(',')
    .map((name) => name.trim());
  return names.map((name, i) => ({ name, folder: folders[name], vendor: ADAPTERS[i].vendor }));
}
const VENDOR_ENTRIES = registryEntries();

/** Every non-empty combination of vendors, in registry order; the whole set last. */
function vendorCombinations() {
  const combinations = [];
  for (let mask = 1; mask < 1 << VENDOR_ENTRIES.length; mask++) combinations.push(VENDOR_ENTRIES.filter((_, i) => mask & (1 << i)));
  return combinations.sort((a, b) => a.length - b.length);
}

/**
 * The file stem of a combination: the all-vendor files keep their published names; `.relay` marks the
 * builds with the Chili Piper webhook relay's client (opt-in code no other site downloads).
 */
const stemOf = (combination, withRelay = false) =>
  'gtm-widget-bridge' +
  (combination.length == VENDOR_ENTRIES.length ? '' : '.' + combination.map((entry) => entry.vendor).join('.')) +
  (withRelay ? '.relay' : '');
/** Combinations with Chili Piper get a `.relay` twin. */
const hasChiliPiper = (combination) => combination.some((entry) => entry.vendor == 'chili_piper');

/** A classic-script entry installing exactly these vendors, with a push builder written for their keys. */
const entryFor = (combination, withRelay = false) => ({
  contents: [
    ...(withRelay ? ["import { enableChiliPiperRelay } from './src/vendors/chili-piper/relay';", 'enableChiliPiperRelay();'] : []),
    "import { installFromPage } from './src/core/installFromPage';",
    "import { capParams, toParamValue as v } from './src/core/buildPush';",
    "import { SCHEMA_VERSION as S } from './src/core/schema';",
    ...combination.map((entry) => `import { ${entry.name} } from './src/vendors/${entry.folder}';`),
    `const adapters = [${combination.map((entry) => entry.name).join(', ')}];`,
    `installFromPage(adapters, __VERSION__, ${renderPushBuilder(composeSchemaKeys(ADAPTERS.filter((adapter) => combination.some((entry) => entry.vendor == adapter.vendor))))});`,
  ].join('\n'),
  resolveDir: '.',
  sourcefile: stemOf(combination, withRelay) + '.entry.ts',
  loader: 'ts',
});

/** The minified IIFE of a combination: the file a CDN serves and the GTM template injects. */
async function buildIife(combination, withRelay = false) {
  const { metafile } = await build({
    ...shared,
    stdin: entryFor(combination, withRelay),
    outfile: `${DIST}/${stemOf(combination, withRelay)}.js`,
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

/**
 * The ESM package for bundler users; left readable, their bundler minifies. `index` installs every vendor;
 * `core` plus `vendors/<vendor>` let a site import only the adapters it uses, sharing code through chunks.
 */
async function buildEsm() {
  const entryPoints = { index: 'src/index.ts', core: 'src/modular.ts' };
  for (const entry of VENDOR_ENTRIES) entryPoints[`vendors/${entry.folder}`] = `src/vendors/${entry.folder}/index.ts`;
  entryPoints['vendors/chili-piper-relay'] = 'src/vendors/chili-piper/relay.ts';
  // GA4's rules and the event schema, shared with the relay (relay/) through the package's exports.
  entryPoints.ga4 = 'src/core/ga4.ts';
  entryPoints.schema = 'src/core/schema.ts';
  await build({
    ...shared,
    entryPoints,
    outdir: DIST,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    splitting: true,
    format: 'esm',
    sourcemap: 'linked',
    banner: { js: banner },
  });
}

/** Declarations through the TypeScript compiler API, re-exported from dist/index.d.ts. */
function buildTypes() {
  const program = ts.createProgram(['src/index.ts', 'src/modular.ts', 'src/vendors/chili-piper/relay.ts', 'src/globals.d.ts'], {
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
  addDeclarationExtensions(`${DIST}/types`);
  // Entry declarations that stand alone (no @types package) and resolve under bundler, node16/nodenext
  // (ESM needs the .js specifier) and node10 (package.json typesVersions maps the subpaths).
  writeFileSync(`${DIST}/index.d.ts`, `export * from './types/index.js';\n`);
  // The declarations of index.mjs by its own name, as TypeScript looks them up for an .mjs import.
  writeFileSync(`${DIST}/index.d.mts`, `export * from './types/index.js';\n`);
  writeFileSync(`${DIST}/core.d.ts`, `export * from './types/modular.js';\n`);
  for (const entry of VENDOR_ENTRIES) {
    writeFileSync(`${DIST}/vendors/${entry.folder}.d.ts`, `export * from '../types/vendors/${entry.folder}/index.js';\n`);
  }
  writeFileSync(`${DIST}/vendors/chili-piper-relay.d.ts`, `export * from '../types/vendors/chili-piper/relay.js';\n`);
  writeFileSync(`${DIST}/ga4.d.ts`, `export * from './types/core/ga4.js';\n`);
  writeFileSync(`${DIST}/schema.d.ts`, `export * from './types/core/schema.js';\n`);
}

/**
 * Gives every relative specifier of the emitted declarations its file: `./core/schema` becomes
 * `./core/schema.js`, a folder `./x` becomes `./x/index.js`. TypeScript maps `.js` to the `.d.ts`;
 * without it, node16/nodenext consumers resolve nothing (the package is `"type": "module"`).
 */
function addDeclarationExtensions(dir) {
  for (const name of readdirSync(dir, { recursive: true })) {
    if (!String(name).endsWith('.d.ts')) continue;
    const file = join(dir, String(name));
    const source = readFileSync(file, 'utf8');
    const fixed = source.replace(/(from |import\()(['"])(\.{1,2}\/[^'"]*)\2/g, (match, lead, quote, specifier) => {
      if (/\.(js|mjs)$/.test(specifier)) return match;
      const target = join(dirname(file), specifier);
      const resolved = existsSync(target + '.d.ts')
        ? specifier + '.js'
        : existsSync(join(target, 'index.d.ts'))
          ? specifier + '/index.js'
          : null;
      if (!resolved) throw new Error(`${file}: cannot resolve the declaration ${specifier}`);
      return lead + quote + resolved + quote;
    });
    if (fixed != source) writeFileSync(file, fixed);
  }
}

/**
 * The GTM Custom HTML paste. GTM's Custom HTML compiler rejects ES2015+
 * syntax and esbuild cannot lower const/let/arrow/destructuring to ES5, so the
 * bundle goes through TypeScript's transpiler (already a dev dependency, no
 * new tool) with target ES5, then esbuild minifies it with target es5, which
 * would itself refuse any remaining ES2015 syntax.
 */
async function buildGtmPaste(combination, withRelay = false) {
  const bundled = await build({ ...shared, stdin: entryFor(combination, withRelay), format: 'iife', write: false });
  const es5 = ts.transpileModule(bundled.outputFiles[0].text, {
    compilerOptions: { target: ts.ScriptTarget.ES5, module: ts.ModuleKind.None, removeComments: true },
  }).outputText;
  // TypeScript puts its helpers (__spreadArray…) at the top level: wrap them so the paste adds no globals.
  const { code } = await transform(`(function(){${es5}})();`, { minify: true, target: 'es5', legalComments: 'none' });
  const adapters = ADAPTERS.filter((adapter) => combination.some((entry) => entry.vendor == adapter.vendor));
  const paste = renderGtmPaste(pkg, defaultConfig(adapters), optionComments(adapters), code);
  writeFileSync(`${DIST}/${stemOf(combination, withRelay)}.gtm.html`, paste);
  if (withRelay) return;
  // The ready-to-import containers (one installs the paste, one the template tag; import one of them)
  // embed the all-vendor paste or the template: build outputs, never committed sources.
  if (combination.length == VENDOR_ENTRIES.length) {
    writeFileSync(`${DIST}/container.json`, renderContainer(paste, 'paste'));
    writeFileSync(`${DIST}/container.template.json`, renderContainer(paste, 'template'));
  }
}

/** Fails the build when docs-only text (a stage reason, a vendor's docs) reached a bundle. */
function assertNoDocsInBundles() {
  const texts = [];
  for (const adapter of ADAPTERS) {
    for (const [, reason] of Object.values(adapter.stages)) if (reason) texts.push(reason);
    texts.push(adapter.docs.mechanism);
  }
  for (const file of ['gtm-widget-bridge.js', 'gtm-widget-bridge.gtm.html', 'index.mjs', 'core.mjs']) {
    const bundle = readFileSync(`${DIST}/${file}`, 'utf8');
    // Long texts only: a short reason can equal a JSDoc line the readable ESM build keeps.
    const leaked = texts.filter((text) => text.length > 40 && bundle.includes(text.slice(0, 60)));
    if (leaked.length) throw new Error(`${file} contains docs-only text (write it as \`__DOCS__ && …\`): ${leaked[0].slice(0, 60)}…`);
  }
}

/**
 * What a bundler user's site pays: a consumer entry bundled and minified from dist/ (the ESM entries and
 * their shared chunks), for all vendors through `index` and for each vendor alone through `core`.
 */
async function buildConsumerSamples() {
  const samples = { 'esm consumer: all vendors': "import { install } from './dist/index.mjs'; install();" };
  for (const entry of VENDOR_ENTRIES) {
    samples[`esm consumer: ${entry.folder} only`] =
      `import { install } from './dist/core.mjs'; import { ${entry.name} } from './dist/vendors/${entry.folder}.mjs'; install(undefined, [${entry.name}]);`;
  }
  samples['esm consumer: chili-piper with relay'] =
    "import { install } from './dist/core.mjs'; import { chiliPiper } from './dist/vendors/chili-piper.mjs'; import { enableChiliPiperRelay } from './dist/vendors/chili-piper-relay.mjs'; enableChiliPiperRelay(); install(undefined, [chiliPiper]);";
  const sizes = {};
  for (const [name, contents] of Object.entries(samples)) {
    const result = await build({
      stdin: { contents, resolveDir: '.', loader: 'js' },
      bundle: true,
      minify: true,
      format: 'esm',
      write: false,
      logLevel: 'warning',
    });
    sizes[name] = result.outputFiles[0].contents;
  }
  return sizes;
}

/**
 * Prints raw, gzip and brotli bytes of every budgeted dist file (and consumer sample) and returns the
 * problems: a file over its budget, a built IIFE or paste without a budget, a budget without a file.
 */
function reportSizes(samples) {
  const budget = JSON.parse(readFileSync('size-budget.json', 'utf8'));
  const rows = [];
  const over = [];
  for (const combination of vendorCombinations()) {
    const files = [`${stemOf(combination)}.js`, `${stemOf(combination)}.gtm.html`];
    if (hasChiliPiper(combination)) files.push(`${stemOf(combination, true)}.js`);
    for (const file of files) if (!(file in budget.gzip)) over.push(`${file}: no budget`);
  }
  for (const file of Object.keys(budget.gzip)) {
    if (!(file in samples) && !existsSync(`${DIST}/${file}`)) {
      over.push(`${file}: budgeted but not built`);
      continue;
    }
    const bytes = file in samples ? samples[file] : readFileSync(`${DIST}/${file}`);
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
const combinations = vendorCombinations();
const [iifeMetafile] = await Promise.all([
  buildIife(combinations[combinations.length - 1]),
  ...combinations.slice(0, -1).map((combination) => buildIife(combination)),
  // The relay's client: an IIFE twin of every combination with Chili Piper, and the all-vendor paste.
  ...combinations.filter(hasChiliPiper).map((combination) => buildIife(combination, true)),
  buildEsm(),
  ...combinations.map((combination) => buildGtmPaste(combination)),
  buildGtmPaste(combinations[combinations.length - 1], true),
]);
buildTypes();
assertNoDocsInBundles();
reportModules(iifeMetafile);
const over = reportSizes(await buildConsumerSamples());
if (over.length) {
  console.error('Size budget exceeded (size-budget.json):\n  ' + over.join('\n  '));
  process.exit(1);
}
