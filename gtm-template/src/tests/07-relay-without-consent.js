// Scenario: Without analytics consent nothing is read from analytics storage and the relay is told so
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
let injected;
mock('injectScript', function (url, onSuccess) {
  injected = url;
  onSuccess();
});
mock('isConsentGranted', false);
mock('readAnalyticsStorage', { client_id: '1234567890.1763726400', sessions: [] });
mock('addConsentListener', function () {});

runCode(mockData);

assertThat(config.chiliPiper.relay).isEqualTo({ url: 'https://relay.example.com', analyticsConsent: false, measurementId: 'G-ABC12345' });
assertApi('readAnalyticsStorage').wasNotCalled();
assertApi('addConsentListener').wasCalled();

// The relay unticked: no consent check, no listener.
mockData.chiliPiperRelay = false;
runCode(mockData);
assertThat(config.chiliPiper.relay).isEqualTo(null);
assertThat(injected).isEqualTo('__BRIDGE_BASE__.chili_piper.js');
