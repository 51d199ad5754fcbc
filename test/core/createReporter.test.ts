import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AnyVendorAdapter } from '../../src/core/adapter';
import { parseConfig } from '../../src/authoring/config';
import type { BridgeConfig } from '../../src/index';
import { createLog } from '../../src/core/log';
import { DUPLICATE_WINDOW_MS, createReporter } from '../../src/core/createReporter';
import { ADAPTERS, SCHEMA_KEYS } from '../../src/vendors/registry';
import { dataLayer, definedParams, eventNames, testWindow } from '../helpers';

const adapter: AnyVendorAdapter = {
  vendor: 'chili_piper',
  product: 'concierge',
  stages: {
    opened: 'open',
    'booking-confirmed': 'complete',
    booked: 'submit',
    minimized: 'interaction',
  },
  leadActions: ['booking-confirmed'],
  keys: [],
  install: () => {},
};

function reporter(config: BridgeConfig = {}, vendorAdapter = adapter) {
  const resolved = parseConfig(config, ADAPTERS);
  return createReporter(resolved, createLog(resolved.debug), SCHEMA_KEYS).reporterFor(vendorAdapter);
}

afterEach(() => {
  delete testWindow.dataLayer;
  delete testWindow.myLayer;
  delete testWindow.gtag;
  vi.useRealTimers();
});

