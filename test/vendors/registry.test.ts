import { afterEach, describe, expect, it } from 'vitest';
import { optionComments } from '../../scripts/render/gtmPaste';
import { DIST_BASE, parameters, permissions, sandboxedCode } from '../../scripts/render/gtmTemplate';
import { renderEventsDoc } from '../../scripts/render/eventsDoc';
import { playgroundConfig, renderVendorParts } from '../../scripts/render/playground';
import { defineAdapter, stageOf, type Reasons, type StageTable } from '../../src/core/adapter';
import { parseConfig } from '../../src/authoring/config';
import { composeSchemaKeys, installBridge } from '../../src/core/installBridge';
import type { AssertNever } from '../../src/core/schema';
import type { BridgeConfig } from '../../src/index';
import { DOCUMENTED_ADAPTERS } from '../../src/vendors/manifest';
import { ADAPTERS } from '../../src/vendors/registry';
import { runScenario } from '../gtm-template/sandboxRunner';
import { dataLayer, definedParams, testWindow } from '../helpers';

// A throwaway fifth vendor, declared as a real one is (its folder would hold these three parts), to prove
// that everything vendor-specific outside a vendor's folder follows the registry.
interface AcmeParams {
  /** Acme's lead score for the chat. */
  widget_acme_score: number | undefined;
}
const acmeKeys = ['widget_acme_score'] as const satisfies readonly (keyof AcmeParams)[];
export type AcmeKeysComplete = AssertNever<Exclude<keyof AcmeParams, (typeof acmeKeys)[number]>>;

const acme = defineAdapter<'acme_chat', AcmeParams, 'acmeChat', { greeting: boolean }>({
  vendor: 'acme_chat',
  product: 'chat',
  stages: { 'chat.opened': 'open', 'chat.won': 'complete' },
  leadActions: ['chat.won'],
  keys: acmeKeys,
  options: {
    key: 'acmeChat',
    fields: { greeting: [(value) => (typeof value == 'boolean' ? value : undefined), 'true or false', () => false] },
  },
  install({ report, options, track }) {
    const w = testWindow;
    w.acmeChatEmit = (name: string, score: number) =>
      report({ widget_action: name, widget_acme_score: score, widget_interaction_id: options.greeting ? 'greeted' : 'silent' });
    track(() => delete w.acmeChatEmit);
  },
});
// Its docs.ts, which only the generators import.
const acmeDocs = {
  reasons: { 'chat.opened': 'The visitor opened the Acme chat.', 'chat.won': 'Acme says the chat converted.' },
  title: 'Acme Chat',
  groups: ['chat' as const],
  brand: '#123456',
  link: 'https://acme.example/docs/events',
  mechanism: 'window.acmeChatEmit(name, score), called by the Acme widget.',
  ignored: { 'chat.typing': 'Too chatty.' },
  happyPaths: [{ product: 'chat', name: 'chat won', events: ['chat.opened', 'chat.won'] }],
  template: { param: 'acmeChat', label: 'Acme Chat (test vendor)' },
  optionHelp: { greeting: 'say hello first.' },
};
const adapters = [...DOCUMENTED_ADAPTERS, Object.assign({}, acme, { docs: acmeDocs })];

afterEach(() => {
  const handle = testWindow.gtmWidgetBridge as { uninstall(): void } | undefined;
  if (handle) handle.uninstall();
  delete testWindow.dataLayer;
});

