// Scenario: Without permission nothing is written or injected, and the tag fails
const mockData = { chiliPiper: true, customerly: true, userlike: true, genesys: true };

mock('queryPermission', function (permission) {
  return permission !== 'inject_script';
});

runCode(mockData);

assertApi('setInWindow').wasNotCalled();
assertApi('injectScript').wasNotCalled();
assertApi('gtmOnFailure').wasCalled();
