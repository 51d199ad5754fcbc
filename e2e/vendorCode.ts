import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

/**
 * A file of a vendor's published npm package (devDependencies), to be served to the page exactly as
 * the vendor ships it: the real client code runs, only the network around it is mocked.
 */
export function vendorFile(packageName: string, path: string): string {
  return readFileSync(new URL(`../node_modules/${packageName}/${path}`, import.meta.url), 'utf8');
}

/**
 * A site's React app from fixtures/ (a vendor's React SDK or integration from npm, unchanged), bundled as
 * one classic script the way a site's build would ship it. `alias` maps a package to another installed
 * one for every import of the bundle (React 18 for a wrapper whose peer is React 18).
 */
export async function bundleFixtureApp(fixture: string, alias?: Record<string, string>): Promise<string> {
  const result = await build({
    entryPoints: [new URL(`../fixtures/${fixture}`, import.meta.url).pathname],
    bundle: true,
    write: false,
    format: 'iife',
    alias,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  });
  return result.outputFiles[0].text;
}
