// Scenario: A failed injection calls gtmOnFailure
const mockData = { chiliPiper: true, customerly: true, userlike: true, genesys: true };

mock('injectScript', function (url, onSuccess, onFailure) {
  onFailure();
});

runCode(mockData);

assertApi('setInWindow').wasCalled();
assertApi('gtmOnFailure').wasCalled();
assertApi('gtmOnSuccess').wasNotCalled();
