/**
 * Renders a GTM container export (Admin → Import Container, Merge) for one
 * choice of widgets and options: the bridge itself (the Custom HTML tag, or a
 * tag of the Community Template, which the export then carries), one Custom
 * Event trigger for exactly the choice's event names and vendors, a Data
 * Layer Variable per key those vendors push, a constant for the GA4
 * measurement ID, the GA4 event tag, and the User-Provided Data variable
 * when the choice hashes e-mails. Import one container per site: each
 * installs the bridge on All Pages.
 * The shape follows GTM's own exports (exportFormatVersion 2): every tag,
 * trigger, variable and template has ids and a fingerprint.
 * https://support.google.com/tagmanager/answer/6106997
 */
import { defaultConfig, type ResolvedConfig } from '../../src/authoring/config';
import { composeSchemaKeys } from '../../src/core/installBridge';
import { LEAD_EVENT, STAGES } from '../../src/core/schema';
import { DOCUMENTED_ADAPTERS } from '../../src/vendors/manifest';
import type { PasteValues } from './gtmPaste';
import { templateFields, type TemplateField } from './templateFields';

const ALL_PAGES = '2147479553'; // GTM's built-in "All Pages" trigger
const ids = { accountId: '0', containerId: '0' };
/** GTM exports carry a millisecond timestamp as fingerprint; a fixed one keeps builds reproducible. */
const FINGERPRINT = '1767225600000';
const param = (type: string, key: string, value: string) => ({ type, key, value });
const ref = (name: string) => `{{${name}}}`;

/** Every imported entity's name starts with this, so a Merge never collides with the container's own. */
export const ENTITY_PREFIX = 'gtm-widget-bridge - ';
/** The name of the Data Layer Variable of a schema key. */
export const variableName = (key: string) => `${ENTITY_PREFIX}DLV - ${key}`;
export const MEASUREMENT_ID_VARIABLE = ENTITY_PREFIX + 'GA4 Measurement ID';
export const USER_DATA_VARIABLE = ENTITY_PREFIX + 'User-Provided Data';
/** Keys GA4 takes through the tag's user-provided data setting, not as event parameters. */
const USER_DATA_KEY = 'user_data';
const TEMPLATE_ID = '1';
/** A custom template's tags are of type cvt_<containerId>_<templateId>. */
export const TEMPLATE_TAG_TYPE = `cvt_${ids.containerId}_${TEMPLATE_ID}`;

/** How the container installs the bridge: the Custom HTML tag for the choice, or the template's tag. */
export type ContainerBridge = { kind: 'paste'; html: string } | { kind: 'template'; templateData: string };

/** A choice whose vendors are named (the tag generator resolves "none picked" to every vendor). */
export type ContainerChoice = PasteValues & { vendors: string[] };

/** The choice over the defaults of its vendors: every field the container reads has a value. */
function settingsOf(choice: ContainerChoice): ResolvedConfig {
  const adapters = DOCUMENTED_ADAPTERS.filter((adapter) => choice.vendors.indexOf(adapter.vendor) >= 0);
  const defaults = defaultConfig(adapters);
  const options = { ...defaults.options };
  for (const key of Object.keys(choice.options || {})) if (options[key]) options[key] = { ...options[key], ...choice.options![key] };
  return { ...defaults, ...choice, vendors: defaults.vendors, options };
}

/** The trigger's event-name pattern: the prefix with every stage, and generate_lead when the choice pushes it. */
export function eventPattern(settings: Pick<ResolvedConfig, 'eventPrefix' | 'generateLead'>): string {
  const stages = `${settings.eventPrefix}(${STAGES.join('|')})`;
  return settings.generateLead ? `^(${stages}|${LEAD_EVENT})$` : `^${stages}$`;
}

/** The trigger's `widget_vendor` pattern: exactly the chosen vendors (a site's own push names none). */
export const vendorPattern = (vendors: readonly string[]) => `^(${vendors.join('|')})$`;

/** A GTM "simple table" value: one map per row. */
const table = (rows: Record<string, string>[]) => ({
  type: 'LIST',
  list: rows.map((row) => ({ type: 'MAP', map: Object.keys(row).map((column) => param('TEMPLATE', column, row[column])) })),
});

