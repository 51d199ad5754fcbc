import { describe, expect, it } from 'vitest';
import { renderEventsDoc } from '../../scripts/render/eventsDoc';
import { DOCUMENTED_ADAPTERS } from '../../src/vendors/manifest';

describe('docs/events.md', () => {
  // That the committed file matches is checked by `npm run generate -- --check`, part of npm test.
  it('documents every action of every vendor with its stage and its reason', () => {
    const doc = renderEventsDoc();
    for (const adapter of DOCUMENTED_ADAPTERS) {
      // Every reason belongs to an action of the table, and every action has one.
      expect(Object.keys(adapter.docs.reasons).sort(), adapter.vendor).toEqual(Object.keys(adapter.stages).sort());
      for (const [action, stage] of Object.entries(adapter.stages)) {
        const reason = adapter.docs.reasons[action];
        expect(reason, `${adapter.vendor} ${action}`).toBeTruthy();
        const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        expect(doc).toMatch(
          new RegExp(
            '\\| `' +
              escape(action) +
              '` \\| ' +
              stage +
              ' \\| `widget_' +
              stage +
              '` \\| [^|]*\\| ' +
              escape((reason as string).slice(0, 20)),
          ),
        );
      }
    }
  });
});
