// Scenario: A failed injection calls gtmOnFailure, once, however many files fail
const mockData = { chiliPiper: true, customerly: true, userlike: true, genesys: true };

let calls = 0;
mock('injectScript', function (url, onSuccess, onFailure) {
  calls++;
  // The core loads; every vendor file fails.
  if (calls == 1) onSuccess();
  else onFailure();
});

runCode(mockData);

assertApi('setInWindow').wasCalled();
assertApi('gtmOnFailure').wasCalled();
assertThat(calls).isEqualTo(5);
assertApi('gtmOnSuccess').wasNotCalled();
