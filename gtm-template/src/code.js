// Sandboxed code of the gtm-widget-bridge tag template. Sandboxed JavaScript cannot listen to
// events, so the template only builds the configuration, hands it to the page and injects the
// hosted, versioned bridge, which installs itself with that configuration.
// Sandbox limits: no `new`, `this`, template literals or regular-expression literals.
const injectScript = require('injectScript');
const logToConsole = require('logToConsole');
const queryPermission = require('queryPermission');
const setInWindow = require('setInWindow');

const BRIDGE_URL = '__BRIDGE_URL__';
const CONFIG_KEY = 'gtmWidgetBridgeConfig';

// Each vendor's checkbox and vendor id, filled in from the vendor registry by the generator.
const VENDOR_CHECKBOXES = '__VENDOR_CHECKBOXES__';
const vendors = [];
for (let i = 0; i < VENDOR_CHECKBOXES.length; i++) {
  if (data[VENDOR_CHECKBOXES[i][0]]) vendors.push(VENDOR_CHECKBOXES[i][1]);
}

const origins = [];
const originRows = data.chiliPiperOrigins || [];
for (let i = 0; i < originRows.length; i++) {
  if (originRows[i].origin) origins.push(originRows[i].origin);
}

const leadActions = {};
const leadRows = data.leadActions || [];
for (let i = 0; i < leadRows.length; i++) {
  const row = leadRows[i];
  if (!row.vendor || !row.action) continue;
  if (!leadActions[row.vendor]) leadActions[row.vendor] = [];
  leadActions[row.vendor].push(row.action);
}

const config = {
  vendors: vendors,
  dataLayerName: data.dataLayerName || 'dataLayer',
  eventPrefix: data.eventPrefix || 'widget_',
  output: data.output === 'gtag' ? 'gtag' : 'dataLayer',
  chiliPiper: { origins: origins },
  leadActions: leadActions,
  generateLead: data.generateLead !== false,
  hashEmail: data.hashEmail === true,
  debug: data.debug === true,
};

if (!queryPermission('access_globals', 'write', CONFIG_KEY) || !queryPermission('inject_script', BRIDGE_URL)) {
  data.gtmOnFailure();
  return;
}

if (config.debug) logToConsole('[gtm-widget-bridge] template config', config);
setInWindow(CONFIG_KEY, config, true);
// The URL doubles as cache token: GTM injects it once per page however often the tag fires.
injectScript(BRIDGE_URL, data.gtmOnSuccess, data.gtmOnFailure, BRIDGE_URL);
