import { describe, expect, it } from 'vitest';
import { renderEventsDoc } from '../../scripts/render/eventsDoc';
import { ADAPTERS } from '../../src/vendors/registry';

describe('docs/events.md', () => {
  // That the committed file matches is checked by `npm run generate -- --check`, part of npm test.
  it('documents every action of every vendor with its stage and its reason', () => {
    const doc = renderEventsDoc();
    for (const adapter of ADAPTERS) {
      for (const [action, [stage, reason]] of Object.entries(adapter.stages)) {
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
