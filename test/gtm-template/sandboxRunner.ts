/**
 * A local runner for the template's sandboxed code and its ___TESTS___
 * scenarios (no official one exists). It reproduces what the scenarios rely
 * on: `runCode(data)`, `mock(api, impl)`, `assertApi(api)`, `assertThat(value)`,
 * `fail(message)`, and `require` of the sandboxed APIs. Unmocked APIs behave
 * as GTM's test environment does for this template: `queryPermission` answers
 * from the template's own declared permissions, `setInWindow` writes to a fake
 * window, `injectScript` and `logToConsole` only record their calls.
 */
import { isDeepStrictEqual } from 'node:util';
import { parse } from 'acorn';

type Api = (...args: unknown[]) => unknown;
type Permission = { instance: { key: { publicId: string }; param: { key: string; value: Record<string, unknown> }[] } };

/** Throws on the syntax GTM's sandbox refuses: `new`, `this`, template literals, regex literals. */
export function checkSandboxSyntax(code: string): void {
  const ast = parse(`(function(){${code}\n})`, { ecmaVersion: 2020 });
  const visit = (node: unknown): void => {
    if (!node || typeof node != 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const { type } = node as { type?: string };
    if (type == 'NewExpression' || type == 'ThisExpression' || type == 'TemplateLiteral' || (type == 'Literal' && 'regex' in node)) {
      throw new Error(`sandboxed code uses ${type == 'Literal' ? 'a regex literal' : type}`);
    }
    for (const value of Object.values(node)) visit(value);
  };
  visit(ast);
}

/** queryPermission as GTM answers it from the declared permissions. */
function permissionChecker(permissions: Permission[]) {
  const find = (id: string) => permissions.find((permission) => permission.instance.key.publicId == id);
  return (id: string, ...args: unknown[]): boolean => {
    const permission = find(id);
    if (!permission) return false;
    const param = (key: string) => permission.instance.param.find((p) => p.key == key)?.value;
    if (id == 'inject_script') {
      const urls = ((param('urls')?.listItem as { string: string }[]) || []).map((item) => item.string);
      return urls.some((pattern) =>
        new RegExp('^' + pattern.replace(/[.?+^$()[\]{}|\\]/g, '\\$&').replace(/\*/g, '.*') + '$').test(String(args[0])),
      );
    }
    if (id == 'access_globals') {
      const [access, key] = args as [string, string];
      const entries = (param('keys')?.listItem as { mapValue: { string?: string; boolean?: boolean }[] }[]) || [];
      const entry = entries.find((item) => item.mapValue[0].string == key);
      if (!entry) return false;
      const [, read, write, execute] = entry.mapValue.map((value) => value.boolean);
      return access == 'read'
        ? !!read
        : access == 'write'
          ? !!write
          : access == 'readwrite'
            ? !!read && !!write
            : access == 'execute'
              ? !!execute
              : false;
    }
    return id == 'logging';
  };
}

export interface ScenarioResult {
  name: string;
  error?: Error;
  /** The fake window after the run. */
  window: Record<string, unknown>;
  /** The arguments of every call of each API and of gtmOnSuccess/gtmOnFailure. */
  calls: Record<string, unknown[][]>;
}

/** Runs one scenario's code against the sandboxed code. */
export function runScenario(code: string, scenario: { name: string; code: string }, permissions: Permission[]): ScenarioResult {
  checkSandboxSyntax(code);
  const fakeWindow: Record<string, unknown> = {};
  const calls: Record<string, unknown[][]> = {};
  const defaults: Record<string, Api> = {
    queryPermission: permissionChecker(permissions) as Api,
    setInWindow: (key, value) => {
      fakeWindow[key as string] = value;
      return true;
    },
    injectScript: () => undefined,
    logToConsole: () => undefined,
  };
  const mocks: Record<string, Api> = {};
  const track =
    (name: string) =>
    (...args: unknown[]) => {
      (calls[name] = calls[name] || []).push(args);
      const impl = mocks[name] || defaults[name];
      if (!impl) throw new Error(`require('${name}'): API not available to this template`);
      return impl(...args);
    };
  const required = new Set<string>();
  const sandboxRequire = (name: string) => {
    required.add(name);
    return track(name);
  };
  const assertThat = (actual: unknown, label = '') => {
    const check = (ok: boolean, what: string) => {
      if (!ok) throw new Error(`${label}expected ${JSON.stringify(actual)} ${what}`);
    };
    return {
      isEqualTo: (expected: unknown) => check(isDeepStrictEqual(actual, expected), `to equal ${JSON.stringify(expected)}`),
      isNotEqualTo: (expected: unknown) => check(!isDeepStrictEqual(actual, expected), `not to equal ${JSON.stringify(expected)}`),
      isTrue: () => check(actual === true, 'to be true'),
      isFalse: () => check(actual === false, 'to be false'),
      isUndefined: () => check(actual === undefined, 'to be undefined'),
      isDefined: () => check(actual !== undefined, 'to be defined'),
    };
  };
  const assertApi = (name: string) => ({
    wasCalled: () => assertThat(!!calls[name], `${name} called: `).isTrue(),
    wasNotCalled: () => assertThat(!!calls[name], `${name} called: `).isFalse(),
    wasCalledWith: (...args: unknown[]) =>
      assertThat(
        (calls[name] || []).some((call) => isDeepStrictEqual(call, args)),
        `${name} called with ${JSON.stringify(args)}: `,
      ).isTrue(),
  });
  const runCode = (data: Record<string, unknown>) => {
    const withCallbacks = { ...data, gtmOnSuccess: track('gtmOnSuccess'), gtmOnFailure: track('gtmOnFailure') };
    defaults.gtmOnSuccess = defaults.gtmOnFailure = () => undefined;
    new Function('require', 'data', code)(sandboxRequire, withCallbacks);
  };
  const mock = (name: string, impl: Api) => {
    mocks[name] = impl;
  };
  const fail = (message: string) => {
    throw new Error(message);
  };
  try {
    new Function('mock', 'runCode', 'assertApi', 'assertThat', 'fail', 'require', scenario.code)(
      mock,
      runCode,
      assertApi,
      assertThat,
      fail,
      sandboxRequire,
    );
    return { name: scenario.name, window: fakeWindow, calls };
  } catch (error) {
    return { name: scenario.name, error: error as Error, window: fakeWindow, calls };
  }
}
