import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GTM_EXPORT_SHAPE } from '../../fixtures/gtmContainerExport';
import {
  ENTITY_PREFIX,
  MEASUREMENT_ID_VARIABLE,
  TEMPLATE_TAG_TYPE,
  USER_DATA_VARIABLE,
  variableName,
} from '../../scripts/render/gtmContainer';
import { DIST_BASE, permissions, renderTemplate, sandboxedCode } from '../../scripts/render/gtmTemplate';
import { LEAD_EVENT, STAGES } from '../../src/core/schema';
import { ADAPTERS, SCHEMA_KEYS } from '../../src/vendors/registry';
import { runScenario } from './sandboxRunner';

type Parameter = { type: string; key: string; value?: string; list?: { map: Parameter[] }[] };
type Filter = { type: string; parameter: Parameter[] };
type Entity = {
  name: string;
  type: string;
  parameter?: Parameter[];
  firingTriggerId?: string[];
  triggerId?: string;
  variableId?: string;
  tagId?: string;
  fingerprint?: string;
  customEventFilter?: Filter[];
  filter?: Filter[];
  templateData?: string;
};
type Version = {
  tag: Entity[];
  trigger: Entity[];
  variable: Entity[];
  builtInVariable: Entity[];
  customTemplate?: Entity[];
  container: { usageContext: string[] };
};
// Build outputs (npm test builds first): they embed the built paste or the template.
const load = (file: string) =>
  JSON.parse(readFileSync('dist/' + file, 'utf8')) as { exportFormatVersion: number; containerVersion: Version };
const containers = { 'container.json': load('container.json'), 'container.template.json': load('container.template.json') };
const value = (entity: Entity, key: string) => entity.parameter!.find((p) => p.key == key)?.value;
const regexOf = (filter: Filter) => new RegExp(filter.parameter.find((p) => p.key == 'arg1')!.value!);

/** Throws unless `object` has every required key of its kind and no key GTM does not write. */
function expectShape(kind: keyof typeof GTM_EXPORT_SHAPE, object: Record<string, unknown>) {
  const { required, optional } = GTM_EXPORT_SHAPE[kind];
  for (const key of required) expect(object, `${kind} ${String(object.name ?? '')} lacks ${key}`).toHaveProperty(key);
  const known: readonly string[] = [...required, ...optional];
  for (const key of Object.keys(object)) expect(known, `${kind} has unknown key ${key}`).toContain(key);
}

describe('the export shape check', () => {
  it('rejects an entity without a fingerprint or with a key GTM does not write (positive control)', () => {
    const tag = containers['container.json'].containerVersion.tag[0] as unknown as Record<string, unknown>;
    expect(() => expectShape('tag', tag)).not.toThrow();
    const { fingerprint: _, ...unfingerprinted } = tag;
    expect(() => expectShape('tag', unfingerprinted)).toThrow(/lacks fingerprint/);
    expect(() => expectShape('tag', { ...tag, firingTrigger: ['1'] })).toThrow(/unknown key firingTrigger/);
  });
});

