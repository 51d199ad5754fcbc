import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STAGES } from '../../src/core/schema';
import { ADAPTERS, SCHEMA_KEYS } from '../../src/vendors/registry';

const guide = readFileSync('docs/ga4.md', 'utf8');
const templateReadme = readFileSync('gtm-template/README.md', 'utf8');
const svg = readFileSync('docs/event-flow.svg', 'utf8');
const headings = [...guide.matchAll(/^## (.+)$/gm)].map((match) => match[1]);

describe('docs/ga4.md', () => {
  it('follows the import: container, measurement ID, verification, funnel, key event; then the other routes', () => {
    expect(headings).toEqual([
      '1. Make your container and import it',
      '2. Set your measurement ID and publish',
      '3. Verify in Preview and DebugView',
      '4. Build the funnel',
      '5. Mark `generate_lead` as a key event',
      'Other ways to install the bridge',
    ]);
    expect(guide).toContain('(event-flow.svg)');
    // DebugView in step 3, custom dimensions before the funnel that breaks down by them.
    const section = (n: number) => guide.split(/^## /m)[n];
    expect(section(3)).toContain('DebugView');
    expect(section(4).indexOf('Create custom')).toBeLessThan(section(4).indexOf('Funnel exploration'));
  });

  it('names the entities of the container the command it gives prints, with the placeholder the guide says to replace', () => {
    const command = guide.match(
      /`npx gtm-widget-bridge (paste --vendors [\w,]+) --config config\.json (--container paste) > container\.json`/,
    )!;
    const printed = spawnSync('node', ['bin/gtm-widget-bridge.mjs', ...command[1].split(' '), ...command[2].split(' ')], {
      encoding: 'utf8',
    });
    expect(printed.status).toBe(0);
    const version = JSON.parse(printed.stdout).containerVersion as Record<string, { name: string; parameter?: { value?: string }[] }[]>;
    const names = [...version.tag, ...version.trigger, ...version.variable].map((entity) => entity.name);
    const rows = [...guide.matchAll(/^\| \*\*(gtm-widget-bridge - [^*]+)\*\* \| (.+) \|$/gm)];
    expect(rows.length).toBe(6);
    for (const [, name, what] of rows) {
      if (name.endsWith('…'))
        expect(
          names.some((entity) => entity.startsWith(name.slice(0, -1))),
          name,
        ).toBe(true);
      // The default options do not hash e-mails: the row that says so is absent, the others present.
      else expect(names.includes(name), name).toBe(!/only with `hashEmail`/.test(what));
    }
    expect(JSON.stringify(version.variable)).toContain('G-XXXXXXXXXX');
  });

  it('gives a manual trigger that matches every stage event and generate_lead, with the widget_vendor condition', () => {
    const pattern = new RegExp(guide.match(/event name `(\^\(widget_[^`]+)`/)![1]);
    for (const stage of STAGES) expect(pattern.test('widget_' + stage), stage).toBe(true);
    expect(pattern.test('generate_lead')).toBe(true);
    expect(pattern.test('widget_opened')).toBe(false);
    const vendors = new RegExp(guide.match(/`widget_vendor` variable of step 1 matches the regex `([^`]+)`/)![1]);
    expect(vendors.test('chili_piper')).toBe(true);
    expect(vendors.test('undefined')).toBe(false);
    for (const id of guide.match(/matches the regex `\^\(([^)]+)\)\$`/)![1].split('|'))
      expect(ADAPTERS.map((adapter) => adapter.vendor)).toContain(id);
  });

  it('gives the template route with its publication caveat and the Gallery search term of the template’s README', () => {
    const term = (text: string) => text.match(/Search Gallery\* for \*\*([^*]+)\*\*/)![1];
    expect(term(guide)).toBe(term(templateReadme));
    expect(term(guide)).toBe(JSON.parse(readFileSync('package.json', 'utf8')).name);
    expect(guide).toMatch(/Until that version is published on npm, the jsDelivr URL answers 404/);
  });

  it('recommends at most 25 custom dimensions, each a key every push carries', () => {
    // GA4 standard properties have 50 event-scoped custom dimensions (support.google.com/analytics/answer/10075209).
    const table = guide.split('| dimension name | event parameter | why |')[1].split('\n\n')[0];
    const parameters = [...table.matchAll(/^\| [^|]+ \| `([a-z_]+)` \|/gm)].map((match) => match[1]);
    expect(parameters.length).toBeGreaterThan(0);
    expect(parameters.length).toBeLessThanOrEqual(25);
    for (const parameter of parameters) expect(SCHEMA_KEYS, parameter).toContain(parameter);
  });

  it('ships a well-formed SVG with the five funnel steps', () => {
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    expect(doc.documentElement.nodeName.toLowerCase()).toBe('svg');
    for (const stage of ['view', 'open', 'start', 'submit', 'complete']) expect(svg).toContain('widget_' + stage);
  });
});
