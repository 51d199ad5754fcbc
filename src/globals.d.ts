/** Replaced by esbuild (build.mjs) and vitest (vitest.config.ts) with the package version. */
declare const __VERSION__: string;
