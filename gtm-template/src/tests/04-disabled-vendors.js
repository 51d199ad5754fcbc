// Scenario: Unticked widgets are left out of the config and of the injected files; empty fields fall back to defaults
const mockData = { chiliPiper: false, customerly: true, userlike: false, genesys: false, generateLead: false };

let config;
const injected = [];
mock('setInWindow', function (key, value) {
  config = value;
});
mock('injectScript', function (url, onSuccess) {
  injected.push(url);
  onSuccess();
});

runCode(mockData);

assertThat(config.vendors).isEqualTo(['customerly']);
assertThat(injected).isEqualTo(['__DIST_BASE__core.js', '__DIST_BASE__vendors/customerly.js']);
assertThat(config.generateLead).isFalse();
assertThat(config.dataLayerName).isEqualTo('dataLayer');
assertThat(config.eventPrefix).isEqualTo('widget_');
assertThat(config.output).isEqualTo('dataLayer');
assertApi('gtmOnSuccess').wasCalled();
