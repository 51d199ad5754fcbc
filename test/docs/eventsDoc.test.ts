import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderEventsDoc } from '../../scripts/eventsDoc';
import { chiliPiperStages } from '../../src/vendors/chili-piper';

describe('docs/events.md', () => {
  it('matches the mapping tables (run `npm run generate` after changing them)', () => {
    expect(readFileSync('docs/events.md', 'utf8')).toBe(renderEventsDoc());
  });

  it('documents every Chili Piper action with its stage and a reason', () => {
    const doc = renderEventsDoc();
    for (const [action, stage] of Object.entries(chiliPiperStages)) {
      expect(doc).toMatch(new RegExp('\\| `' + action + '` \\| ' + stage + ' \\| `widget_' + stage + '` \\| [^|]*\\| \\w'));
    }
  });
});
