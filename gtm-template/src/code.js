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

const vendors = [];
if (data.chiliPiper) vendors.push('chili_piper');
if (data.customerly) vendors.push('customerly');
if (data.userlike) vendors.push('userlike');
if (data.genesys) vendors.push('genesys');

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
  chiliPiperOrigins: origins,
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
