// @vitest-environment node
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

// The README's statements against what the files contain: the built files a page loads (npm test builds
// first), the package's module type and the Node versions the manifests declare.
const readme = readFileSync('README.md', 'utf8');
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const relay = JSON.parse(readFileSync('relay/package.json', 'utf8'));
/** gzip size in kB (1,000 bytes) with one decimal, at the level build.mjs reports. */
const kB = (file: string) => (gzipSync(readFileSync('dist/' + file), { level: 9 }).length / 1000).toFixed(1);
/** The second cell of the README table row whose first cell starts with `label`. */
const row = (label: string) => {
  const line = readme.split('\n').find((text) => text.startsWith('| ' + label))!;
  return line.split('|')[2].trim();
};

describe('README.md', () => {
  it('gives the gzip sizes of the files a page loads', () => {
    expect(row('`core.js`')).toBe(kB('core.js') + ' kB');
    expect(row('`gtm-widget-bridge.js`')).toBe(kB('gtm-widget-bridge.js') + ' kB');
    expect(row('`vendors/chili_piper_relay.js`')).toBe(kB('vendors/chili_piper_relay.js') + ' kB');
    expect(row('the GTM Custom HTML tag for every vendor')).toBe(kB('gtm-widget-bridge.gtm.html') + ' kB');
    const vendors = readdirSync('dist/vendors')
      .filter((file) => file.endsWith('.js') && file != 'chili_piper_relay.js')
      .map((file) => Number(kB('vendors/' + file)));
    expect(row('one `vendors/<vendor>.js`')).toBe(`${Math.min(...vendors).toFixed(1)}–${Math.max(...vendors).toFixed(1)} kB`);
  });

  it('says the package is ESM only, as its manifest is', () => {
    expect(readme).toContain('The package is **ESM only**');
    expect(pkg.type).toBe('module');
    expect(JSON.stringify(pkg.exports)).not.toMatch(/"require"|"default"/);
  });

  it('names the Node each part needs as the manifests declare it', () => {
    expect(row('`npx gtm-widget-bridge paste`')).toBe('Node 20 or later');
    expect(pkg.engines.node).toBe('>=20');
    expect(row('the webhook relay')).toBe('Node 22.5 or later');
    expect(relay.engines.node).toBe('>=22.5');
    // The repository installs the relay workspace, so working in it needs the relay's Node.
    expect(row('working in this repository')).toBe('Node 22.5 or later');
    expect(pkg.workspaces).toContain('relay');
    expect(pkg.devDependencies.node).toMatch(/^22\./);
  });

  it('says the servers stop with npm, as the scripts exec them', () => {
    expect(readme).toMatch(/\*\*Ctrl-C\*\* stops them/);
    expect(pkg.scripts.start).toMatch(/&& exec node demo\/serve\.mjs$/);
    expect(pkg.scripts.relay).toMatch(/^exec npm start --workspace relay$/);
    expect(relay.scripts.start).toMatch(/&& exec node /);
  });
});