/**
 * The template tag's stored fields for the choice, as GTM stores a tag of the template: each widget
 * checkbox ticked for a chosen vendor, each option field at the choice's value, the rest at its default.
 */
function templateTagParameters(templateData: string, settings: ResolvedConfig) {
  const checkboxVendor: Record<string, string> = {};
  for (const adapter of DOCUMENTED_ADAPTERS) checkboxVendor[adapter.docs.template.param] = adapter.vendor;
  const core = settings as unknown as Record<string, unknown>;
  /** A vendor's list option as the template names its table: `<options key><Field>` (chiliPiperOrigins). */
  const listOption = (name: string): string[] | undefined => {
    for (const key of Object.keys(settings.options))
      for (const field of Object.keys(settings.options[key]))
        if (key + field[0].toUpperCase() + field.slice(1) == name && Array.isArray(settings.options[key][field]))
          return settings.options[key][field] as string[];
    return undefined;
  };
  const stored = (field: TemplateField) => {
    if (field.type == 'SIMPLE_TABLE') {
      const rows =
        field.name == 'leadActions'
          ? Object.keys(settings.leadActions).flatMap((vendor) =>
              (settings.leadActions as Record<string, string[]>)[vendor].map((action) => ({ vendor, action })),
            )
          : (listOption(field.name) || []).map((value) => ({ [field.simpleTableColumns![0].name]: value }));
      return rows.length ? { key: field.name, ...table(rows) } : undefined;
    }
    if (field.defaultValue === undefined) return undefined;
    const value =
      field.name in checkboxVendor
        ? settings.vendors.indexOf(checkboxVendor[field.name]) >= 0
        : field.name in core && typeof core[field.name] != 'object'
          ? core[field.name]
          : field.defaultValue;
    return param(field.type == 'CHECKBOX' ? 'BOOLEAN' : 'TEMPLATE', field.name, String(value));
  };
  return templateFields(templateData)
    .map(stored)
    .filter((entry) => entry !== undefined);
}

