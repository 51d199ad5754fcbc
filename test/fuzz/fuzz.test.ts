import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { VENDOR_GLOBALS } from '../../fixtures/vendorGlobals';
import { chiliPiperStages } from '../../src/vendors/chili_piper';
import { customerlyStages } from '../../src/vendors/customerly';
import { genesysStages } from '../../src/vendors/genesys';
import { userlikeStages } from '../../src/vendors/userlike';
import { dataLayer, installBridge, postMessageFrom, testWindow } from '../helpers';
import { CONTACT, expectValidPush, hostile, materialize, personal } from './arbitraries';

const RUNS = Number(process.env.FUZZ_RUNS) || 1000;
const GENUINE = ['https://acme.chilipiper.com', 'https://acme.na.chilipiper.com'];
const FOREIGN = [
  'https://chilipiper.com.evil.net',
  'https://evilchilipiper.com',
  'http://acme.chilipiper.com',
  'null',
  '',
  'https://ads.example.net',
];

afterEach(() => {
  for (const key of VENDOR_GLOBALS) delete testWindow[key];
});

/** Resets the dataLayer between runs and checks what the run pushed. */
function pushesOf(run: () => void): Record<string, unknown>[] {
  testWindow.dataLayer = [];
  expect(run).not.toThrow();
  const pushes = dataLayer();
  for (const push of pushes) expectValidPush(push);
  return pushes;
}

describe('fuzzing the Chili Piper message handler', () => {
  it('never throws, never pushes from a foreign origin, pushes only known actions, never personal data', () => {
    installBridge({ hashEmail: true });
    const action = fc.oneof(fc.constantFrom(...Object.keys(chiliPiperStages)), fc.string(), personal);
    const message = fc.oneof(
      hostile,
      fc.record({ action, args: hostile }),
      fc.record({
        action,
        args: fc.record({
          routeId: fc.oneof(fc.string(), personal, hostile),
          slot: hostile,
          time: hostile,
          timezone: fc.oneof(personal, fc.string()),
        }),
      }),
      fc.record({ routeId: fc.oneof(fc.string(), personal), eventId: hostile, email: personal }),
      fc.dictionary(fc.constantFrom(...Object.keys(chiliPiperStages), 'x', '__proto__'), hostile, { maxKeys: 2 }),
    );
    let pushed = 0;
    fc.assert(
      fc.property(fc.constantFrom(...GENUINE, ...FOREIGN), message, (origin, data) => {
        const pushes = pushesOf(() => postMessageFrom(origin, materialize(data)));
        if (FOREIGN.includes(origin)) expect(pushes).toEqual([]);
        for (const push of pushes) expect(Object.keys(chiliPiperStages)).toContain(push.widget_action);
        pushed += pushes.length;
      }),
      { numRuns: RUNS },
    );
    expect(pushed).toBeGreaterThan(0); // positive control: genuine, well-formed messages were pushed
  });
});

describe('fuzzing the Customerly callback hooks', () => {
  it('never throws into the messenger, pushes valid events without personal data, whatever the arguments', () => {
    installBridge({ hashEmail: true });
    const site = { calls: 0 };
    testWindow.customerly = [];
    const namespace = testWindow.customerly as Record<string, unknown>;
    namespace.settings = { callbacks: { onChatOpened: () => site.calls++ } };
    const names = fc.constantFrom(...Object.keys(customerlyStages));
    // Article titles are free text: contact data planted there must be dropped (a bare name cannot be told from a title).
    const title = fc.oneof(
      fc.string(),
      fc.constantFrom(...CONTACT),
      fc.tuple(fc.string(), fc.constantFrom(...CONTACT)).map(([text, contact]) => text + ' ' + contact),
    );
    const article = fc.record({
      knowledge_base_article_id: fc.oneof(fc.integer(), hostile),
      slug: fc.string(),
      title,
      body: personal,
      written_by: personal,
    });
    const args = fc.array(fc.oneof(hostile, article), { maxLength: 3 });
    let pushed = 0;
    fc.assert(
      fc.property(names, args, fc.boolean(), (name, callArgs, viaSettings) => {
        // The site set only onChatOpened in load(): the messenger finds the others on the namespace.
        const callbacks = (namespace.settings as Record<string, unknown>).callbacks as Record<string, unknown>;
        const target = viaSettings && name == 'onChatOpened' ? callbacks : namespace;
        pushed += pushesOf(() => (target[name] as (...a: unknown[]) => unknown)(...(materialize(callArgs) as unknown[]))).length;
      }),
      { numRuns: RUNS },
    );
    expect(pushed).toBeGreaterThan(0);
    expect(site.calls).toBeGreaterThan(0); // the site's callback kept being called
  });

  it('survives hostile values assigned to window.customerly and its settings', () => {
    installBridge();
    fc.assert(
      fc.property(hostile, hostile, (rawNamespace, rawSettings) => {
        const namespace = materialize(rawNamespace);
        const settings = materialize(rawSettings);
        expect(() => {
          testWindow.customerly = namespace;
          // A proxy that refuses assignments would throw on the site's own write: not the bridge's doing.
          if (typeof namespace == 'object' && namespace !== null && rawNamespace !== '<throwing proxy>') {
            (namespace as Record<string, unknown>).settings = settings;
          }
        }).not.toThrow();
      }),
      { numRuns: RUNS / 4 },
    );
  });
});

