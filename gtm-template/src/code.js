// Sandboxed code of the gtm-widget-bridge tag template. Sandboxed JavaScript cannot listen to
// events, so the template only builds the configuration, hands it to the page and injects the
// hosted, versioned bridge, which installs itself with that configuration.
// Sandbox limits: no `new`, `this`, template literals or regular-expression literals.
const addConsentListener = require('addConsentListener');
const callInWindow = require('callInWindow');
const injectScript = require('injectScript');
const isConsentGranted = require('isConsentGranted');
const logToConsole = require('logToConsole');
const queryPermission = require('queryPermission');
const readAnalyticsStorage = require('readAnalyticsStorage');
const setInWindow = require('setInWindow');

// The versioned dist/ folder: core.js, and one plugin file per vendor (vendors/<vendor>.js), plus the Chili
// Piper webhook relay's client (vendors/chili_piper_relay.js); the plugins add their vendor to the core,
// whichever loads first.
const DIST_BASE = '__DIST_BASE__';
const CONFIG_KEY = 'gtmWidgetBridgeConfig';
const RELAY_CONSENT = 'gtmWidgetBridge.chiliPiper.setAnalyticsConsent';

// Each vendor's checkbox and vendor id, filled in from the vendor registry by the generator.
const VENDOR_CHECKBOXES = '__VENDOR_CHECKBOXES__';
const vendors = [];
for (let i = 0; i < VENDOR_CHECKBOXES.length; i++) {
  if (data[VENDOR_CHECKBOXES[i][0]]) vendors.push(VENDOR_CHECKBOXES[i][1]);
}

// The non-empty origins of one vendor's "Extra allowed origins" table.
function originsOf(rows) {
  const origins = [];
  rows = rows || [];
  for (let i = 0; i < rows.length; i++) {
    if (rows[i].origin) origins.push(rows[i].origin);
  }
  return origins;
}

// The webhook relay (opt-in): only with analytics consent, and with the visitor's GA ids for the stream.
// The advertising consent goes along, sealed into each webhook URL: GA4 receives it with the relay's events.
// https://developers.google.com/tag-platform/tag-manager/templates/api#readanalyticsstorage
// https://developers.google.com/tag-platform/tag-manager/templates/api#isconsentgranted
let relay = null;
if (data.chiliPiper && data.chiliPiperRelay && data.chiliPiperRelayUrl) {
  const consent = isConsentGranted('analytics_storage') === true;
  relay = {
    url: data.chiliPiperRelayUrl,
    analyticsConsent: consent,
    measurementId: data.chiliPiperRelayMeasurementId || '',
    adUserData: isConsentGranted('ad_user_data') === true,
    adPersonalization: isConsentGranted('ad_personalization') === true,
  };
  // Nothing is read from analytics storage without consent.
  if (consent) {
    const ids = readGaIds();
    if (ids.clientId) relay.clientId = ids.clientId;
    if (ids.sessionId) relay.sessionId = ids.sessionId;
  }
}

// The Google tag's client id and the session id of the relay's stream, when analytics storage has them.
function readGaIds() {
  const ids = {};
  const storage = readAnalyticsStorage();
  if (!storage || !storage.client_id) return ids;
  ids.clientId = storage.client_id;
  const sessions = storage.sessions || [];
  for (let i = 0; i < sessions.length; i++) {
    if (sessions[i].measurement_id == data.chiliPiperRelayMeasurementId) ids.sessionId = sessions[i].session_id;
  }
  return ids;
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
  chiliPiper: { origins: originsOf(data.chiliPiperOrigins), relay: relay },
  calendly: { origins: originsOf(data.calendlyOrigins) },
  typeform: { origins: originsOf(data.typeformOrigins) },
  calCom: { origins: originsOf(data.calComOrigins) },
  hubspot: { origins: originsOf(data.hubspotOrigins) },
  leadActions: leadActions,
  generateLead: data.generateLead !== false,
  hashEmail: data.hashEmail === true,
  debug: data.debug === true,
};

// The core and exactly the ticked vendors' files, so the page downloads and runs nothing else; with the relay
// ticked, its client's file too. One injection per file: each URL is one the permissions name exactly.
const urls = [DIST_BASE + 'core.js'];
for (let i = 0; i < vendors.length; i++) urls.push(DIST_BASE + 'vendors/' + vendors[i] + '.js');
if (relay) urls.push(DIST_BASE + 'vendors/chili_piper_relay.js');

let allowed = queryPermission('access_globals', 'readwrite', CONFIG_KEY);
for (let i = 0; i < urls.length; i++) allowed = allowed && queryPermission('inject_script', urls[i]);
if (!allowed) {
  data.gtmOnFailure();
  return;
}

if (config.debug) logToConsole('[gtm-widget-bridge] template config', config);
if (relay) {
  // Consent given or withdrawn after this tag fired: the bridge asks the relay for URLs (sealed with the
  // advertising consent of that moment), or stops.
  const forwardConsent = function () {
    const granted = isConsentGranted('analytics_storage') === true;
    const ids = granted ? readGaIds() : {};
    if (queryPermission('access_globals', 'execute', RELAY_CONSENT))
      callInWindow(
        RELAY_CONSENT,
        granted,
        ids.clientId,
        ids.sessionId,
        isConsentGranted('ad_user_data') === true,
        isConsentGranted('ad_personalization') === true,
      );
  };
  addConsentListener('analytics_storage', forwardConsent);
  addConsentListener('ad_user_data', forwardConsent);
  addConsentListener('ad_personalization', forwardConsent);
}
setInWindow(CONFIG_KEY, config, true);
// Success once every file loaded; failure once, at the first that did not.
let pending = urls.length;
let failed = false;
const loaded = function () {
  pending--;
  if (pending == 0 && !failed) data.gtmOnSuccess();
};
const notLoaded = function () {
  if (!failed) data.gtmOnFailure();
  failed = true;
};
// Each URL doubles as cache token: GTM injects it once per page however often the tag fires.
for (let i = 0; i < urls.length; i++) injectScript(urls[i], loaded, notLoaded, urls[i]);
