import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MEASUREMENT_ID_VARIABLE, variableName } from '../../scripts/render/gtmContainer';
import { LEAD_EVENT, STAGES } from '../../src/core/schema';
import { SCHEMA_KEYS } from '../../src/vendors/registry';

type Parameter = { type: string; key: string; value?: string; list?: { map: Parameter[] }[] };
type Entity = {
  name: string;
  type: string;
  parameter?: Parameter[];
  firingTriggerId?: string[];
  triggerId?: string;
  variableId?: string;
  tagId?: string;
  customEventFilter?: { type: string; parameter: Parameter[] }[];
};
// A build output (npm test builds first): it embeds the built paste.
const committed = readFileSync('dist/container.json', 'utf8');
const { containerVersion: version, exportFormatVersion } = JSON.parse(committed) as {
  exportFormatVersion: number;
  containerVersion: {
    tag: Entity[];
    trigger: Entity[];
    variable: Entity[];
    builtInVariable: { name: string }[];
    container: { usageContext: string[] };
  };
};
const value = (entity: Entity, key: string) => entity.parameter!.find((p) => p.key == key)?.value;

describe('dist/container.json', () => {
  it('embeds the built paste', () => {
    const tag = version.tag.find((entity) => entity.type == 'html')!;
    expect(value(tag, 'html')).toBe(readFileSync('dist/gtm-widget-bridge.gtm.html', 'utf8'));
  });

  it('is a GTM web container export', () => {
    expect(exportFormatVersion).toBe(2);
    expect(version.container.usageContext).toEqual(['WEB']);
    expect(version.tag.map((tag) => tag.type)).toEqual(['html', 'gaawe']);
    for (const list of [version.tag, version.trigger, version.variable]) {
      const ids = list.map((entity) => entity.tagId || entity.triggerId || entity.variableId);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('runs the bridge paste on All Pages, once per load', () => {
    const [bridge] = version.tag;
    expect(value(bridge, 'html')).toBe(readFileSync('dist/gtm-widget-bridge.gtm.html', 'utf8'));
    expect(bridge.firingTriggerId).toEqual(['2147479553']);
  });

  it('has one Custom Event trigger matching exactly the bridge events and generate_lead', () => {
    const [trigger] = version.trigger;
    expect(version.trigger).toHaveLength(1);
    expect(trigger.type).toBe('CUSTOM_EVENT');
    const pattern = new RegExp(trigger.customEventFilter![0].parameter.find((p) => p.key == 'arg1')!.value!);
    for (const stage of STAGES) expect(pattern.test('widget_' + stage), stage).toBe(true);
    expect(pattern.test(LEAD_EVENT)).toBe(true);
    for (const other of ['gtm.js', 'widget_', 'widget_opened', 'page_view', 'xwidget_open', 'generate_lead2'])
      expect(pattern.test(other), other).toBe(false);
    expect(version.tag[1].firingTriggerId).toEqual([trigger.triggerId]);
  });

  it('has a Data Layer Variable and a GA4 event parameter for every schema key', () => {
    const ga4 = version.tag[1];
    const rows = ga4
      .parameter!.find((p) => p.key == 'eventSettingsTable')!
      .list!.map((row) => ({
        parameter: row.map.find((p) => p.key == 'parameter')!.value,
        value: row.map.find((p) => p.key == 'parameterValue')!.value,
      }));
    for (const key of SCHEMA_KEYS) {
      if (key == 'event') {
        expect(value(ga4, 'eventName')).toBe('{{Event}}'); // the built-in Event variable
        continue;
      }
      const variable = version.variable.find((v) => v.name == variableName(key));
      expect(variable, key).toBeDefined();
      expect(variable!.type).toBe('v');
      expect(value(variable!, 'name')).toBe(key);
      expect(rows).toContainEqual({ parameter: key, value: `{{${variableName(key)}}}` });
    }
    expect(rows).toHaveLength(SCHEMA_KEYS.length - 1);
  });

  it('sends to a placeholder measurement ID kept in one Constant variable', () => {
    const constant = version.variable.find((v) => v.name == MEASUREMENT_ID_VARIABLE)!;
    expect(constant.type).toBe('c');
    expect(value(constant, 'value')).toBe('G-XXXXXXXXXX');
    expect(value(version.tag[1], 'measurementIdOverride')).toBe(`{{${MEASUREMENT_ID_VARIABLE}}}`);
  });

  it('references only variables it defines or GTM builds in', () => {
    const defined = new Set([...version.variable.map((v) => v.name), ...version.builtInVariable.map((v) => v.name), '_event']);
    const references = JSON.stringify([version.tag[1], version.trigger])
      .match(/\{\{([^}]+)\}\}/g)!
      .map((r) => r.slice(2, -2));
    expect(references.length).toBeGreaterThan(SCHEMA_KEYS.length);
    for (const name of references) expect(defined.has(name), name).toBe(true);
  });
});
