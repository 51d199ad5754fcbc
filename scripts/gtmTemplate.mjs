// Generates gtm-template/template.tpl from the separately kept sources in gtm-template/src
// (info, parameters, sandboxed code, permissions, test scenarios).
//   node scripts/gtmTemplate.mjs     (npm run generate) writes it;
//   test/gtm-template/template.test.ts fails when the committed file is stale.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

// Paths are relative to the repository root, where npm runs scripts and tests.
const read = (path) => readFileSync(path, 'utf8');
const pkg = JSON.parse(read('package.json'));

/** The exact, versioned CDN URL of the IIFE the template injects (jsDelivr's npm mirror). */
export const BRIDGE_URL = `https://cdn.jsdelivr.net/npm/${pkg.name}@${pkg.version}/dist/gtm-widget-bridge.js`;

const TERMS = `By creating or modifying this file you agree to Google Tag Manager's Community
Template Gallery Developer Terms of Service available at
https://developers.google.com/tag-manager/gallery-tos (or such other URL as
Google may provide), as modified from time to time.`;

const withUrl = (text) => text.split('__BRIDGE_URL__').join(BRIDGE_URL);

/** The sandboxed code, with the versioned URL filled in. */
export function sandboxedCode() {
  return withUrl(read('gtm-template/src/code.js')).trim();
}

/** Test scenarios, one file each; the first line `// Scenario: name` names it. */
export function scenarios() {
  const dir = 'gtm-template/src/tests/';
  return readdirSync(dir)
    .filter((file) => file.endsWith('.js'))
    .sort()
    .map((file) => {
      const [first, ...rest] = withUrl(read(dir + file)).split('\n');
      const name = first.replace(/^\/\/ Scenario: /, '');
      if (name == first) throw new Error(`${file}: first line must be "// Scenario: <name>"`);
      return { file, name, code: rest.join('\n').trim() };
    });
}

export function permissions() {
  return JSON.parse(withUrl(read('gtm-template/src/permissions.json')));
}

export function parameters() {
  return JSON.parse(read('gtm-template/src/parameters.json'));
}

/** A 48×48 brand thumbnail (orange ring on the project's dark blue), drawn here so no binary is kept. */
function thumbnail() {
  const size = 48;
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = [0]; // filter: none
    for (let x = 0; x < size; x++) {
      const d = Math.hypot(x - 23.5, y - 23.5);
      const ring = d > 11 && d < 17;
      const dot = d < 6;
      row.push(...(ring ? [255, 90, 60] : dot ? [255, 255, 255] : [29, 35, 48]), 255);
    }
    rows.push(Buffer.from(row));
  }
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes) => {
    let c = 0xffffffff;
    for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  const png = Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return 'data:image/png;base64,' + png.toString('base64');
}

export function info() {
  const value = JSON.parse(read('gtm-template/src/info.json'));
  value.brand.thumbnail = thumbnail();
  return value;
}

/** YAML block scalar of the ___TESTS___ section, as GTM writes it. */
function testsYaml() {
  const indent = (text, spaces) => text.split('\n').map((line) => (line ? ' '.repeat(spaces) + line : '')).join('\n');
  const items = scenarios().map(({ name, code }) => `- name: ${JSON.stringify(name)}\n  code: |-\n${indent(code, 4)}`);
  return `scenarios:\n${items.join('\n')}`;
}

export function renderTemplate() {
  const json = (value) => JSON.stringify(value, null, 2);
  return [
    '___TERMS_OF_SERVICE___', '', TERMS, '', '',
    '___INFO___', '', json(info()), '', '',
    '___TEMPLATE_PARAMETERS___', '', json(parameters()), '', '',
    '___SANDBOXED_JS_FOR_WEB_TEMPLATE___', '', sandboxedCode(), '', '',
    '___WEB_PERMISSIONS___', '', json(permissions()), '', '',
    '___TESTS___', '', testsYaml(), '', '',
    '___NOTES___', '', `Generated from gtm-template/src by \`npm run generate\` for ${pkg.name} ${pkg.version}; edit the sources, not this file.`, '', '',
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync('gtm-template/template.tpl', renderTemplate());
  console.log('gtm-template/template.tpl written');
}