describe('createReporter', () => {
  it('maps the action to its stage and pushes every schema key', () => {
    reporter()({ widget_action: 'opened', widget_interaction_id: 'r1' });
    expect(dataLayer()).toHaveLength(1);
    const [push] = dataLayer();
    expect(Object.keys(push)).toEqual([...SCHEMA_KEYS]);
    expect(definedParams(push)).toEqual({
      event: 'widget_open',
      widget_vendor: 'chili_piper',
      widget_product: 'concierge',
      widget_action: 'opened',
      widget_stage: 'open',
      widget_interaction_id: 'r1',
      widget_schema: 1,
    });
  });

  it('uses the configured prefix in the event name but keeps widget_stage', () => {
    reporter({ eventPrefix: 'chat_' })({ widget_action: 'opened' });
    expect(dataLayer()[0]).toMatchObject({ event: 'chat_open', widget_stage: 'open' });
  });

  it('pushes nothing for an unknown action, including inherited property names', () => {
    const report = reporter();
    for (const action of ['nope', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '']) {
      report({ widget_action: action });
    }
    expect(dataLayer()).toEqual([]);
    report({ widget_action: 'opened' }); // positive control
    expect(eventNames()).toEqual(['widget_open']);
  });

  it('pushes the same vendor + action + interaction once within the window, again after it', () => {
    vi.useFakeTimers();
    const report = reporter();
    report({ widget_action: 'opened', widget_interaction_id: 'r1' });
    report({ widget_action: 'opened', widget_interaction_id: 'r1' });
    report({ widget_action: 'opened', widget_interaction_id: 'r2' }); // other interaction: pushed
    report({ widget_action: 'booked', widget_interaction_id: 'r1' }); // other action: pushed
    expect(eventNames()).toEqual(['widget_open', 'widget_open', 'widget_submit']);
    report({ widget_action: 'minimized', widget_interaction_id: 'r1' });
    report({ widget_action: 'minimized', widget_interaction_id: 'r1' });
    expect(eventNames()).toEqual(['widget_open', 'widget_open', 'widget_submit', 'widget_interaction']);
    vi.advanceTimersByTime(DUPLICATE_WINDOW_MS + 1);
    report({ widget_action: 'minimized', widget_interaction_id: 'r1' });
    expect(eventNames()).toEqual(['widget_open', 'widget_open', 'widget_submit', 'widget_interaction', 'widget_interaction']);
  });

  it('pushes a funnel step the interaction (or scope) already reached or passed as an interaction, other stages as they are', () => {
    vi.useFakeTimers();
    const report = reporter();
    report({ widget_action: 'opened', widget_interaction_id: 'r1' });
    vi.advanceTimersByTime(DUPLICATE_WINDOW_MS + 1);
    report({ widget_action: 'opened', widget_interaction_id: 'r1' }); // the same step of r1 again: an interaction
    report({ widget_action: 'opened', scope: 'frame1' }); // another scope: open
    report({ widget_action: 'opened', widget_interaction_id: 'r9', scope: 'frame1' }); // the scope decides: an interaction
    vi.advanceTimersByTime(DUPLICATE_WINDOW_MS + 1);
    report({ widget_action: 'opened' }); // no interaction known: its own stage
    report({ widget_action: 'minimized', widget_interaction_id: 'r1' });
    vi.advanceTimersByTime(DUPLICATE_WINDOW_MS + 1);
    report({ widget_action: 'minimized', widget_interaction_id: 'r1' });
    expect(dataLayer().map((push) => [push.event, push.widget_action, push.widget_stage])).toEqual([
      ['widget_open', 'opened', 'open'],
      ['widget_interaction', 'opened', 'interaction'],
      ['widget_open', 'opened', 'open'],
      ['widget_interaction', 'opened', 'interaction'],
      ['widget_open', 'opened', 'open'],
      ['widget_interaction', 'minimized', 'interaction'],
      ['widget_interaction', 'minimized', 'interaction'],
    ]);
    // The scope is the bridge's own bookkeeping: never pushed.
    expect(JSON.stringify(dataLayer())).not.toContain('frame1');
  });

  it('never lets the funnel run backwards: a step before the furthest one reached is an interaction, a later one a step', () => {
    const report = reporter({ eventPrefix: 'chat_' });
    report({ widget_action: 'booked', widget_interaction_id: 'r1' }); // submit
    report({ widget_action: 'opened', widget_interaction_id: 'r1' }); // open after submit: an interaction
    report({ widget_action: 'booking-confirmed', widget_interaction_id: 'r1' }); // complete: further, a step
    report({ widget_action: 'booked', widget_interaction_id: 'r2' }); // another interaction has its own funnel
    expect(dataLayer().map((push) => [push.event, push.widget_action, push.widget_stage])).toEqual([
      ['chat_submit', 'booked', 'submit'],
      ['chat_interaction', 'opened', 'interaction'],
      ['chat_complete', 'booking-confirmed', 'complete'],
      ['generate_lead', 'booking-confirmed', 'complete'],
      ['chat_submit', 'booked', 'submit'],
    ]);
  });

  it('tells an exact duplicate from a repeated step: the copy is dropped, the repeat pushed as an interaction', () => {
    vi.useFakeTimers();
    const report = reporter();
    report({ widget_action: 'opened', widget_interaction_id: 'r1' });
    report({ widget_action: 'opened', widget_interaction_id: 'r1' }); // the same event again at once: one event
    expect(eventNames()).toEqual(['widget_open']);
    report({ widget_action: 'opened', widget_interaction_id: 'r1', widget_timezone: 'Europe/Berlin' }); // not the same event
    expect(eventNames()).toEqual(['widget_open', 'widget_interaction']);
  });

  it('never writes to the event the adapter reported', () => {
    const event = { widget_action: 'booking-confirmed', widget_interaction_id: 'r1', email: 'jane@example.com' };
    const copy = { ...event };
    reporter()(event);
    expect(event).toEqual(copy);
    expect(eventNames()).toEqual(['widget_complete', 'generate_lead']);
  });

  it('adds generate_lead once per interaction on a lead action', () => {
    vi.useFakeTimers();
    const report = reporter();
    report({ widget_action: 'booking-confirmed', widget_interaction_id: 'r1', widget_event_id: 'e1' });
    vi.advanceTimersByTime(DUPLICATE_WINDOW_MS + 1);
    report({ widget_action: 'booking-confirmed', widget_interaction_id: 'r1', widget_event_id: 'e1' }); // the same step again: no lead
    report({ widget_action: 'booking-confirmed', widget_interaction_id: 'r2' });
    expect(eventNames()).toEqual(['widget_complete', 'generate_lead', 'widget_interaction', 'widget_complete', 'generate_lead']);
    expect(definedParams(dataLayer()[1])).toEqual({
      event: 'generate_lead',
      widget_vendor: 'chili_piper',
      widget_product: 'concierge',
      widget_action: 'booking-confirmed',
      widget_stage: 'complete',
      widget_interaction_id: 'r1',
      widget_event_id: 'e1',
      lead_source: 'chili_piper',
      widget_schema: 1,
    });
  });

  it('sends the lead of an interaction whose lead action came after the step was reached, with the stage of its action', () => {
    const report = reporter({}, { ...adapter, leadsNeedId: true });
    report({ widget_action: 'booking-confirmed', scope: 'frame1' }); // a malformed confirmation: no id, not the vendor's lead
    report({ widget_action: 'booking-confirmed', scope: 'frame1', widget_interaction_id: 'r1', widget_event_id: 'e1' });
    expect(dataLayer().map((push) => [push.event, push.widget_stage, push.widget_interaction_id])).toEqual([
      ['widget_complete', 'complete', undefined],
      ['widget_interaction', 'interaction', 'r1'],
      ['generate_lead', 'complete', 'r1'],
    ]);
  });

  it('sends an id-less lead once per page for vendors whose leads may have no id, none for those that name every lead', () => {
    vi.useFakeTimers();
    const report = reporter({}, { ...adapter, leadsNeedId: false });
    report({ widget_action: 'booking-confirmed', scope: 'conversation1' });
    vi.advanceTimersByTime(DUPLICATE_WINDOW_MS + 1);
    report({ widget_action: 'booking-confirmed', scope: 'conversation2' });
    expect(eventNames()).toEqual(['widget_complete', 'generate_lead', 'widget_complete']);
    delete testWindow.dataLayer;
    const strict = reporter({}, { ...adapter, leadsNeedId: true });
    strict({ widget_action: 'booking-confirmed', scope: 'conversation1' });
    strict({ widget_action: 'booking-confirmed', scope: 'conversation1', widget_interaction_id: 'c1' });
    expect(eventNames()).toEqual(['widget_complete', 'widget_interaction', 'generate_lead']);
  });

  it('counts one lead per interaction even when several actions are leads', () => {
    const report = reporter({ leadActions: { chili_piper: ['booked', 'booking-confirmed'] } });
    report({ widget_action: 'booked', widget_interaction_id: 'r1' });
    report({ widget_action: 'booking-confirmed', widget_interaction_id: 'r1' });
    expect(eventNames()).toEqual(['widget_submit', 'generate_lead', 'widget_complete']);
  });

  it('replaces the default lead actions with the configured ones', () => {
    const report = reporter({ leadActions: { chili_piper: ['booked'] } });
    report({ widget_action: 'booking-confirmed', widget_interaction_id: 'r1' });
    report({ widget_action: 'booked', widget_interaction_id: 'r2' });
    expect(eventNames()).toEqual(['widget_complete', 'widget_submit', 'generate_lead']);
  });

  it('sends no generate_lead when generateLead is false', () => {
    const report = reporter({ generateLead: false });
    report({ widget_action: 'booking-confirmed', widget_interaction_id: 'r1' });
    expect(eventNames()).toEqual(['widget_complete']);
  });

  it('warns about configured lead actions the vendor does not have', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    reporter({ leadActions: { chili_piper: ['booking_confirmed', 'booked'] } });
    expect(warn.mock.calls).toEqual([
      [
        '[gtm-widget-bridge] W4 config.leadActions.chili_piper[0] https://github.com/gtm-widget-bridge/gtm-widget-bridge/blob/main/docs/warnings.md#w4',
      ],
    ]);
  });

  it('resets the previous push’s keys: nothing leaks from a lead into the next event', () => {
    const report = reporter();
    report({ widget_action: 'booking-confirmed', widget_interaction_id: 'r1', widget_event_id: 'e1', widget_timezone: 'UTC' });
    report({ widget_action: 'opened' });
    const last = dataLayer()[2];
    for (const key of ['lead_source', 'widget_event_id', 'widget_timezone', 'widget_interaction_id', 'user_data']) {
      expect(key in last, key).toBe(true);
      expect(last[key], key).toBeUndefined();
    }
    expect(dataLayer()[1].lead_source).toBe('chili_piper'); // positive control
  });

  it('resolves the dataLayer at push time and creates it when missing', () => {
    const report = reporter();
    report({ widget_action: 'opened', widget_interaction_id: 'a' });
    const first = testWindow.dataLayer as unknown[];
    const replacement: unknown[] = [];
    testWindow.dataLayer = replacement;
    report({ widget_action: 'opened', widget_interaction_id: 'b' });
    expect(first).toHaveLength(1);
    expect(replacement).toHaveLength(1);
  });

  it('pushes to a configured dataLayer name', () => {
    reporter({ dataLayerName: 'myLayer' })({ widget_action: 'opened' });
    expect(eventNames('myLayer')).toEqual(['widget_open']);
    expect(testWindow.dataLayer).toBeUndefined();
  });

  it('calls a site-replaced dataLayer.push (as GTM does)', () => {
    const received: unknown[] = [];
    testWindow.dataLayer = { push: (item: unknown) => received.push(item) };
    reporter()({ widget_action: 'opened' });
    expect(received).toMatchObject([{ event: 'widget_open' }]);
  });

  it('calls gtag("event", name, defined params) when output is gtag', () => {
    const gtag = vi.fn();
    testWindow.gtag = gtag;
    reporter({ output: 'gtag' })({ widget_action: 'booking-confirmed', widget_interaction_id: 'r1' });
    expect(gtag.mock.calls).toEqual([
      [
        'event',
        'widget_complete',
        {
          widget_vendor: 'chili_piper',
          widget_product: 'concierge',
          widget_action: 'booking-confirmed',
          widget_stage: 'complete',
          widget_interaction_id: 'r1',
          widget_schema: 1,
        },
      ],
      ['event', 'generate_lead', expect.objectContaining({ lead_source: 'chili_piper', widget_interaction_id: 'r1' })],
    ]);
    expect(testWindow.dataLayer).toEqual([]);
  });

  it('queues gtag calls in the dataLayer like the gtag.js snippet when gtag is not there yet', () => {
    reporter({ output: 'gtag' })({ widget_action: 'opened' });
    const [queued] = dataLayer() as unknown as IArguments[];
    expect(Object.prototype.toString.call(queued)).toBe('[object Arguments]');
    expect(Array.from(queued)).toEqual(['event', 'widget_open', expect.objectContaining({ widget_stage: 'open' })]);
  });

  it('logs one line per vendor event and per push in debug mode, nothing otherwise', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    reporter()({ widget_action: 'opened' });
    expect(log).not.toHaveBeenCalled();
    reporter({ debug: true })({ widget_action: 'booking-confirmed', widget_interaction_id: 'r9' });
    expect(log.mock.calls.map((call) => call[0])).toEqual([
      '[gtm-widget-bridge] chili_piper "booking-confirmed" → widget_complete',
      '[gtm-widget-bridge] push widget_complete',
      '[gtm-widget-bridge] push generate_lead',
    ]);
    expect(log.mock.calls[1][1]).toMatchObject({ event: 'widget_complete', widget_interaction_id: 'r9' });
  });

  it('pushes into a dataLayer held in a non-writable property (and never reassigns it)', () => {
    const layer: unknown[] = [];
    Object.defineProperty(window, 'lockedLayer', { value: layer, writable: false, configurable: true });
    try {
      reporter({ dataLayerName: 'lockedLayer' })({ widget_action: 'opened' });
      expect(layer).toHaveLength(1);
      expect((layer[0] as Record<string, unknown>).event).toBe('widget_open');
    } finally {
      delete (window as unknown as Record<string, unknown>).lockedLayer;
    }
  });

  it('hashes only what is shaped like an e-mail address: blank leads share no hash', async () => {
    const report = reporter({ hashEmail: true });
    for (const [id, email] of [
      ['r1', '   '],
      ['r2', ''],
      ['r3', 'not an address'],
      ['r4', ' Jane.Doe@Example.com '],
    ]) {
      report({ widget_action: 'booking-confirmed', widget_interaction_id: id, email });
    }
    await vi.waitFor(() => expect(dataLayer().filter((push) => push.event == 'generate_lead')).toHaveLength(4));
    const hashed = dataLayer().filter((push) => push.user_data !== undefined);
    expect(hashed.map((push) => push.widget_interaction_id)).toEqual(['r4']);
  });

  it('ignores keys added to Object.prototype: no parameter, no push change, in both outputs', () => {
    const proto = Object.prototype as Record<string, unknown>;
    proto.polluted = 'from another script';
    try {
      const gtag = vi.fn();
      testWindow.gtag = gtag;
      reporter({ output: 'gtag' })({ widget_action: 'opened' });
      reporter()({ widget_action: 'booked' });
      expect(gtag).toHaveBeenCalledTimes(1);
      expect(Object.keys(gtag.mock.calls[0][2])).not.toContain('polluted');
      expect(Object.keys(gtag.mock.calls[0][2])).toContain('widget_action'); // positive control
      expect(Object.keys(dataLayer()[0])).toEqual([...SCHEMA_KEYS]);
    } finally {
      delete proto.polluted;
    }
  });
});