for (const [file, { exportFormatVersion, containerVersion: version }] of Object.entries(containers)) {
  describe('dist/' + file, () => {
    it('has the shape of a real GTM web container export, every entity fingerprinted', () => {
      const root = containers[file as keyof typeof containers] as unknown as Record<string, unknown>;
      expectShape('root', root);
      expectShape('containerVersion', version as unknown as Record<string, unknown>);
      expectShape('container', version.container as unknown as Record<string, unknown>);
      for (const kind of ['tag', 'trigger', 'variable', 'builtInVariable', 'customTemplate'] as const)
        for (const entity of version[kind] || []) expectShape(kind, entity as unknown as Record<string, unknown>);
      expect(exportFormatVersion).toBe(2);
      expect(version.container.usageContext).toEqual(['WEB']);
      for (const entity of [...version.tag, ...version.trigger, ...version.variable]) expect(entity.fingerprint).toMatch(/^\d{13}$/);
      for (const list of [version.tag, version.trigger, version.variable]) {
        const ids = list.map((entity) => entity.tagId || entity.triggerId || entity.variableId);
        expect(new Set(ids).size).toBe(ids.length);
      }
    });

    it('prefixes every imported name, so a Merge never collides with the container’s own entities', () => {
      for (const entity of [...version.tag, ...version.trigger, ...version.variable])
        expect(entity.name).toMatch(new RegExp('^' + ENTITY_PREFIX));
      expect(MEASUREMENT_ID_VARIABLE).not.toBe('GA4 Measurement ID');
    });

    it('fires only on the bridge’s own events: its event names, with one of its vendors', () => {
      const [trigger] = version.trigger;
      expect(version.trigger).toHaveLength(1);
      expect(trigger.type).toBe('CUSTOM_EVENT');
      const names = regexOf(trigger.customEventFilter![0]);
      for (const stage of STAGES) expect(names.test('widget_' + stage), stage).toBe(true);
      expect(names.test(LEAD_EVENT)).toBe(true);
      for (const other of ['gtm.js', 'widget_', 'widget_opened', 'page_view', 'xwidget_open', 'generate_lead2'])
        expect(names.test(other), other).toBe(false);
      // A site's own form generate_lead has no widget_vendor (GTM renders it "undefined"): it must not fire.
      expect(trigger.filter).toHaveLength(1);
      const [vendorFilter] = trigger.filter!;
      expect(vendorFilter.parameter.find((p) => p.key == 'arg0')!.value).toBe(`{{${variableName('widget_vendor')}}}`);
      for (const adapter of ADAPTERS) expect(regexOf(vendorFilter).test(adapter.vendor), adapter.vendor).toBe(true);
      for (const other of ['undefined', '', 'null', 'olark', 'chili_piper2']) expect(regexOf(vendorFilter).test(other), other).toBe(false);
      expect(version.tag[1].firingTriggerId).toEqual([trigger.triggerId]);
    });

    it('sends every schema key as a GA4 event parameter, except user_data, which goes through User-Provided Data', () => {
      const ga4 = version.tag[1];
      expect(ga4.type).toBe('gaawe');
      const rows = ga4
        .parameter!.find((p) => p.key == 'eventSettingsTable')!
        .list!.map((row) => ({
          parameter: row.map.find((p) => p.key == 'parameter')!.value,
          value: row.map.find((p) => p.key == 'parameterValue')!.value,
        }));
      expect(value(ga4, 'eventName')).toBe('{{Event}}'); // the built-in Event variable
      for (const key of SCHEMA_KEYS.filter((key) => key != 'event' && key != 'user_data')) {
        const variable = version.variable.find((v) => v.name == variableName(key));
        expect(variable, key).toBeDefined();
        expect(variable!.type).toBe('v');
        expect(value(variable!, 'name')).toBe(key);
        expect(rows).toContainEqual({ parameter: key, value: `{{${variableName(key)}}}` });
      }
      expect(rows).toHaveLength(SCHEMA_KEYS.length - 2);
      expect(rows.map((row) => row.parameter)).not.toContain('user_data');
      expect(value(ga4, 'enableUserProvidedData')).toBe('true');
      expect(value(ga4, 'userDataVariable')).toBe(`{{${USER_DATA_VARIABLE}}}`);
      const userData = version.variable.find((v) => v.name == USER_DATA_VARIABLE)!;
      expect(userData.type).toBe('awec');
      expect(value(userData, 'mode')).toBe('CODE');
      expect(value(userData, 'dataSource')).toBe(`{{${variableName('user_data')}}}`);
    });

    it('sends to a placeholder measurement ID kept in one Constant variable', () => {
      const constant = version.variable.find((v) => v.name == MEASUREMENT_ID_VARIABLE)!;
      expect(constant.type).toBe('c');
      expect(value(constant, 'value')).toBe('G-XXXXXXXXXX');
      expect(value(version.tag[1], 'measurementIdOverride')).toBe(`{{${MEASUREMENT_ID_VARIABLE}}}`);
    });

    it('references only variables it defines or GTM builds in', () => {
      const defined = new Set([...version.variable.map((v) => v.name), ...version.builtInVariable.map((v) => v.name), '_event']);
      const references = JSON.stringify([version.tag[1], version.trigger, version.variable])
        .match(/\{\{([^}]+)\}\}/g)!
        .map((r) => r.slice(2, -2));
      expect(references.length).toBeGreaterThan(SCHEMA_KEYS.length);
      for (const name of references) expect(defined.has(name), name).toBe(true);
    });
  });
}

describe('the two containers install the bridge one way each', () => {
  const paste = containers['container.json'].containerVersion;
  const template = containers['container.template.json'].containerVersion;

  it('container.json: the Custom HTML paste on All Pages, once per load, and no template', () => {
    const [bridge] = paste.tag;
    expect(paste.tag.map((tag) => tag.type)).toEqual(['html', 'gaawe']);
    expect(value(bridge, 'html')).toBe(readFileSync('dist/gtm-widget-bridge.gtm.html', 'utf8'));
    expect(bridge.firingTriggerId).toEqual(['2147479553']);
    expect(paste.customTemplate).toBeUndefined();
  });

  it('container.template.json: a tag of the embedded Community Template, and no paste', () => {
    const [bridge] = template.tag;
    expect(template.tag.map((tag) => tag.type)).toEqual([TEMPLATE_TAG_TYPE, 'gaawe']);
    expect(template.tag.some((tag) => tag.type == 'html')).toBe(false);
    expect(template.customTemplate).toHaveLength(1);
    expect(template.customTemplate![0].templateData).toBe(renderTemplate());
    expect(TEMPLATE_TAG_TYPE).toBe(`cvt_0_${(template.customTemplate![0] as { templateId?: string }).templateId}`);
    expect(bridge.firingTriggerId).toEqual(['2147479553']);
  });

  it("the template tag's stored fields run the template: all widgets, the all-vendor build", () => {
    const [bridge] = template.tag;
    const data = Object.fromEntries(bridge.parameter!.map((p) => [p.key, p.type == 'BOOLEAN' ? p.value == 'true' : p.value]));
    expect(data).toMatchObject({ chiliPiper: true, customerly: true, userlike: true, genesys: true, eventPrefix: 'widget_' });
    const result = runScenario(
      sandboxedCode(),
      { name: 'container tag', code: `runCode(${JSON.stringify(data)});` },
      permissions() as never,
    );
    expect(result.error).toBeUndefined();
    expect(result.calls.injectScript[0][0]).toBe(DIST_BASE + 'core.js');
    expect(result.window.gtmWidgetBridgeConfig).toMatchObject({
      vendors: ADAPTERS.map((adapter) => adapter.vendor),
      eventPrefix: 'widget_',
    });
  });
});
