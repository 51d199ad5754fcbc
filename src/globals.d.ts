/** Replaced by esbuild (build.mjs) and vitest (vitest.config.ts) with the package version. */
declare const __VERSION__: string;

/**
 * True where docs-only data is read (generators, tests), false in the bundles
 * (build.mjs), where `__DOCS__ && …` minifies away.
 */
declare const __DOCS__: true;
