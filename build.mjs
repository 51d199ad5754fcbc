// Builds every dist/ artifact, prints raw/gzip/brotli sizes and fails over the budget in size-budget.json.
//   node build.mjs
import { build, transform } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import ts from 'typescript';
import { importTs } from './scripts/importTs.mjs';

const { MANIFEST } = await importTs('src/vendors/manifest.ts');
const { renderAllVendorPaste, renderChoiceContainer } = await importTs('scripts/render/tagGenerator.ts');
const { allVendorEntry } = await importTs('scripts/render/allVendorEntry.ts');

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const DIST = 'dist';
const banner = `/*! ${pkg.name} v${pkg.version} | ${pkg.license} */`;
const shared = {
  bundle: true,
  target: 'es2017',
  define: { __VERSION__: JSON.stringify(pkg.version) },
  legalComments: 'none',
  logLevel: 'warning',
};

/** The queue the plugin files push to, and the parameters their code receives (src/core/installFromPage.ts). */
const PLUGINS_KEY = 'gtmWidgetBridgePlugins';
const KIT_PARAM = '$kit';
const ADD_PARAM = '$add';

/**
 * Lends a plugin build the core's helpers (src/core/kit.ts): an import of a module whose exports are all
 * in the kit becomes a read of the kit the core hands the plugin, so each plugin file carries only its
 * vendor. Any other module is bundled into the plugin as usual.
 */
const { KIT } = await importTs('src/core/kit.ts');
const kitModules = new Map();
const kitPlugin = {
  name: 'kit',
  setup(b) {
    b.onLoad({ filter: /[/\\]src[/\\](core|lib)[/\\][\w]+\.ts$/ }, async (args) => {
      // One import per module, however many plugin builds ask at once (they run in parallel).
      if (!kitModules.has(args.path))
        kitModules.set(
          args.path,
          importTs(args.path).then((module) => {
            const names = Object.keys(module);
            return names.length > 0 && names.every((name) => name in KIT) ? names : null;
          }),
        );
      const names = await kitModules.get(args.path);
      // One declaration per name, so a name the plugin does not use is dropped (property reads are pure here).
      return names
        ? {
            contents: names.map((name) => `export const ${name} = /* @__PURE__ */ (() => ${KIT_PARAM}.${name})();`).join('\n'),
            loader: 'js',
          }
        : undefined;
    });
  },
};

/** What a page loads: the core, one plugin per vendor, the relay client's plugin; and the all-vendor bundle. */
const PLUGINS = [
  ...MANIFEST.map((entry) => ({
    file: `vendors/${entry.vendor}`,
    entry: { contents: `import { ${entry.exportName} } from './src/vendors/${entry.vendor}'; ${ADD_PARAM}(${entry.exportName});` },
  })),
  {
    file: 'vendors/chili_piper_relay',
    entry: {
      contents: `import { enableChiliPiperRelay } from './src/vendors/chili_piper/relay'; enableChiliPiperRelay(); ${ADD_PARAM}();`,
    },
  },
];
const CORE_ENTRY = { path: 'src/iifeCore.ts' };
const ALL_ENTRY = { contents: allVendorEntry() };

/** esbuild's input for an entry: a source file, or generated contents. */
const input = (entry, name) =>
  entry.path
    ? { entryPoints: [entry.path] }
    : { stdin: { contents: entry.contents, resolveDir: '.', sourcefile: name + '.entry.ts', loader: 'ts' } };
/** The plugin wrapper: its code runs when a core serves the queue, with the core's kit. */
const wrapPlugin = (code) =>
  `(window.${PLUGINS_KEY}=window.${PLUGINS_KEY}||[]).push(function(${KIT_PARAM},${ADD_PARAM}){${unwrapIife(code.trim())}});`;
/** esbuild's minified IIFE without its own function: the plugin's function already scopes it. */
const unwrapIife = (code) => (code.startsWith('(()=>{') && code.endsWith('})();') ? code.slice(6, -5) : code);

/** One classic script (the core, a plugin, the all-vendor bundle), minified; its metafile. */
async function buildScript(name, entry, plugin = false) {
  const result = await build({
    ...shared,
    ...input(entry, name),
    format: 'iife',
    minify: true,
    write: false,
    metafile: true,
    plugins: plugin ? [kitPlugin] : [],
    // The bundle relies on no strict-mode semantics; the directive would only cost bytes.
    tsconfigRaw: { compilerOptions: { alwaysStrict: false, verbatimModuleSyntax: true } },
  });
  const code = result.outputFiles[0].text;
  mkdirSync(dirname(`${DIST}/${name}.js`), { recursive: true });
  writeFileSync(`${DIST}/${name}.js`, plugin ? wrapPlugin(code) + '\n' : code);
  return result.metafile;
}

