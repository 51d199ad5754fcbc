import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STAGES } from '../../src/core/schema';

const guide = readFileSync('docs/ga4.md', 'utf8');
const svg = readFileSync('docs/event-flow.svg', 'utf8');

describe('docs/ga4.md', () => {
  it('covers install, Preview, custom dimensions, the key event and the funnel, with the diagram', () => {
    for (const heading of [
      '## 1. Install',
      '## 2. Check it in GTM Preview',
      '## 4. Register custom dimensions',
      '## 5. Mark `generate_lead` as a key event',
      '## 6. Build the funnel',
    ]) {
      expect(guide).toContain(heading);
    }
    expect(guide).toContain('(event-flow.svg)');
  });

  it('gives a trigger regex that matches every stage event and generate_lead', () => {
    const pattern = new RegExp(guide.match(/event name `(\^\(widget_[^`]+)`/)![1]);
    for (const stage of STAGES) expect(pattern.test('widget_' + stage), stage).toBe(true);
    expect(pattern.test('generate_lead')).toBe(true);
    expect(pattern.test('widget_opened')).toBe(false);
  });

  it('ships a well-formed SVG with the five funnel steps', () => {
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    expect(doc.documentElement.nodeName.toLowerCase()).toBe('svg');
    for (const stage of ['view', 'open', 'start', 'submit', 'complete']) expect(svg).toContain('widget_' + stage);
  });
});
