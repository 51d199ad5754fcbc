/**
 * Renders the two GTM container exports (Admin → Import Container, Merge):
 * one Custom Event trigger for the bridge's events, a Data Layer Variable per
 * schema key, a User-Provided Data variable for the hashed e-mail, a constant
 * for the GA4 measurement ID, one GA4 event tag, and the bridge itself —
 * either as the Custom HTML paste (`container.json`) or as a tag of the
 * Community Template, which the export carries (`container.template.json`).
 * Import one, never both: each installs the bridge on All Pages.
 * The shape follows GTM's own exports (exportFormatVersion 2): every tag,
 * trigger, variable and template has ids and a fingerprint.
 * https://support.google.com/tagmanager/answer/6106997
 */
import { defaultConfig } from '../../src/authoring/config';
import { LEAD_EVENT, STAGES } from '../../src/core/schema';
import { ADAPTERS, SCHEMA_KEYS } from '../../src/vendors/registry';
import { parameters as templateFields, renderTemplate } from './gtmTemplate';

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

export type ContainerKind = 'paste' | 'template';

/** The template tag's fields at their defaults, as GTM stores a new tag of the template. */
function templateTagParameters() {
  type Field = { type: string; name: string; defaultValue?: unknown; subParams?: Field[] };
  const flatten = (fields: Field[]): Field[] => fields.flatMap((field) => [field, ...flatten(field.subParams || [])]);
  return flatten(templateFields() as Field[])
    .filter((field) => field.defaultValue !== undefined && field.type != 'SIMPLE_TABLE')
    .map((field) => param(field.type == 'CHECKBOX' ? 'BOOLEAN' : 'TEMPLATE', field.name, String(field.defaultValue)));
}

/** A container export around the built GTM paste (`kind` picks how the bridge is installed). */
export function renderContainer(paste: string, kind: ContainerKind = 'paste'): string {
  const prefix = defaultConfig(ADAPTERS).eventPrefix;
  const eventPattern = `^(${prefix}(${STAGES.join('|')})|${LEAD_EVENT})$`;
  // Only pushes that name one of the bridge's vendors: a site's own generate_lead (forms) has no widget_vendor.
  const vendorPattern = `^(${ADAPTERS.map((adapter) => adapter.vendor).join('|')})$`;
  const dataLayerKeys = SCHEMA_KEYS.filter((key) => key != 'event');
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

  const variables = [
    variable(1, {
      name: MEASUREMENT_ID_VARIABLE,
      type: 'c',
      notes: 'Replace with your GA4 measurement ID (Admin → Data streams).',
      parameter: [param('TEMPLATE', 'value', 'G-XXXXXXXXXX')],
    }),
    variable(2, {
      name: USER_DATA_VARIABLE,
      type: 'awec',
      notes: "The bridge's hashed e-mail (hashEmail option, lead events only), as GA4's user-provided data.",
      parameter: [param('TEMPLATE', 'mode', 'CODE'), param('TEMPLATE', 'dataSource', ref(variableName(USER_DATA_KEY)))],
    }),
    ...dataLayerKeys.map((key, i) =>
      variable(i + 3, {
        name: variableName(key),
        type: 'v',
        parameter: [
          param('INTEGER', 'dataLayerVersion', '2'),
          param('BOOLEAN', 'setDefaultValue', 'false'),
          param('TEMPLATE', 'name', key),
        ],
      }),
    ),
  ];
  const trigger = entity({
    triggerId: '1',
    name: ENTITY_PREFIX + 'events',
    type: 'CUSTOM_EVENT',
    customEventFilter: [
      { type: 'MATCH_REGEX', parameter: [param('TEMPLATE', 'arg0', '{{_event}}'), param('TEMPLATE', 'arg1', eventPattern)] },
    ],
    filter: [
      {
        type: 'MATCH_REGEX',
        parameter: [param('TEMPLATE', 'arg0', ref(variableName('widget_vendor'))), param('TEMPLATE', 'arg1', vendorPattern)],
      },
    ],
  });
  const bridgeTag =
    kind == 'paste'
      ? tag({
          tagId: '1',
          name: ENTITY_PREFIX + 'bridge (Custom HTML)',
          type: 'html',
          notes: 'The bridge (dist/gtm-widget-bridge.gtm.html). Edit its configuration block at the top of the HTML.',
          parameter: [param('TEMPLATE', 'html', paste), param('BOOLEAN', 'supportDocumentWrite', 'false')],
          firingTriggerId: [ALL_PAGES],
          tagFiringOption: 'ONCE_PER_LOAD',
        })
      : tag({
          tagId: '1',
          name: ENTITY_PREFIX + 'bridge (template)',
          type: TEMPLATE_TAG_TYPE,
          notes: 'The Community Template tag: untick the widgets your site does not use.',
          parameter: templateTagParameters(),
          firingTriggerId: [ALL_PAGES],
          tagFiringOption: 'ONCE_PER_LOAD',
        });
  const ga4Tag = tag({
    tagId: '2',
    name: ENTITY_PREFIX + 'GA4 event',
    type: 'gaawe',
    notes: 'Sends every bridge event to GA4 with its widget parameters; undefined parameters are not sent.',
    parameter: [
      param('TEMPLATE', 'eventName', ref('Event')),
      param('TEMPLATE', 'measurementIdOverride', ref(MEASUREMENT_ID_VARIABLE)),
      param('BOOLEAN', 'sendEcommerceData', 'false'),
      param('BOOLEAN', 'enableUserProvidedData', 'true'),
      param('TEMPLATE', 'userDataVariable', ref(USER_DATA_VARIABLE)),
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
      variable: variables,
      builtInVariable: [{ ...ids, type: 'EVENT', name: 'Event' }],
      ...(kind == 'template'
        ? { customTemplate: [entity({ templateId: TEMPLATE_ID, name: 'gtm-widget-bridge', templateData: renderTemplate() })] }
        : {}),
      fingerprint: FINGERPRINT,
    },
  };
  return JSON.stringify(container, null, 2) + '\n';
}
