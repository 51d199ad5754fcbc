import { afterEach, describe, expect, it } from 'vitest';
import type { HappyPath } from '../src/core/adapter';
import { ADAPTERS } from '../src/vendors/registry';
import { FUNNEL_STEPS } from './funnelSteps';
import { CHILI_PIPER_ORIGIN, dataLayer, installBridge, postMessageFrom, testWindow } from './helpers';

afterEach(() => {
  for (const key of ['customerly', 'userlikeTrackingEvent', '_genesys', 'CXBus']) delete testWindow[key];
});

type Handler = (event: unknown) => void;

type Path = HappyPath & { vendor: string };

/** Every vendor's documented happy paths (the docs in each vendor's stages.ts). */
const HAPPY_PATHS: Path[] = ADAPTERS.flatMap((adapter) =>
  adapter.docs ? adapter.docs.happyPaths.map((path) => ({ ...path, vendor: adapter.vendor })) : [],
);

/** Feeds one vendor event to the installed bridge through the vendor's own channel. */
function driverFor(path: Path): (name: string) => void {
  switch (path.vendor) {
    case 'chili_piper':
      return (action) => postMessageFrom(CHILI_PIPER_ORIGIN, { action, args: { routeId: 'route-1' } });
    case 'customerly': {
      testWindow.customerly = [];
      const namespace = testWindow.customerly as unknown as Record<string, (...args: unknown[]) => void>;
      const args: Record<string, unknown[]> = {
        onNewMessageReceived: [{ conversationId: 42 }],
        onRealtimeVideoReceived: [{ conversation_id: 42 }],
        onRealtimeVideoAnswered: [{ conversation_id: 42 }],
        onLeadGenerated: ['lead@example.com'],
      };
      return (name) => namespace[name](...(args[name] || []));
    }
    case 'userlike':
      return (name) =>
        (testWindow.userlikeTrackingEvent as (...args: unknown[]) => void)(name, { widget_id: 1 }, { session_id: 'session-1' });
    case 'genesys': {
      const handlers: Record<string, Handler[]> = {};
      testWindow._genesys = { widgets: { clicktocall: {}, callback: {}, webchat: {}, sendmessage: {} } };
      testWindow.CXBus = {
        registerPlugin: () => ({ subscribe: (name: string, handler: Handler) => (handlers[name] = handlers[name] || []).push(handler) }),
      };
      const metadata: Record<string, unknown> = { id: path.name.includes('8.5') ? undefined : 'ixn-1' };
      let time = 1700000000000;
      return (name) => {
        metadata[name.split('.')[1]] = time += 1000;
        for (const handler of handlers[name] || [])
          handler({ event: name, data: name.startsWith('WebChatService.started') ? { sessionID: 'session-1' } : { ...metadata } });
      };
    }
    default:
      throw new Error('no driver for ' + path.vendor + ': add one when adding a vendor');
  }
}

describe('funnel order: walking each product’s happy path in vendor order, the pushed stages never go backwards', () => {
  for (const path of HAPPY_PATHS) {
    it(`${path.vendor} ${path.product}: ${path.name}`, () => {
      installBridge();
      const send = driverFor(path);
      for (const name of path.events) send(name);
      const stages = dataLayer()
        .filter((push) => push.event != 'generate_lead' && FUNNEL_STEPS.includes(push.widget_stage as string))
        .map((push) => push.widget_stage as string);
      // Positive control: the path reaches at least open and a later step.
      expect(stages.length).toBeGreaterThanOrEqual(2);
      const order = stages.map((stage) => FUNNEL_STEPS.indexOf(stage));
      for (let i = 1; i < order.length; i++) expect(order[i], `${stages.join(' → ')}`).toBeGreaterThan(order[i - 1]);
      // Every push belongs to the path's product.
      for (const push of dataLayer()) expect(push.widget_product).toBe(path.product);
    });
  }

  it('walks at least one path of every vendor', () => {
    for (const adapter of ADAPTERS)
      expect(
        HAPPY_PATHS.some((path) => path.vendor == adapter.vendor),
        adapter.vendor,
      ).toBe(true);
  });

  it('detects a backwards step (the property is not vacuous)', () => {
    installBridge();
    const send = driverFor({ vendor: 'userlike', product: 'messenger', name: 'control', events: [] });
    // In a new session each: a submit, then a start.
    send('register_submit');
    (testWindow.userlikeTrackingEvent as (...args: unknown[]) => void)('chat_started', {}, { session_id: 'session-2' });
    const order = dataLayer().map((push) => FUNNEL_STEPS.indexOf(push.widget_stage as string));
    expect(order[1]).toBeLessThan(order[0]);
  });
});
