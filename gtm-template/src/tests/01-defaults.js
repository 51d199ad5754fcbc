// Scenario: Defaults configure all five widgets and inject the core and their five files, success once all loaded
const mockData = {
  chiliPiper: true,
  customerly: true,
  userlike: true,
  genesys: true,
  calCom: true,
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
const injected = [];
const loaded = [];
mock('injectScript', function (url, onSuccess, onFailure, cacheToken) {
  injected.push(url);
  assertThat(cacheToken).isEqualTo(url);
  loaded.push(onSuccess);
});

runCode(mockData);

assertThat(config).isEqualTo({
  vendors: ['chili_piper', 'customerly', 'userlike', 'genesys', 'cal_com'],
  dataLayerName: 'dataLayer',
  eventPrefix: 'widget_',
  output: 'dataLayer',
  chiliPiper: { origins: [], relay: null },
  calCom: { origins: [] },
  leadActions: {},
  generateLead: true,
  hashEmail: false,
  debug: false,
});
assertThat(injected).isEqualTo([
  '__DIST_BASE__core.js',
  '__DIST_BASE__vendors/chili_piper.js',
  '__DIST_BASE__vendors/customerly.js',
  '__DIST_BASE__vendors/userlike.js',
  '__DIST_BASE__vendors/genesys.js',
  '__DIST_BASE__vendors/cal_com.js',
]);
// Success only once the last file loaded.
for (let i = 0; i < 5; i++) loaded[i]();
assertApi('gtmOnSuccess').wasNotCalled();
loaded[5]();
assertApi('gtmOnSuccess').wasCalled();
assertApi('gtmOnFailure').wasNotCalled();
assertApi('logToConsole').wasNotCalled();
