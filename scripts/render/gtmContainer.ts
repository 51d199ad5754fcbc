/**
 * Renders dist/container.json, a GTM container export (Admin → Import
 * Container, Merge) with the bridge as a Custom HTML tag on All Pages, one
 * Custom Event trigger for its events, a Data Layer Variable per schema key, a
 * constant for the GA4 measurement ID and one GA4 event tag. It embeds the
 * built paste, so build.mjs renders it as a build output.
 */
import { defaultConfig } from '../../src/core/config';
import { LEAD_EVENT, STAGES } from '../../src/core/schema';
import { ADAPTERS, SCHEMA_KEYS } from '../../src/vendors/registry';

const ALL_PAGES = '2147479553'; // GTM's built-in "All Pages" trigger
const ids = { account: '0', container: '0' };
const param = (type: string, key: string, value: string) => ({ type, key, value });
const ref = (name: string) => `{{${name}}}`;

/** The name of the Data Layer Variable of a schema key. */
export const variableName = (key: string) => `DLV - ${key}`;
export const MEASUREMENT_ID_VARIABLE = 'GA4 Measurement ID';

/** The container, around the built GTM paste. */
export function renderContainer(paste: string): string {
  const prefix = defaultConfig(ADAPTERS).eventPrefix;
  const eventPattern = `^(${prefix}(${STAGES.join('|')})|${LEAD_EVENT})$`;
  const parameterKeys = SCHEMA_KEYS.filter((key) => key != 'event');
  const base = (extra: Record<string, unknown>) => ({ accountId: ids.account, containerId: ids.container, ...extra });

  const variables = [
    base({
      variableId: '1',
      name: MEASUREMENT_ID_VARIABLE,
      type: 'c',
      notes: 'Replace with your GA4 measurement ID (Admin → Data streams).',
      parameter: [param('TEMPLATE', 'value', 'G-XXXXXXXXXX')],
    }),
    ...parameterKeys.map((key, i) =>
      base({
        variableId: String(i + 2),
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
  const trigger = base({
    triggerId: '1',
    name: 'gtm-widget-bridge events',
    type: 'CUSTOM_EVENT',
    customEventFilter: [
      { type: 'MATCH_REGEX', parameter: [param('TEMPLATE', 'arg0', '{{_event}}'), param('TEMPLATE', 'arg1', eventPattern)] },
    ],
  });
  const tags = [
    base({
      tagId: '1',
      name: 'gtm-widget-bridge',
      type: 'html',
      notes: 'The bridge (dist/gtm-widget-bridge.gtm.html). Edit its configuration block at the top of the HTML.',
      parameter: [param('TEMPLATE', 'html', paste), param('BOOLEAN', 'supportDocumentWrite', 'false')],
      firingTriggerId: [ALL_PAGES],
      tagFiringOption: 'ONCE_PER_LOAD',
    }),
    base({
      tagId: '2',
      name: 'GA4 - gtm-widget-bridge events',
      type: 'gaawe',
      notes: 'Sends every bridge event to GA4 with its widget parameters; undefined parameters are not sent.',
      parameter: [
        param('TEMPLATE', 'eventName', ref('Event')),
        param('TEMPLATE', 'measurementIdOverride', ref(MEASUREMENT_ID_VARIABLE)),
        param('BOOLEAN', 'sendEcommerceData', 'false'),
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
    }),
  ];
  const container = {
    exportFormatVersion: 2,
    exportTime: '2026-01-01 00:00:00',
    containerVersion: base({
      path: 'accounts/0/containers/0/versions/0',
      containerVersionId: '0',
      container: base({ path: 'accounts/0/containers/0', name: 'gtm-widget-bridge', publicId: 'GTM-XXXXXXX', usageContext: ['WEB'] }),
      tag: tags,
      trigger: [trigger],
      variable: variables,
      builtInVariable: [base({ type: 'EVENT', name: 'Event' })],
    }),
  };
  return JSON.stringify(container, null, 2) + '\n';
}
