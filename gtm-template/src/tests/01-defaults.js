// Scenario: Defaults configure all four widgets and inject the bridge
const mockData = {
  chiliPiper: true,
  customerly: true,
  userlike: true,
  genesys: true,
  output: 'dataLayer',
  dataLayerName: 'dataLayer',
  eventPrefix: 'widget_',
  generateLead: true,
  hashEmail: false,
  debug: false,
};

let config;
mock('setInWindow', function (key, value, overrideExisting) {
  assertThat(key).isEqualTo('gtmWidgetBridgeConfig');
  assertThat(overrideExisting).isTrue();
  config = value;
});
let injected;
mock('injectScript', function (url, onSuccess, onFailure, cacheToken) {
  injected = url;
  assertThat(cacheToken).isEqualTo(url);
  onSuccess();
});

runCode(mockData);

assertThat(config).isEqualTo({
  vendors: ['chili_piper', 'customerly', 'userlike', 'genesys'],
  dataLayerName: 'dataLayer',
  eventPrefix: 'widget_',
  output: 'dataLayer',
  chiliPiper: { origins: [], relay: null },
  leadActions: {},
  generateLead: true,
  hashEmail: false,
  debug: false,
});
assertThat(injected).isEqualTo('__BRIDGE_URL__');
assertApi('gtmOnSuccess').wasCalled();
assertApi('gtmOnFailure').wasNotCalled();
assertApi('logToConsole').wasNotCalled();