/** The container export for the choice, its bridge installed as `bridge` says. */
export function renderContainer(choice: ContainerChoice, bridge: ContainerBridge): string {
  const settings = settingsOf(choice);
  const adapters = DOCUMENTED_ADAPTERS.filter((adapter) => settings.vendors.indexOf(adapter.vendor) >= 0);
  // Only the keys the chosen vendors push; user_data only when the choice hashes e-mails.
  const dataLayerKeys = composeSchemaKeys(adapters).filter((key) => key != 'event' && (settings.hashEmail || key != USER_DATA_KEY));
  const parameterKeys = dataLayerKeys.filter((key) => key != USER_DATA_KEY);
  const entity = (extra: Record<string, unknown>) => ({ ...ids, ...extra, fingerprint: FINGERPRINT });
  const variable = (variableId: number, extra: Record<string, unknown>) => ({
    ...entity({ variableId: String(variableId), ...extra }),
    formatValue: {},
  });
  const tag = (extra: Record<string, unknown>) => ({
    ...entity(extra),
    monitoringMetadata: { type: 'MAP' },
    consentSettings: { consentStatus: 'NOT_SET' },
  });

  const measurementId = variable(1, {
    name: MEASUREMENT_ID_VARIABLE,
    type: 'c',
    notes: 'Replace with your GA4 measurement ID (Admin → Data streams).',
    parameter: [param('TEMPLATE', 'value', 'G-XXXXXXXXXX')],
  });
  const dataLayerVariables = dataLayerKeys.map((key, i) =>
    variable(i + 2, {
      name: variableName(key),
      type: 'v',
      parameter: [param('INTEGER', 'dataLayerVersion', '2'), param('BOOLEAN', 'setDefaultValue', 'false'), param('TEMPLATE', 'name', key)],
    }),
  );
  const userData = variable(dataLayerKeys.length + 2, {
    name: USER_DATA_VARIABLE,
    type: 'awec',
    notes: "The bridge's hashed e-mail (hashEmail option, lead events only), as GA4's user-provided data.",
    parameter: [param('TEMPLATE', 'mode', 'CODE'), param('TEMPLATE', 'dataSource', ref(variableName(USER_DATA_KEY)))],
  });
  const trigger = entity({
    triggerId: '1',
    name: ENTITY_PREFIX + 'events',
    type: 'CUSTOM_EVENT',
    customEventFilter: [
      { type: 'MATCH_REGEX', parameter: [param('TEMPLATE', 'arg0', '{{_event}}'), param('TEMPLATE', 'arg1', eventPattern(settings))] },
    ],
    // Only pushes that name a chosen vendor: a site's own generate_lead (forms) has no widget_vendor.
    filter: [
      {
        type: 'MATCH_REGEX',
        parameter: [
          param('TEMPLATE', 'arg0', ref(variableName('widget_vendor'))),
          param('TEMPLATE', 'arg1', vendorPattern(settings.vendors)),
        ],
      },
    ],
  });
  const bridgeTag =
    bridge.kind == 'paste'
      ? tag({
          tagId: '1',
          name: ENTITY_PREFIX + 'bridge (Custom HTML)',
          type: 'html',
          notes:
            'The bridge for the chosen widgets. Its configuration block is at the top of the HTML; change it together with the trigger.',
          parameter: [param('TEMPLATE', 'html', bridge.html), param('BOOLEAN', 'supportDocumentWrite', 'false')],
          firingTriggerId: [ALL_PAGES],
          tagFiringOption: 'ONCE_PER_LOAD',
        })
      : tag({
          tagId: '1',
          name: ENTITY_PREFIX + 'bridge (template)',
          type: TEMPLATE_TAG_TYPE,
          notes: 'The Community Template tag, its widgets and options as chosen; change them together with the trigger.',
          parameter: templateTagParameters(bridge.templateData, settings),
          firingTriggerId: [ALL_PAGES],
          tagFiringOption: 'ONCE_PER_LOAD',
        });
  // GA4 event tag: https://support.google.com/tagmanager/answer/13034206; user-provided data:
  // https://support.google.com/google-ads/answer/13258081 (enhanced conversions through GTM).
  const ga4Tag = tag({
    tagId: '2',
    name: ENTITY_PREFIX + 'GA4 event',
    type: 'gaawe',
    notes: 'Sends every bridge event to GA4 with its widget parameters; undefined parameters are not sent.',
    parameter: [
      param('TEMPLATE', 'eventName', ref('Event')),
      param('TEMPLATE', 'measurementIdOverride', ref(MEASUREMENT_ID_VARIABLE)),
      param('BOOLEAN', 'sendEcommerceData', 'false'),
      param('BOOLEAN', 'enableUserProvidedData', String(settings.hashEmail)),
      ...(settings.hashEmail ? [param('TEMPLATE', 'userDataVariable', ref(USER_DATA_VARIABLE))] : []),
      {
        type: 'LIST',
        key: 'eventSettingsTable',
        list: parameterKeys.map((key) => ({
          type: 'MAP',
          map: [param('TEMPLATE', 'parameter', key), param('TEMPLATE', 'parameterValue', ref(variableName(key)))],
        })),
      },
    ],
    firingTriggerId: ['1'],
    tagFiringOption: 'ONCE_PER_EVENT',
  });
  const path = `accounts/${ids.accountId}/containers/${ids.containerId}`;
  const container = {
    exportFormatVersion: 2,
    exportTime: '2026-01-01 00:00:00',
    containerVersion: {
      path: path + '/versions/0',
      ...ids,
      containerVersionId: '0',
      container: { path, ...ids, name: 'gtm-widget-bridge', publicId: 'GTM-XXXXXXX', usageContext: ['WEB'], fingerprint: FINGERPRINT },
      tag: [bridgeTag, ga4Tag],
      trigger: [trigger],
      variable: [measurementId, ...dataLayerVariables, ...(settings.hashEmail ? [userData] : [])],
      builtInVariable: [{ ...ids, type: 'EVENT', name: 'Event' }],
      ...(bridge.kind == 'template'
        ? { customTemplate: [entity({ templateId: TEMPLATE_ID, name: 'gtm-widget-bridge', templateData: bridge.templateData })] }
        : {}),
      fingerprint: FINGERPRINT,
    },
  };
  return JSON.stringify(container, null, 2) + '\n';
}
