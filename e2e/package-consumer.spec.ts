/**
 * The packed package as a consumer gets it: `npm pack`, install the tarball
 * into a scratch project, type-check it under every module resolution
 * TypeScript offers for a package like this one, bundle it with esbuild and
 * with Vite, and run each bundle in Chromium through to a real push.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CHILI_PIPER_URL, openHost, postFrom, readDataLayer } from './helpers';
import { expect, test } from './test';

const root = resolve('.');
const scratch = mkdtempSync(join(tmpdir(), 'gwb-consumer-'));
const tsc = (project: string) => {
  try {
    execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', project], { cwd: scratch, encoding: 'utf8' });
    return '';
  } catch (error) {
    return String((error as { stdout?: string }).stdout || error);
  }
};

/** Consumer code that uses the public types for real: a wrong value must fail to type-check. */
const CONSUMER = `
import { install, type BridgeConfig, type WidgetPush, type WidgetVendor } from 'gtm-widget-bridge';
import { install as installCore } from 'gtm-widget-bridge/core';
import { chiliPiper } from 'gtm-widget-bridge/vendors/chili_piper';

const config: BridgeConfig = { vendors: ['chili_piper'], eventPrefix: 'widget_', chiliPiper: { origins: [] } };
const vendor: WidgetVendor = 'chili_piper';
export const onPush = (push: WidgetPush): string => push.widget_vendor + push.event + vendor;
export const start = () => (config.debug ? installCore(config, [chiliPiper]) : install(config));
`;
const WRONG = `
import type { BridgeConfig } from 'gtm-widget-bridge';
export const config: BridgeConfig = { vendors: ['olark'] };
`;
const MODES: Record<string, Record<string, unknown>> = {
  bundler: { module: 'esnext', moduleResolution: 'bundler' },
  node16: { module: 'node16', moduleResolution: 'node16' },
  nodenext: { module: 'nodenext', moduleResolution: 'nodenext' },
  node10: { module: 'commonjs', moduleResolution: 'node10' },
};

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  // dist/ is built by `npm test` before the tests; prepack builds it for a real `npm pack`.
  const tarball = execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', scratch], {
    cwd: root,
    encoding: 'utf8',
  })
    .trim()
    .split('\n')
    .pop()!;
  writeFileSync(join(scratch, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--offline', join(scratch, tarball)], {
    cwd: scratch,
    stdio: 'ignore',
  });
  mkdirSync(join(scratch, 'src'));
  writeFileSync(join(scratch, 'src/consumer.ts'), CONSUMER);
  writeFileSync(join(scratch, 'src/wrong.ts'), WRONG);
  writeFileSync(join(scratch, 'main.js'), "import { start } from './src/consumer.ts';\nstart();\n");
  writeFileSync(join(scratch, 'iife.js'), "import 'gtm-widget-bridge/iife';\n");
});

test.afterAll(() => rmSync(scratch, { recursive: true, force: true }));

test('the tarball ships the built files, the types and the license, and no sources', () => {
  const files = readdirSync(join(scratch, 'node_modules/gtm-widget-bridge'), { recursive: true }).map(String);
  for (const file of [
    'dist/index.mjs',
    'dist/index.d.ts',
    'dist/core.mjs',
    'dist/vendors/chili_piper.mjs',
    'dist/gtm-widget-bridge.js',
    'dist/gtm-widget-bridge.gtm.html',
    'LICENSE',
    'README.md',
  ])
    expect(files, file).toContain(file);
  expect(files.filter((file) => file.startsWith('src'))).toEqual([]);
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  expect(pkg.scripts.prepack).toMatch(/build\.mjs/);
  for (const field of ['repository', 'homepage', 'bugs']) expect(pkg[field], field).toBeTruthy();
});

