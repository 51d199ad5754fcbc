// Scenario: Defaults configure every widget and inject the core and each widget's file, success once all loaded
const mockData = {
  chiliPiper: true,
  customerly: true,
  userlike: true,
  genesys: true,
  calendly: true,
  typeform: true,
  calCom: true,
  hubspot: true,
  livechat: true,
  tidio: true,
  tawkTo: true,
  crisp: true,
  intercom: true,
  drift: true,
  zendesk: true,
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
  vendors: [
    'chili_piper',
    'customerly',
    'userlike',
    'genesys',
    'calendly',
    'typeform',
    'cal_com',
    'hubspot',
    'livechat',
    'tidio',
    'tawk_to',
    'crisp',
    'intercom',
    'drift',
    'zendesk',
  ],
  dataLayerName: 'dataLayer',
  eventPrefix: 'widget_',
  output: 'dataLayer',
  chiliPiper: { origins: [], relay: null },
  calendly: { origins: [] },
  typeform: { origins: [] },
  calCom: { origins: [] },
  hubspot: { origins: [] },
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
  '__DIST_BASE__vendors/calendly.js',
  '__DIST_BASE__vendors/typeform.js',
  '__DIST_BASE__vendors/cal_com.js',
  '__DIST_BASE__vendors/hubspot.js',
  '__DIST_BASE__vendors/livechat.js',
  '__DIST_BASE__vendors/tidio.js',
  '__DIST_BASE__vendors/tawk_to.js',
  '__DIST_BASE__vendors/crisp.js',
  '__DIST_BASE__vendors/intercom.js',
  '__DIST_BASE__vendors/drift.js',
  '__DIST_BASE__vendors/zendesk.js',
]);
// Success only once the last file loaded.
for (let i = 0; i < injected.length - 1; i++) loaded[i]();
assertApi('gtmOnSuccess').wasNotCalled();
loaded[injected.length - 1]();
assertApi('gtmOnSuccess').wasCalled();
assertApi('gtmOnFailure').wasNotCalled();
assertApi('logToConsole').wasNotCalled();
