import { readFileSync } from 'node:fs';

/**
 * A file of a vendor's published npm package (devDependencies), to be served to the page exactly as
 * the vendor ships it: the real client code runs, only the network around it is mocked.
 */
export function vendorFile(packageName: string, path: string): string {
  return readFileSync(new URL(`../node_modules/${packageName}/${path}`, import.meta.url), 'utf8');
}
