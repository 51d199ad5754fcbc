import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  ALL_PAGES,
  containerProblems,
  regexOf,
  triggerFires,
  valueOf,
  type ContainerExport,
  type Entity,
} from '../../fixtures/gtmContainerProblems';
import { MEASUREMENT_ID_VARIABLE, TEMPLATE_TAG_TYPE, USER_DATA_VARIABLE, variableName } from '../../scripts/render/gtmContainer';
import { DIST_BASE, permissions, renderTemplate, sandboxedCode } from '../../scripts/render/gtmTemplate';
import type * as TagGenerator from '../../scripts/render/tagGenerator';
import { parseConfig } from '../../src/authoring/config';
import { composeSchemaKeys } from '../../src/core/installBridge';
import { LEAD_EVENT, STAGES } from '../../src/core/schema';
import { DOCUMENTED_ADAPTERS } from '../../src/vendors/manifest';
import { ADAPTERS } from '../../src/vendors/registry';
import { runScenario } from './sandboxRunner';

// The built files (npm test builds first): the tag generator the command line and the build run, its parts.
const built = (await import(pathToFileURL('dist/tag.mjs').href)) as typeof TagGenerator;
const parts = JSON.parse(readFileSync('dist/paste-parts.json', 'utf8')) as TagGenerator.PasteParts;
const template = readFileSync('gtm-template/template.tpl', 'utf8');
const load = (file: string) => JSON.parse(readFileSync('dist/' + file, 'utf8')) as ContainerExport;
const parse = (json: string) => JSON.parse(json) as ContainerExport;
const ALL = ADAPTERS.map((adapter) => adapter.vendor);

/** The choices every check runs on: the build's defaults, one vendor with a custom prefix, and more. */
const CHOICES: Record<string, Record<string, unknown>> = {
  'every vendor, defaults': {},
  'chili_piper alone, prefix chat_': { vendors: ['chili_piper'], eventPrefix: 'chat_' },
  'calendly and typeform, hashEmail, no generate_lead': { vendors: ['calendly', 'typeform'], hashEmail: true, generateLead: false },
  'genesys and customerly, prefix lead_, own origins elsewhere': {
    vendors: ['genesys', 'customerly'],
    eventPrefix: 'lead_',
    calendly: { origins: ['https://ignored.example.com'] },
  },
  'cal_com with its origins, debug': { vendors: ['cal_com'], calCom: { origins: ['https://cal.example.com'] }, debug: true },
};

/** The choice resolved by the built generator, with the containers and the tag it makes for it. */
function made(raw: Record<string, unknown>) {
  const { choice, warnings } = built.resolveChoice(raw);
  expect(warnings).toEqual([]);
  return {
    choice,
    tag: built.renderTag(parts, choice),
    snippet: built.renderCdnSnippet(choice, parts.version),
    installCall: built.renderInstallCall(choice),
    paste: parse(built.renderChoiceContainer(parts, choice)),
    template: parse(built.renderChoiceContainer(parts, choice, template)),
  };
}

/** The configuration object a tag's block, a snippet or an install() call writes, read back as data: the first literal after `start`. */
function configIn(code: string, start: string): Record<string, unknown> {
  const from = code.indexOf('{', code.indexOf(start));
  for (let end = code.indexOf('}', from); end > 0; end = code.indexOf('}', end + 1)) {
    try {
      return new Function('return (' + code.slice(from, end + 1) + ');')() as Record<string, unknown>;
    } catch {
      // Not yet the closing brace of the literal.
    }
  }
  throw new Error('no configuration after ' + start);
}
/** What the bridge resolves a configuration to, with every field. */
const resolved = (config: Record<string, unknown>) => parseConfig(config, ADAPTERS, () => {});

describe('the structural check of a container export', () => {
  const good = load('container.json');
  it('passes the built containers and fails each broken copy (positive controls)', () => {
    expect(containerProblems(good)).toEqual([]);
    expect(containerProblems(load('container.template.json'))).toEqual([]);
    const broken = (change: (version: ContainerExport['containerVersion']) => void) => {
      const copy = structuredClone(good);
      change(copy.containerVersion);
      return containerProblems(copy).join('\n');
    };
    expect(broken((v) => delete v.tag[0].fingerprint)).toMatch(/lacks fingerprint/);
    expect(broken((v) => ((v.tag[0] as Record<string, unknown>).firingTrigger = ['1']))).toMatch(/unknown key firingTrigger/);
    expect(broken((v) => v.variable.splice(1, 1))).toMatch(/references undefined variable gtm-widget-bridge - DLV - widget_vendor/);
    expect(broken((v) => delete v.trigger[0].filter)).toMatch(/widget_vendor condition/);
    expect(broken((v) => (v.tag[0].firingTriggerId = ['1']))).toMatch(/All Pages/);
    expect(broken((v) => (v.variable[1].name = 'DLV - widget_vendor'))).toMatch(/name lacks/);
  });
});