describe('fuzzing the Userlike tracking function', () => {
  it('never throws into the widget, pushes only known events, never personal data', () => {
    installBridge();
    const context = fc.oneof(
      hostile,
      fc.record({
        client_name: personal,
        client_email: personal,
        operator_name: personal,
        custom_data: hostile,
        chat_id: fc.oneof(fc.string(), personal),
        session_id: fc.string(),
        widget_id: fc.oneof(fc.integer(), hostile),
        widget_lang: fc.string(),
        operator_id: fc.oneof(fc.integer(), personal),
        operator_group_id: fc.integer(),
      }),
    );
    const name = fc.oneof(fc.constantFrom(...Object.keys(userlikeStages)), fc.string(), hostile);
    let pushed = 0;
    fc.assert(
      fc.property(name, context, context, (event, globalContext, sessionContext) => {
        const pushes = pushesOf(() =>
          (testWindow.userlikeTrackingEvent as (...a: unknown[]) => unknown)(
            materialize(event),
            materialize(globalContext),
            materialize(sessionContext),
          ),
        );
        for (const push of pushes) expect(Object.keys(userlikeStages)).toContain(push.widget_action);
        pushed += pushes.length;
      }),
      { numRuns: RUNS },
    );
    expect(pushed).toBeGreaterThan(0);
  });
});

describe('fuzzing the Genesys bus subscription', () => {
  it('never throws into the bus, pushes valid events without form data, whatever the metadata', () => {
    installBridge();
    const handlers: Record<string, (event: unknown) => void> = {};
    testWindow.CXBus = {
      registerPlugin: () => ({ subscribe: (name: string, handler: (event: unknown) => void) => (handlers[name] = handler) }),
    };
    const metadata = fc.oneof(
      hostile,
      fc.record({
        proactive: hostile,
        prefilled: fc.boolean(),
        autoSubmitted: hostile,
        errors: hostile,
        opened: fc.oneof(fc.integer(), hostile),
        completed: fc.oneof(fc.integer(), hostile),
        userData: fc.dictionary(fc.string(), personal),
        form: hostile,
      }),
    );
    let pushed = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.keys(genesysStages)),
        fc.oneof(hostile, fc.record({ event: fc.string(), data: metadata })),
        (name, event) => {
          pushed += pushesOf(() => handlers[name](materialize(event))).length;
        },
      ),
      { numRuns: RUNS },
    );
    expect(pushed).toBeGreaterThan(0);
  });

  it('survives hostile values assigned to window._genesys, its widgets and CXBus', () => {
    installBridge();
    fc.assert(
      fc.property(hostile, hostile, hostile, (rawConfig, rawWidgets, rawBus) => {
        const [config, widgets, bus] = [rawConfig, rawWidgets, rawBus].map(materialize);
        expect(() => {
          testWindow._genesys = config;
          if (typeof config == 'object' && config !== null && rawConfig !== '<throwing proxy>') {
            (config as Record<string, unknown>).widgets = widgets;
          }
          testWindow.CXBus = bus;
        }).not.toThrow();
      }),
      { numRuns: RUNS / 4 },
    );
  });
});