/**
 * The ES5 form of a classic script, for GTM's Custom HTML compiler, which rejects ES2015+ syntax: esbuild
 * cannot lower const/let/arrow/destructuring to ES5, so the bundle goes through TypeScript's transpiler
 * (already a dev dependency, no new tool) with target ES5, then esbuild minifies it with target es5,
 * which would itself refuse any remaining ES2015 syntax. Wrapped in a function, so TypeScript's helpers
 * (__spreadArray…) add no globals.
 */
async function buildEs5(name, entry, plugin = false) {
  const bundled = await build({ ...shared, ...input(entry, name), format: 'iife', write: false, plugins: plugin ? [kitPlugin] : [] });
  const es5 = ts.transpileModule(bundled.outputFiles[0].text, {
    compilerOptions: { target: ts.ScriptTarget.ES5, module: ts.ModuleKind.None, removeComments: true },
  }).outputText;
  const { code } = await transform(`(function(){${es5}})();`, { minify: true, target: 'es5', legalComments: 'none' });
  return plugin ? wrapPlugin(code) : code.trim();
}

/** Where a script's bytes go: minified bytes per source module, largest first. */
function reportModules(name, metafile) {
  const output = Object.values(metafile.outputs)[0];
  const rows = Object.entries(output.inputs)
    .map(([module, { bytesInOutput }]) => ({ module, 'minified bytes': bytesInOutput }))
    .sort((a, b) => b['minified bytes'] - a['minified bytes']);
  console.log(name + ' by module:');
  console.table(rows);
}

/**
 * The ESM package for bundler users; left readable, their bundler minifies. `index` installs every vendor;
 * `core` plus `vendors/<vendor>` let a site import only the adapters it uses, sharing code through chunks.
 */
