// Scenario: Unticked widgets are left out; empty fields fall back to defaults
const mockData = { chiliPiper: false, customerly: true, userlike: false, genesys: false, generateLead: false };

let config;
mock('setInWindow', function (key, value) {
  config = value;
});
mock('injectScript', function (url, onSuccess) {
  onSuccess();
});

runCode(mockData);

assertThat(config.vendors).isEqualTo(['customerly']);
assertThat(config.generateLead).isFalse();
assertThat(config.dataLayerName).isEqualTo('dataLayer');
assertThat(config.eventPrefix).isEqualTo('widget_');
assertThat(config.output).isEqualTo('dataLayer');
assertApi('gtmOnSuccess').wasCalled();
