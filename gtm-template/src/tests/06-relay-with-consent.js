// Scenario: The relay reads the GA ids only with analytics consent, seals the advertising consent, injects the relay client's file and forwards consent changes
const mockData = {
  chiliPiper: true,
  customerly: false,
  userlike: false,
  genesys: false,
  output: 'dataLayer',
  dataLayerName: 'dataLayer',
  eventPrefix: 'widget_',
  generateLead: true,
  hashEmail: false,
  debug: false,
  chiliPiperRelay: true,
  chiliPiperRelayUrl: 'https://relay.example.com',
  chiliPiperRelayMeasurementId: 'G-ABC12345',
};

let config;
mock('setInWindow', function (key, value) {
  config = value;
});
let injected = [];
mock('injectScript', function (url, onSuccess) {
  injected.push(url);
  onSuccess();
});
let granted = false;
let ads = { ad_user_data: false, ad_personalization: false };
mock('isConsentGranted', function (consentType) {
  return consentType == 'analytics_storage' ? granted : ads[consentType] === true;
});
mock('readAnalyticsStorage', {
  client_id: '1234567890.1763726400',
  sessions: [
    { measurement_id: 'G-OTHER999', session_id: '1111111111', session_number: 1 },
    { measurement_id: 'G-ABC12345', session_id: '1763726400', session_number: 4 },
  ],
});
const listeners = {};
mock('addConsentListener', function (consentType, callback) {
  listeners[consentType] = callback;
});
mock('callInWindow', function () {});

// Without consent: nothing read from analytics storage, the relay told so.
runCode(mockData);
assertThat(config.chiliPiper.relay).isEqualTo({
  url: 'https://relay.example.com',
  analyticsConsent: false,
  measurementId: 'G-ABC12345',
  adUserData: false,
  adPersonalization: false,
});
assertApi('readAnalyticsStorage').wasNotCalled();
assertThat(injected).isEqualTo([
  '__DIST_BASE__core.js',
  '__DIST_BASE__vendors/chili_piper.js',
  '__DIST_BASE__vendors/chili_piper_relay.js',
]);

// With consent: the client id and this stream's session id, and the advertising consent as Consent Mode has it.
granted = true;
ads = { ad_user_data: true, ad_personalization: false };
runCode(mockData);
assertThat(config.chiliPiper).isEqualTo({
  origins: [],
  relay: {
    url: 'https://relay.example.com',
    analyticsConsent: true,
    measurementId: 'G-ABC12345',
    adUserData: true,
    adPersonalization: false,
    clientId: '1234567890.1763726400',
    sessionId: '1763726400',
  },
});
assertApi('callInWindow').wasNotCalled();
granted = false;
listeners.analytics_storage('analytics_storage', false);
assertApi('callInWindow').wasCalledWith('gtmWidgetBridge.chiliPiper.setAnalyticsConsent', false, undefined, undefined, true, false);
// Granted later: the ids go along, so the bridge needs no gtag() on the page.
granted = true;
listeners.analytics_storage('analytics_storage', true);
assertApi('callInWindow').wasCalledWith(
  'gtmWidgetBridge.chiliPiper.setAnalyticsConsent',
  true,
  '1234567890.1763726400',
  '1763726400',
  true,
  false,
);
// Advertising consent changed: the bridge is told, so the next URLs seal the new state.
ads = { ad_user_data: false, ad_personalization: true };
listeners.ad_personalization('ad_personalization', true);
assertApi('callInWindow').wasCalledWith(
  'gtmWidgetBridge.chiliPiper.setAnalyticsConsent',
  true,
  '1234567890.1763726400',
  '1763726400',
  false,
  true,
);
assertApi('gtmOnSuccess').wasCalled();

// Unticked: no relay and no relay client.
mockData.chiliPiperRelay = false;
injected = [];
runCode(mockData);
assertThat(config.chiliPiper.relay).isEqualTo(null);
assertThat(injected).isEqualTo(['__DIST_BASE__core.js', '__DIST_BASE__vendors/chili_piper.js']);