test('the package is ESM only: a CommonJS file under node16 gets TS1479 for a static import, a dynamic import() works', () => {
  const compilerOptions = { module: 'node16', moduleResolution: 'node16', strict: true, noEmit: true, types: [], lib: ['es2020', 'dom'] };
  writeFileSync(join(scratch, 'src/required.cts'), "import { install } from 'gtm-widget-bridge';\nexport const start = () => install();\n");
  writeFileSync(
    join(scratch, 'src/imported.cts'),
    "export const start = () => import('gtm-widget-bridge').then((bridge) => bridge.install());\n",
  );
  const project = (file: string) => {
    writeFileSync(join(scratch, 'tsconfig.cjs.json'), JSON.stringify({ compilerOptions, files: [file] }));
    return tsc('tsconfig.cjs.json');
  };
  expect(project('src/required.cts')).toMatch(/error TS1479/);
  expect(project('src/imported.cts')).toBe('');
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  expect(pkg.type).toBe('module');
  expect(JSON.stringify(pkg.exports)).not.toContain('"require"');
});

for (const [mode, options] of Object.entries(MODES)) {
  test(`types resolve and stand alone under moduleResolution ${mode}, without skipLibCheck or @types/gtag.js`, () => {
    const compilerOptions = {
      ...options,
      strict: true,
      noEmit: true,
      skipLibCheck: false,
      types: [],
      lib: ['es2020', 'dom'],
      allowImportingTsExtensions: true,
    };
    const project = (file: string) => {
      writeFileSync(join(scratch, `tsconfig.${mode}.json`), JSON.stringify({ compilerOptions, files: [file] }));
      return tsc(`tsconfig.${mode}.json`);
    };
    expect(project('src/consumer.ts')).toBe('');
    // Positive control: the types are real (an unknown vendor id fails), not an `any` that accepts anything.
    expect(project('src/wrong.ts')).toMatch(/TS2322.*olark|'"olark"' is not assignable/s);
  });
}

const bundlers: Record<string, (entry: string) => Promise<string>> = {
  esbuild: async (entry) => {
    const { build } = await import('esbuild');
    const result = await build({
      entryPoints: [join(scratch, entry)],
      absWorkingDir: scratch,
      bundle: true,
      minify: true,
      format: 'iife',
      write: false,
      logLevel: 'error',
    });
    return result.outputFiles[0].text;
  },
  vite: async (entry) => {
    const { build } = await import('vite');
    const outDir = join(scratch, 'vite-' + entry.replace('.js', ''));
    await build({
      root: scratch,
      logLevel: 'error',
      configFile: false,
      build: {
        outDir,
        emptyOutDir: true,
        lib: { entry: join(scratch, entry), formats: ['iife'], name: 'consumer', fileName: () => 'bundle.js' },
      },
    });
    return readFileSync(join(outDir, 'bundle.js'), 'utf8');
  },
};

for (const [bundler, bundle] of Object.entries(bundlers)) {
  test(`${bundler}: the ESM entries bundle and push in Chromium`, async ({ page }) => {
    const code = await bundle('main.js');
    expect(code).toContain('chilipiper');
    await openHost(page, { head: [`<script>${code}</script>`] });
    await postFrom(page, CHILI_PIPER_URL, { action: 'close' });
    await expect
      .poll(() => readDataLayer(page))
      .toContainEqual(expect.objectContaining({ event: 'widget_close', widget_vendor: 'chili_piper' }));
  });

  test(`${bundler}: import 'gtm-widget-bridge/iife' is kept (a side effect) and installs the bridge`, async ({ page }) => {
    const code = await bundle('iife.js');
    expect(code.length).toBeGreaterThan(5_000);
    await openHost(page, { head: [`<script>${code}</script>`] });
    await postFrom(page, CHILI_PIPER_URL, { action: 'close' });
    await expect
      .poll(() => readDataLayer(page))
      .toContainEqual(expect.objectContaining({ event: 'widget_close', widget_vendor: 'chili_piper' }));
  });
}