async function buildEsm() {
  const entryPoints = { index: 'src/index.ts', core: 'src/modular.ts' };
  for (const entry of MANIFEST) entryPoints[`vendors/${entry.vendor}`] = `src/vendors/${entry.vendor}/index.ts`;
  entryPoints['vendors/chili_piper_relay'] = 'src/vendors/chili_piper/relay.ts';
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
  const program = ts.createProgram(['src/index.ts', 'src/modular.ts', 'src/vendors/chili_piper/relay.ts', 'src/globals.d.ts'], {
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
  for (const entry of MANIFEST) {
    writeFileSync(`${DIST}/vendors/${entry.vendor}.d.ts`, `export * from '../types/vendors/${entry.vendor}/index.js';\n`);
  }
  writeFileSync(`${DIST}/vendors/chili_piper_relay.d.ts`, `export * from '../types/vendors/chili_piper/relay.js';\n`);
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
 * The ES5 parts every Custom HTML tag is assembled from (dist/paste-parts.json): the core and each plugin.
 * `npx gtm-widget-bridge paste`, the playground's tag generator and the all-vendor paste put the same
 * parts behind the same configuration block (scripts/render/tagGenerator.ts), so they agree byte for byte.
 */
async function buildPasteParts() {
  const parts = { version: pkg.version, core: await buildEs5('core', CORE_ENTRY), plugins: {} };
  for (const plugin of PLUGINS) parts.plugins[plugin.file.slice('vendors/'.length)] = await buildEs5(plugin.file, plugin.entry, true);
  writeFileSync(`${DIST}/paste-parts.json`, JSON.stringify(parts));
  return parts;
}

/** dist/tag.mjs: the tag generator for `npx gtm-widget-bridge paste` (bin/gtm-widget-bridge.mjs). */
async function buildTagModule() {
  await build({
    ...shared,
    entryPoints: ['scripts/render/tagGenerator.ts'],
    outfile: `${DIST}/tag.mjs`,
    format: 'esm',
    platform: 'neutral',
    banner: { js: banner },
  });
}

/**
 * The all-vendor paste and the all-vendor containers at the default options (one installs the paste, one
 * the template tag), made as `npx gtm-widget-bridge paste --container …` and the playground make theirs.
 */
function buildAllVendorPaste(parts) {
  writeFileSync(`${DIST}/gtm-widget-bridge.gtm.html`, renderAllVendorPaste(parts));
  writeFileSync(`${DIST}/container.json`, renderChoiceContainer(parts, { vendors: [] }));
  writeFileSync(
    `${DIST}/container.template.json`,
    renderChoiceContainer(parts, { vendors: [] }, readFileSync('gtm-template/template.tpl', 'utf8')),
  );
}

/** Fails the build when docs-only text (a stage reason, a vendor's docs) reached a bundle. */
function assertNoDocsInBundles() {
  const texts = [];
  for (const { adapter } of MANIFEST) texts.push(...Object.values(adapter.docs.reasons), adapter.docs.mechanism);
  const files = ['core.js', 'gtm-widget-bridge.js', 'gtm-widget-bridge.gtm.html', 'index.mjs', 'core.mjs'];
  for (const file of files.concat(PLUGINS.map((plugin) => plugin.file + '.js'))) {
    const bundle = readFileSync(`${DIST}/${file}`, 'utf8');
    // Long texts only: a short reason can equal a JSDoc line the readable ESM build keeps.
    const leaked = texts.filter((text) => text.length > 40 && bundle.includes(text.slice(0, 60)));
    if (leaked.length) throw new Error(`${file} contains docs-only text (keep it in the vendor's docs.ts): ${leaked[0].slice(0, 60)}…`);
  }
}

/**
 * What a bundler user's site pays: a consumer entry bundled and minified from dist/ (the ESM entries and
 * their shared chunks), for all vendors through `index` and for each vendor alone through `core`.
 */
async function buildConsumerSamples() {
  const samples = { 'esm consumer: all vendors': "import { install } from './dist/index.mjs'; install();" };
  for (const entry of MANIFEST) {
    samples[`esm consumer: ${entry.vendor} only`] =
      `import { install } from './dist/core.mjs'; import { ${entry.exportName} } from './dist/vendors/${entry.vendor}.mjs'; install(undefined, [${entry.exportName}]);`;
  }
  samples['esm consumer: chili_piper with relay'] =
    "import { install } from './dist/core.mjs'; import { chiliPiper } from './dist/vendors/chili_piper.mjs'; import { enableChiliPiperRelay } from './dist/vendors/chili_piper_relay.mjs'; enableChiliPiperRelay(); install(undefined, [chiliPiper]);";
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

const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;
const brotli = (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/**
 * Prints raw, gzip and brotli bytes of every budgeted file: the scripts in dist/, what a page loads for
 * the core and one vendor (the two files' bytes, as two responses), and the bundler samples; returns the
 * problems: a file over its budget, a built script without a budget, a budget without a file.
 */
function reportSizes(samples) {
  const budget = JSON.parse(readFileSync('size-budget.json', 'utf8'));
  const measured = { ...samples };
  const scripts = ['core.js', 'gtm-widget-bridge.js', 'gtm-widget-bridge.gtm.html', ...PLUGINS.map((plugin) => plugin.file + '.js')];
  for (const file of scripts) measured[file] = readFileSync(`${DIST}/${file}`);
  const pairs = {};
  for (const entry of MANIFEST) pairs[`core + vendors/${entry.vendor}.js`] = [measured['core.js'], measured[`vendors/${entry.vendor}.js`]];
  const rows = [];
  const over = [];
  for (const file of [...scripts, ...Object.keys(pairs)]) if (!(file in budget.gzip)) over.push(`${file}: no budget`);
  for (const file of Object.keys(budget.gzip)) {
    const parts = pairs[file] || (file in measured ? [measured[file]] : undefined);
    if (!parts) {
      over.push(`${file}: budgeted but not built`);
      continue;
    }
    const size = (measure) => parts.reduce((sum, bytes) => sum + measure(bytes), 0);
    const limit = budget.gzip[file];
    const zipped = size(gzip);
    rows.push({
      file,
      raw: size((bytes) => bytes.length),
      gzip: zipped,
      brotli: size(brotli),
      'gzip budget': limit,
      ok: zipped <= limit ? 'yes' : 'OVER',
    });
    if (zipped > limit) over.push(`${file}: ${zipped} B gzip > ${limit} B budget`);
  }
  console.table(rows);
  return over;
}

rmSync(DIST, { recursive: true, force: true });
mkdirSync(DIST, { recursive: true });
const [coreMetafile, allMetafile, ...pluginMetafiles] = await Promise.all([
  buildScript('core', CORE_ENTRY),
  buildScript('gtm-widget-bridge', ALL_ENTRY),
  ...PLUGINS.map((plugin) => buildScript(plugin.file, plugin.entry, true)),
]);
await Promise.all([buildEsm(), buildTagModule()]);
buildAllVendorPaste(await buildPasteParts());
buildTypes();
assertNoDocsInBundles();
reportModules('core.js', coreMetafile);
reportModules('gtm-widget-bridge.js', allMetafile);
// The size breakdown (bench/size.mjs) reads what was shipped.
mkdirSync('node_modules/.cache/gtm-widget-bridge', { recursive: true });
writeFileSync(
  'node_modules/.cache/gtm-widget-bridge/metafiles.json',
  JSON.stringify({ core: coreMetafile, all: allMetafile, plugins: pluginMetafiles }),
);
const over = reportSizes(await buildConsumerSamples());
if (over.length) {
  console.error('Size budget exceeded (size-budget.json):\n  ' + over.join('\n  '));
  process.exit(1);
}