describe('a fifth vendor is one folder and one registry line', () => {
  it('is installed, configured under its own key, and its keys join every push', () => {
    const config = { vendors: ['acme_chat'], acmeChat: { greeting: true } };
    const warnings: string[] = [];
    parseConfig(config, adapters, (message) => warnings.push(message));
    expect(warnings).toEqual([]);
    installBridge(config, adapters, 'test');
    (testWindow.acmeChatEmit as (name: string, score: number) => void)('chat.won', 87);
    expect(dataLayer().map(definedParams)).toEqual([
      {
        event: 'widget_complete',
        widget_vendor: 'acme_chat',
        widget_product: 'chat',
        widget_action: 'chat.won',
        widget_stage: 'complete',
        widget_interaction_id: 'greeted',
        widget_acme_score: 87,
        widget_schema: 1,
      },
      {
        event: 'generate_lead',
        widget_vendor: 'acme_chat',
        widget_product: 'chat',
        widget_action: 'chat.won',
        widget_stage: 'complete',
        widget_interaction_id: 'greeted',
        widget_acme_score: 87,
        lead_source: 'acme_chat',
        widget_schema: 1,
      },
    ]);
    // Every push carries every key of every vendor, the fifth one's included, in registry order.
    // The keys of the vendors on the page: the configuration left the four others out.
    expect(Object.keys(dataLayer()[0])).toEqual(composeSchemaKeys([acme]));
    expect(composeSchemaKeys(adapters).indexOf('widget_acme_score')).toBe(composeSchemaKeys(adapters).indexOf('lead_source') - 1);
  });

  it('gets its section, its reasons, what it ignores and its happy path in docs/events.md', () => {
    const doc = renderEventsDoc(adapters);
    expect(doc).toContain('## Acme Chat (`widget_vendor: acme_chat`)');
    expect(doc).toContain('| `chat.won` | complete | `widget_complete` | yes, + `generate_lead` | Acme says the chat converted. |');
    expect(doc).toContain('- `chat.typing`: Too chatty.');
    expect(doc).toContain('| acme_chat | `chat` | chat won | `chat.opened` open → `chat.won` complete |');
    expect(doc).toContain('| `widget_acme_score` |');
    expect(renderEventsDoc()).not.toContain('Acme'); // positive control: the registry itself is untouched
  });

  it('gets its GTM template checkbox and its file among the permitted URLs, and ticking it enables and injects the vendor', () => {
    const widgets = parameters(adapters)[0] as { subParams: { name: string; checkboxText?: string }[] };
    expect(widgets.subParams).toContainEqual(expect.objectContaining({ name: 'acmeChat', checkboxText: 'Acme Chat (test vendor)' }));
    const data = { chiliPiper: false, customerly: false, userlike: false, genesys: false, acmeChat: true };
    const result = runScenario(
      sandboxedCode(adapters),
      { name: 'fifth', code: `runCode(${JSON.stringify(data)});` },
      permissions(adapters) as never,
    );
    expect(result.error).toBeUndefined();
    expect((result.window.gtmWidgetBridgeConfig as { vendors: string[] }).vendors).toEqual(['acme_chat']);
    expect(result.calls.injectScript.map((call) => call[0])).toEqual([DIST_BASE + 'core.js', DIST_BASE + 'vendors/acme_chat.js']);
  });

  it('gets its playground panel after the registry’s, its place in the pick list’s chat group, and its origins allowed', () => {
    const { panels, picker } = renderVendorParts(adapters);
    expect(panels).toContain('<article class="widget" id="panel-acme_chat" data-vendor="acme_chat" hidden style="--brand: #123456">');
    expect(panels).toContain('<h2>Acme Chat <small>chat</small></h2>');
    expect(panels).toContain('<li><code>chat.won</code> → complete</li>');
    for (const adapter of ADAPTERS)
      expect(panels.indexOf('id="panel-' + adapter.vendor + '"')).toBeLessThan(panels.indexOf('panel-acme_chat'));
    const chat = picker.slice(picker.indexOf('data-group="chat"'));
    expect(chat).toContain('<input type="checkbox" name="vendor" value="acme_chat"> Acme Chat</label>');
    expect(picker.slice(0, picker.indexOf('data-group="chat"'))).not.toContain('acme_chat');
    // Its option has no origins: the playground's configuration leaves it alone, and allows the others' origins.
    expect(playgroundConfig(adapters)).not.toHaveProperty('acmeChat');
    expect(playgroundConfig(adapters)).toMatchObject({ chiliPiper: { origins: ['__VENDOR_ORIGIN__'] }, debug: true });
  });

  it('gets its options commented in the GTM paste', () => {
    expect(optionComments(adapters)['acmeChat.greeting']).toBe('Acme Chat: say hello first.');
  });

  it('types: an action of the stage table cannot lack its reason, and a stage must be one of the stages', () => {
    const stages = { a: 'open', b: 'complete' } as const satisfies StageTable;
    // @ts-expect-error b has no reason
    const missing: Reasons<typeof stages> = { a: 'why' };
    // @ts-expect-error a reason that is not text
    const notText: Reasons<typeof stages> = { a: 'why', b: false };
    const complete: Reasons<typeof stages> = { a: 'why', b: 'because' };
    // @ts-expect-error not a stage
    const wrongStage = { a: 'opened' } as const satisfies StageTable;
    expect(stageOf(stages, 'b')).toBe('complete');
    expect(stageOf(stages, 'toString')).toBeUndefined();
    expect([missing, notText, complete, wrongStage]).toHaveLength(4);
  });

  it('types: the configuration knows every vendor id and option of the registry', () => {
    const valid: BridgeConfig = { vendors: ['genesys'], chiliPiper: { origins: [] } };
    // @ts-expect-error not a vendor of the registry
    const unknownVendor: BridgeConfig = { vendors: ['olark'] };
    // @ts-expect-error origins is a list
    const wrongOption: BridgeConfig = { chiliPiper: { origins: 'https://booking.example.com' } };
    expect([valid, unknownVendor, wrongOption]).toHaveLength(3);
  });
});