describe('dist/container.json and dist/container.template.json are the all-vendor containers at the defaults', () => {
  it('as the command line and the playground make them for every vendor', () => {
    const defaults = made({});
    expect(load('container.json')).toEqual(defaults.paste);
    expect(load('container.template.json')).toEqual(defaults.template);
    expect(valueOf(defaults.paste.containerVersion.tag[0], 'html')).toBe(readFileSync('dist/gtm-widget-bridge.gtm.html', 'utf8'));
  });
});

for (const [name, raw] of Object.entries(CHOICES)) {
  describe('the container for ' + name, () => {
    const { choice, tag, snippet, installCall, paste, template: withTemplate } = made(raw);
    const containers = { paste, template: withTemplate };
    const vendors = choice.vendors.length ? choice.vendors : ALL;
    const { options, ...core } = choice;
    const settings = resolved({ ...core, ...options, vendors });

    it('is import-ready, both ways', () => {
      for (const container of Object.values(containers)) expect(containerProblems(container)).toEqual([]);
    });

    it('fires on exactly the choice’s event names, with one of its vendors', () => {
      for (const container of Object.values(containers)) {
        const [trigger] = container.containerVersion.trigger;
        const names = regexOf(trigger.customEventFilter![0]);
        for (const stage of STAGES) expect(names.test(settings.eventPrefix + stage), stage).toBe(true);
        expect(names.test(LEAD_EVENT)).toBe(settings.generateLead);
        const otherPrefix = settings.eventPrefix == 'widget_' ? 'chat_' : 'widget_';
        for (const other of [
          otherPrefix + 'open',
          settings.eventPrefix,
          settings.eventPrefix + 'opened',
          'x' + settings.eventPrefix + 'open',
          'gtm.js',
        ])
          expect(names.test(other), other).toBe(false);
        for (const vendor of ALL)
          expect(triggerFires(container, { event: settings.eventPrefix + 'open', widget_vendor: vendor }), vendor).toBe(
            vendors.includes(vendor),
          );
        // A site's own push names no widget_vendor: it never fires the tag.
        expect(triggerFires(container, { event: settings.eventPrefix + 'open' })).toBe(false);
        expect(triggerFires(container, { event: LEAD_EVENT, widget_vendor: undefined })).toBe(false);
      }
    });

    it('has a Data Layer Variable for exactly the keys its vendors push, each a GA4 event parameter but user_data', () => {
      const adapters = ADAPTERS.filter((adapter) => vendors.includes(adapter.vendor));
      const keys = composeSchemaKeys(adapters).filter((key) => key != 'event' && (settings.hashEmail || key != 'user_data'));
      for (const container of Object.values(containers)) {
        const version = container.containerVersion;
        const dataLayerVariables = version.variable.filter((variable) => variable.type == 'v');
        expect(dataLayerVariables.map((variable) => valueOf(variable, 'name'))).toEqual(keys);
        for (const variable of dataLayerVariables) expect(variable.name).toBe(variableName(valueOf(variable, 'name')!));
        const ga4 = version.tag[1];
        expect(valueOf(ga4, 'eventName')).toBe('{{Event}}');
        const rows = ga4
          .parameter!.find((p) => p.key == 'eventSettingsTable')!
          .list!.map((row) => ({
            parameter: row.map.find((p) => p.key == 'parameter')!.value,
            value: row.map.find((p) => p.key == 'parameterValue')!.value,
          }));
        expect(rows).toEqual(
          keys.filter((key) => key != 'user_data').map((key) => ({ parameter: key, value: `{{${variableName(key)}}}` })),
        );
        const constant = version.variable.find((variable) => variable.name == MEASUREMENT_ID_VARIABLE)!;
        expect([constant.type, valueOf(constant, 'value'), valueOf(ga4, 'measurementIdOverride')]).toEqual([
          'c',
          'G-XXXXXXXXXX',
          `{{${MEASUREMENT_ID_VARIABLE}}}`,
        ]);
      }
    });

    it('sends the hashed e-mail as user-provided data exactly when the choice hashes it', () => {
      for (const container of Object.values(containers)) {
        const version = container.containerVersion;
        const ga4 = version.tag[1];
        const userData = version.variable.find((variable) => variable.name == USER_DATA_VARIABLE);
        expect(valueOf(ga4, 'enableUserProvidedData')).toBe(String(settings.hashEmail));
        if (!settings.hashEmail) {
          expect(userData).toBeUndefined();
          expect(valueOf(ga4, 'userDataVariable')).toBeUndefined();
          continue;
        }
        expect([userData!.type, valueOf(userData!, 'mode'), valueOf(userData!, 'dataSource')]).toEqual([
          'awec',
          'CODE',
          `{{${variableName('user_data')}}}`,
        ]);
        expect(valueOf(ga4, 'userDataVariable')).toBe(`{{${USER_DATA_VARIABLE}}}`);
      }
    });

    it('installs the bridge as the choice’s own tag, or as a template tag that runs with the same configuration', () => {
      const [pasted] = paste.containerVersion.tag;
      expect([pasted.type, valueOf(pasted, 'html'), pasted.firingTriggerId]).toEqual(['html', tag, [ALL_PAGES]]);
      expect(paste.containerVersion.customTemplate).toBeUndefined();
      const version = withTemplate.containerVersion;
      const [bridge] = version.tag;
      expect(bridge.type).toBe(TEMPLATE_TAG_TYPE);
      expect(version.customTemplate!.map((entity: Entity) => entity.templateData)).toEqual([renderTemplate()]);
      const data = Object.fromEntries(
        bridge.parameter!.map((p) => [
          p.key,
          p.type == 'BOOLEAN'
            ? p.value == 'true'
            : p.type == 'LIST'
              ? p.list!.map((row) => Object.fromEntries(row.map.map((cell) => [cell.key, cell.value])))
              : p.value,
        ]),
      );
      const result = runScenario(sandboxedCode(), { name: name, code: `runCode(${JSON.stringify(data)});` }, permissions() as never);
      expect(result.error).toBeUndefined();
      expect(result.calls.injectScript.map((call) => call[0])).toEqual(
        [DIST_BASE + 'core.js'].concat(built.pluginsOf(choice).map((file) => `${DIST_BASE}vendors/${file}.js`)),
      );
      expect(resolved(result.window.gtmWidgetBridgeConfig as Record<string, unknown>)).toEqual(settings);
    });

    it('agrees with the tag, the script-tag snippet and the install() call made from the same choice', () => {
      const fromTag = resolved(configIn(tag, 'window.gtmWidgetBridgeConfig = '));
      const fromSnippet = resolved(configIn(snippet, 'window.gtmWidgetBridgeConfig = '));
      const fromInstall = resolved(configIn(installCall, 'install('));
      expect(fromTag).toEqual(settings);
      expect(fromSnippet).toEqual(settings);
      expect(fromInstall).toEqual(settings);
      // The tag carries exactly the plugins the snippet loads, and the trigger follows the same settings.
      const loaded = [...snippet.matchAll(/dist\/vendors\/(\w+)\.js/g)].map((match) => match[1]);
      expect(loaded).toEqual(built.pluginsOf(choice));
      for (const plugin of Object.keys(parts.plugins)) expect(tag.includes(parts.plugins[plugin]), plugin).toBe(loaded.includes(plugin));
      expect(tag).toContain(`Event names are <prefix><stage>: ${settings.eventPrefix}view, ${settings.eventPrefix}open`);
      const [trigger] = paste.containerVersion.trigger;
      for (const stage of STAGES) expect(regexOf(trigger.customEventFilter![0]).test(fromTag.eventPrefix + stage)).toBe(true);
      expect(fromTag.vendors.every((vendor) => regexOf(trigger.filter![0]).test(vendor))).toBe(true);
      expect(
        DOCUMENTED_ADAPTERS.filter((adapter) => !fromTag.vendors.includes(adapter.vendor)).some((adapter) =>
          regexOf(trigger.filter![0]).test(adapter.vendor),
        ),
      ).toBe(false);
    });
  });
}
