/**
 * Renders gtm-template/template.tpl from the separately kept sources in
 * gtm-template/src (info, parameters, sandboxed code, permissions, test
 * scenarios) and the vendor registry (the vendor checkboxes and the code that
 * reads them). scripts/generate.ts writes it, or checks it with --check.
 * Paths are relative to the repository root, where npm runs scripts and tests.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { DOCUMENTED_ADAPTERS as ADAPTERS, type DocumentedAdapter } from '../../src/vendors/manifest';

const read = (path: string) => readFileSync(path, 'utf8');
const pkg = JSON.parse(read('package.json'));

/** Each vendor's template checkbox: its parameter name, text and vendor id (the registry's docs say them). */
export function vendorCheckboxes(adapters: readonly DocumentedAdapter[] = ADAPTERS) {
  return adapters.map((adapter) => {
    const { template, title, link } = adapter.docs;
    return { param: template.param, label: template.label, vendor: adapter.vendor, title, link };
  });
}

/** The versioned dist/ folder the template injects from (jsDelivr's npm mirror). */
export const DIST_BASE = `https://cdn.jsdelivr.net/npm/${pkg.name}@${pkg.version}/dist/`;

/** Every file the template may inject: the core, each vendor's plugin, the relay client's. The permissions name exactly these. */
export function injectableUrls(adapters: readonly DocumentedAdapter[] = ADAPTERS): string[] {
  return [
    DIST_BASE + 'core.js',
    ...adapters.map((adapter) => `${DIST_BASE}vendors/${adapter.vendor}.js`),
    DIST_BASE + 'vendors/chili_piper_relay.js',
  ];
}

const TERMS = `By creating or modifying this file you agree to Google Tag Manager's Community
Template Gallery Developer Terms of Service available at
https://developers.google.com/tag-manager/gallery-tos (or such other URL as
Google may provide), as modified from time to time.`;

const withUrl = (text: string) => text.split('__DIST_BASE__').join(DIST_BASE);

/** The sandboxed code, with the versioned URL and the vendor checkboxes filled in. */
export function sandboxedCode(adapters: readonly DocumentedAdapter[] = ADAPTERS): string {
  const pairs = vendorCheckboxes(adapters).map(({ param, vendor }) => `['${param}', '${vendor}']`);
  return withUrl(read('gtm-template/src/code.js'))
    .split("'__VENDOR_CHECKBOXES__'")
    .join('[' + pairs.join(', ') + ']')
    .trim();
}

/** Test scenarios, one file each; the first line `// Scenario: name` names it. */
export function scenarios(): { file: string; name: string; code: string }[] {
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

/** The permissions, `inject_script` listing exactly the injectable URLs in place of "__INJECTABLE_URLS__". */
export function permissions(adapters: readonly DocumentedAdapter[] = ADAPTERS): Record<string, unknown>[] {
  const urls = injectableUrls(adapters).map((url) => ({ type: 1, string: url }));
  // The placeholder item of the list becomes one item per URL.
  return JSON.parse(withUrl(read('gtm-template/src/permissions.json')), (_key, value) =>
    Array.isArray(value) && value.some((item) => item && item.string == '__INJECTABLE_URLS__') ? urls : value,
  );
}

/**
 * The template's fields; the vendor checkboxes come from the registry, in place of "__VENDOR_CHECKBOXES__",
 * and so does every vendor choice of a select (the lead actions' vendor), in place of "__VENDOR_SELECT_ITEMS__".
 */
export function parameters(adapters: readonly DocumentedAdapter[] = ADAPTERS): Record<string, unknown>[] {
  const boxes = vendorCheckboxes(adapters).map(({ param, label, title, link }) => ({
    type: 'CHECKBOX',
    name: param,
    checkboxText: label,
    simpleValueType: true,
    defaultValue: true,
    help: `Untick if your pages never show ${title}: the tag then injects a build without it. The bridge listens to ${title} and never loads it. What it listens to: ${link}`,
  }));
  const vendorItems = adapters.map((adapter) => ({ value: adapter.vendor, displayValue: adapter.docs.title }));
  const expand = (list: unknown[]): unknown[] =>
    list.flatMap((item) => {
      if (item === '__VENDOR_CHECKBOXES__') return boxes;
      if (item === '__VENDOR_SELECT_ITEMS__') return vendorItems;
      const record = item as Record<string, unknown>;
      const expanded = Array.isArray(record.subParams) ? { ...record, subParams: expand(record.subParams) } : record;
      if (Array.isArray(expanded.simpleTableColumns)) expanded.simpleTableColumns = expand(expanded.simpleTableColumns);
      if (Array.isArray(expanded.selectItems)) expanded.selectItems = expand(expanded.selectItems);
      return [expanded];
    });
  return expand(JSON.parse(read('gtm-template/src/parameters.json'))) as Record<string, unknown>[];
}

/** A 48×48 brand thumbnail (orange ring on the project's dark blue), drawn here so no binary is kept. */
function thumbnail() {
  const size = 48;
  const rows: Buffer[] = [];
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
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
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
  const indent = (text: string, spaces: number) =>
    text
      .split('\n')
      .map((line) => (line ? ' '.repeat(spaces) + line : ''))
      .join('\n');
  const items = scenarios().map(({ name, code }) => `- name: ${JSON.stringify(name)}\n  code: |-\n${indent(code, 4)}`);
  return `scenarios:\n${items.join('\n')}`;
}

export function renderTemplate(adapters: readonly DocumentedAdapter[] = ADAPTERS): string {
  const json = (value: unknown) => JSON.stringify(value, null, 2);
  return [
    '___TERMS_OF_SERVICE___',
    '',
    TERMS,
    '',
    '',
    '___INFO___',
    '',
    json(info()),
    '',
    '',
    '___TEMPLATE_PARAMETERS___',
    '',
    json(parameters(adapters)),
    '',
    '',
    '___SANDBOXED_JS_FOR_WEB_TEMPLATE___',
    '',
    sandboxedCode(adapters),
    '',
    '',
    '___WEB_PERMISSIONS___',
    '',
    json(permissions(adapters)),
    '',
    '',
    '___TESTS___',
    '',
    testsYaml(),
    '',
    '',
    '___NOTES___',
    '',
    `Generated from gtm-template/src by \`npm run generate\` for ${pkg.name} ${pkg.version}; edit the sources, not this file.`,
    '',
    '',
  ].join('\n');
}
