/**
 * A local runner for the template's sandboxed code, its fields and its
 * ___TESTS___ scenarios (Google publishes no runner), following Google's
 * documentation of sandboxed JavaScript and of the template test API:
 * https://developers.google.com/tag-platform/tag-manager/templates/sandboxed-javascript
 * https://developers.google.com/tag-platform/tag-manager/templates/api
 * https://developers.google.com/tag-platform/tag-manager/templates/tests
 *
 * What GTM would reject fails here: syntax outside the sandbox's subset,
 * globals instead of required APIs, `require` of an API that does not
 * exist, calls the declared permissions do not allow (checked statically on
 * every call site whatever the branch, and again when the call runs), unknown
 * field types and group styles. Scenario code is held to the same syntax.
 * The test API: `runCode`, `mock` (a function runs in place of the API, any
 * other value is what the API returns), `mockObject`, `assertApi`,
 * `assertThat` with its matchers, `fail`.
 */
import { isDeepStrictEqual } from 'node:util';
import { parse } from 'acorn';

type Api = (...args: unknown[]) => unknown;
type Permission = { instance: { key: { publicId: string }; param: { key: string; value: Record<string, unknown> }[] } };
type Node = { type: string; [key: string]: unknown };

/**
 * The sandboxed APIs a template can require, with the permission each call
 * needs (undefined: none). JSON, Math and Object exist only through require.
 */
export const SANDBOX_APIS: Record<string, string | undefined> = {
  addConsentListener: 'access_consent',
  addEventCallback: 'read_event_metadata',
  aliasInWindow: 'access_globals',
  callInWindow: 'access_globals',
  callLater: undefined,
  copyFromDataLayer: 'read_data_layer',
  copyFromWindow: 'access_globals',
  createArgumentsQueue: 'access_globals',
  createQueue: 'access_globals',
  decodeUri: undefined,
  decodeUriComponent: undefined,
  encodeUri: undefined,
  encodeUriComponent: undefined,
  fromBase64: undefined,
  generateRandom: undefined,
  getContainerVersion: 'read_container_data',
  getCookieValues: 'get_cookies',
  getQueryParameters: 'get_url',
  getReferrerQueryParameters: 'get_referrer',
  getReferrerUrl: 'get_referrer',
  getTimestamp: undefined,
  getTimestampMillis: undefined,
  getType: undefined,
  getUrl: 'get_url',
  gtagSet: 'write_data_layer',
  injectHiddenIframe: 'inject_hidden_iframe',
  injectScript: 'inject_script',
  isConsentGranted: 'access_consent',
  JSON: undefined,
  localStorage: 'access_local_storage',
  logToConsole: 'logging',
  makeInteger: undefined,
  makeNumber: undefined,
  makeString: undefined,
  makeTableMap: undefined,
  Math: undefined,
  Object: undefined,
  parseUrl: undefined,
  queryPermission: undefined,
  readAnalyticsStorage: 'read_analytics_storage',
  readCharacterSet: 'read_character_set',
  readTitle: 'read_title',
  sendPixel: 'send_pixel',
  setCookie: 'set_cookies',
  setDefaultConsentState: 'access_consent',
  setInWindow: 'access_globals',
  sha256: undefined,
  templateStorage: undefined,
  toBase64: undefined,
  updateConsentState: 'access_consent',
};

/** Field types and group styles the template editor knows. */
export const FIELD_TYPES = ['TEXT', 'SELECT', 'CHECKBOX', 'RADIO', 'SIMPLE_TABLE', 'PARAM_TABLE', 'GROUP', 'LABEL'];
export const GROUP_STYLES = ['ZIPPY_OPEN', 'ZIPPY_CLOSED', 'ZIPPY_OPEN_ON_PARAM', 'NO_ZIPPY'];
export const VALIDATOR_TYPES = [
  'NON_EMPTY',
  'REGEX',
  'POSITIVE_NUMBER',
  'NON_NEGATIVE_NUMBER',
  'NUMBER',
  'STRING_LENGTH',
  'TABLE_ROW_COUNT',
  'GA_TRACKING_ID',
];

/** Names sandboxed code may use without declaring them. */
const SANDBOX_GLOBALS = ['require', 'data', 'undefined', 'NaN', 'Infinity'];
/** The test API's names, for scenario code. */
const TEST_GLOBALS = ['mock', 'mockObject', 'runCode', 'assertApi', 'assertThat', 'fail'];

/** Syntax outside the sandbox's subset of JavaScript, by AST node type. */
const FORBIDDEN: Record<string, string> = {
  NewExpression: '`new`',
  ThisExpression: '`this`',
  TemplateLiteral: 'a template literal',
  TaggedTemplateExpression: 'a tagged template',
  ClassDeclaration: 'a class',
  ClassExpression: 'a class',
  ForOfStatement: '`for…of`',
  SpreadElement: 'spread syntax',
  RestElement: 'rest syntax',
  ObjectPattern: 'destructuring',
  ArrayPattern: 'destructuring',
  AwaitExpression: '`await`',
  YieldExpression: '`yield`',
  WithStatement: '`with`',
  ImportExpression: '`import()`',
};

function walk(node: unknown, visit: (node: Node, parents: Node[]) => void, parents: Node[] = []): void {
  if (!node || typeof node != 'object') return;
  if (Array.isArray(node)) return node.forEach((child) => walk(child, visit, parents));
  const current = node as Node;
  if (typeof current.type == 'string') visit(current, parents);
  for (const [key, value] of Object.entries(current)) {
    if (key != 'type' && value && typeof value == 'object')
      walk(value, visit, typeof current.type == 'string' ? [...parents, current] : parents);
  }
}

/** Whether an Identifier node is a reference (not a property name or a declaration's key). */
function isReference(node: Node, parent: Node | undefined): boolean {
  if (!parent) return true;
  if (parent.type == 'MemberExpression' && parent.property === node && !parent.computed) return false;
  if (parent.type == 'Property' && parent.key === node && !parent.computed) return false;
  return true;
}

/**
 * Throws on code GTM's sandbox refuses: syntax outside its subset (`new`,
 * `this`, template literals, regex literals, classes, `for…of`, spread and
 * rest, destructuring, async functions, generators, getters and setters), and
 * any global other than `require` and `data` (scenarios: the test API too),
 * such as `JSON`, `Math`, `Object` or `window`, which only exist through
 * require. Returns the names `require` binds, for the permission check.
 */
export function checkSandboxSyntax(code: string, kind: 'template' | 'scenario' = 'template'): Record<string, string> {
  const ast = parse(`(function(){${code}\n})`, { ecmaVersion: 2022 }) as unknown as Node;
  const declared = new Set<string>();
  const required: Record<string, string> = {};
  walk(ast, (node) => {
    if (FORBIDDEN[node.type]) throw new Error(`sandboxed code uses ${FORBIDDEN[node.type]}`);
    if (node.type == 'Literal' && 'regex' in node) throw new Error('sandboxed code uses a regex literal');
    if (
      (node.type == 'FunctionDeclaration' || node.type == 'FunctionExpression' || node.type == 'ArrowFunctionExpression') &&
      (node.async || node.generator)
    ) {
      throw new Error(`sandboxed code uses ${node.async ? 'an async function' : 'a generator'}`);
    }
    if (node.type == 'Property' && (node.kind == 'get' || node.kind == 'set')) throw new Error('sandboxed code uses a getter or setter');
    if (node.type == 'VariableDeclarator') {
      const id = node.id as Node;
      declared.add(id.name as string);
      const init = node.init as Node | null;
      if (init && init.type == 'CallExpression' && (init.callee as Node).name == 'require') {
        const [name] = init.arguments as Node[];
        if (name.type != 'Literal' || typeof name.value != 'string') throw new Error('require takes a string literal');
        if (!(name.value in SANDBOX_APIS)) throw new Error(`require('${name.value}'): no such sandboxed API`);
        required[id.name as string] = name.value;
      }
    }
    if (node.type == 'FunctionDeclaration') declared.add((node.id as Node).name as string);
    for (const param of (node.params as Node[] | undefined) || []) if (param.type == 'Identifier') declared.add(param.name as string);
    if (node.type == 'CatchClause' && node.param) declared.add((node.param as Node).name as string);
  });
  const allowed = new Set([...SANDBOX_GLOBALS, ...(kind == 'scenario' ? TEST_GLOBALS : [])]);
  walk(ast, (node, parents) => {
    if (node.type != 'Identifier' || !isReference(node, parents[parents.length - 1])) return;
    const name = node.name as string;
    if (!declared.has(name) && !allowed.has(name))
      throw new Error(`sandboxed code uses the global ${name}${name in SANDBOX_APIS ? ` (require('${name}') instead)` : ''}`);
  });
  return required;
}

/** The patterns of a permission parameter's string list. */
function listOf(permission: Permission | undefined, key: string): string[] {
  const value = permission?.instance.param.find((p) => p.key == key)?.value;
  return ((value?.listItem as { string: string }[]) || []).map((item) => item.string);
}
const matches = (pattern: string, text: string) =>
  new RegExp('^' + pattern.replace(/[.?+^$()[\]{}|\\]/g, '\\$&').replace(/\*/g, '.*') + '$').test(text);

/**
 * The boolean columns of the row named `name` in a permission's list of maps (access_globals `keys`:
 * read, write, execute; access_consent `consentTypes`: read, write); undefined when no row has the name.
 */
function mapFlags(permission: Permission, key: string, name: string): boolean[] | undefined {
  const rows =
    (permission.instance.param.find((p) => p.key == key)?.value.listItem as { mapValue: { string?: string; boolean?: boolean }[] }[]) || [];
  const row = rows.find((item) => item.mapValue[0].string == name);
  return row && row.mapValue.slice(1).map((value) => !!value.boolean);
}

/** queryPermission as GTM answers it from the declared permissions. */
export function permissionChecker(permissions: Permission[]) {
  const find = (id: string) => permissions.find((permission) => permission.instance.key.publicId == id);
  return (id: string, ...args: unknown[]): boolean => {
    const permission = find(id);
    if (!permission) return false;
    if (id == 'inject_script') return listOf(permission, 'urls').some((pattern) => matches(pattern, String(args[0])));
    if (id == 'access_globals') {
      const [access, key] = args as [string, string];
      const flags = mapFlags(permission, 'keys', key);
      if (!flags) return false;
      const [read, write, execute] = flags;
      const can: Record<string, boolean> = { read, write, readwrite: read && write, execute };
      return !!can[access];
    }
    if (id == 'access_consent') {
      // https://developers.google.com/tag-platform/tag-manager/templates/permissions#access_consent
      const [access, consentType] = args as [string, string];
      const flags = mapFlags(permission, 'consentTypes', consentType);
      return !!flags && flags[access == 'write' ? 1 : 0];
    }
    if (id == 'logging') {
      const environments = permission.instance.param.find((p) => p.key == 'environments')?.value;
      return !!environments;
    }
    return true;
  };
}

/** What each permission-bound API asks for, from its arguments. */
const REQUESTS: Record<string, (args: unknown[]) => unknown[]> = {
  injectScript: (args) => ['inject_script', args[0]],
  setInWindow: (args) => ['access_globals', 'readwrite', args[0]],
  copyFromWindow: (args) => ['access_globals', 'read', args[0]],
  callInWindow: (args) => ['access_globals', 'execute', args[0]],
  aliasInWindow: (args) => ['access_globals', 'readwrite', args[0]],
  createQueue: (args) => ['access_globals', 'readwrite', args[0]],
  createArgumentsQueue: (args) => ['access_globals', 'readwrite', args[0]],
  logToConsole: () => ['logging'],
  isConsentGranted: (args) => ['access_consent', 'read', args[0]],
  addConsentListener: (args) => ['access_consent', 'read', args[0]],
  setDefaultConsentState: () => ['access_consent', 'write', undefined],
  updateConsentState: () => ['access_consent', 'write', undefined],
};

/**
 * Fails on a call site the declared permissions cannot allow, whatever the
 * branch it sits in: every call of a permission-bound API whose subject (URL,
 * global key) is a string literal, or a const bound to one, must be allowed;
 * an API needing a permission the template does not declare fails outright.
 */
export function checkPermissionsStatically(code: string, permissions: Permission[]): void {
  const required = checkSandboxSyntax(code);
  const allowed = permissionChecker(permissions);
  const ast = parse(`(function(){${code}\n})`, { ecmaVersion: 2022 }) as unknown as Node;
  const constants: Record<string, string> = {};
  walk(ast, (node) => {
    const init = node.init as Node | undefined;
    if (node.type == 'VariableDeclarator' && init && init.type == 'Literal' && typeof init.value == 'string')
      constants[(node.id as Node).name as string] = init.value;
  });
  const declaredIds = new Set(permissions.map((permission) => permission.instance.key.publicId));
  for (const api of Object.values(required)) {
    const needed = SANDBOX_APIS[api];
    if (needed && !declaredIds.has(needed))
      throw new Error(`require('${api}') needs the ${needed} permission, which the template does not declare`);
  }
  walk(ast, (node) => {
    if (node.type != 'CallExpression') return;
    const api = required[(node.callee as Node).name as string];
    const request = api && REQUESTS[api];
    if (!request) return;
    const args = (node.arguments as Node[]).map((arg) =>
      arg.type == 'Literal'
        ? arg.value
        : arg.type == 'Identifier' && (arg.name as string) in constants
          ? constants[arg.name as string]
          : undefined,
    );
    const [id, ...rest] = request(args);
    if (rest.some((value) => value === undefined && rest.length > 0 && id != 'logging')) return; // computed subject: checked when it runs
    if (!allowed(id as string, ...rest))
      throw new Error(`${api}(${JSON.stringify(args[0])}) is not allowed by the declared ${id} permission`);
  });
}

/** Throws on template fields the editor would refuse: unknown types, group styles or validators. */
export function checkParameters(fields: unknown[]): void {
  for (const field of fields as {
    type: string;
    name?: string;
    groupStyle?: string;
    subParams?: unknown[];
    valueValidators?: { type: string }[];
  }[]) {
    if (!FIELD_TYPES.includes(field.type)) throw new Error(`field ${field.name}: unknown type ${field.type}`);
    if (field.type == 'GROUP' && field.groupStyle && !GROUP_STYLES.includes(field.groupStyle))
      throw new Error(`field ${field.name}: unknown group style ${field.groupStyle}`);
    for (const validator of field.valueValidators || [])
      if (!VALIDATOR_TYPES.includes(validator.type)) throw new Error(`field ${field.name}: unknown validator ${validator.type}`);
    if (field.subParams) checkParameters(field.subParams);
  }
}

export interface ScenarioResult {
  name: string;
  error?: Error;
  /** The fake window after the run. */
  window: Record<string, unknown>;
  /** The arguments of every call of each API and of gtmOnSuccess/gtmOnFailure. */
  calls: Record<string, unknown[][]>;
}

/** GTM's getType for the matchers. */
const typeOf = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

/** Runs one scenario's code against the sandboxed code. */
export function runScenario(code: string, scenario: { name: string; code: string }, permissions: Permission[]): ScenarioResult {
  const fakeWindow: Record<string, unknown> = {};
  const calls: Record<string, unknown[][]> = {};
  const allowed = permissionChecker(permissions);
  const enforce = (api: string, args: unknown[]) => {
    const request = REQUESTS[api];
    if (!request) return;
    const [id, ...rest] = request(args);
    if (!allowed(id as string, ...rest)) throw new Error(`${api}: permission ${id} denied for ${JSON.stringify(rest)}`);
  };
  const defaults: Record<string, Api> = {
    queryPermission: allowed as Api,
    setInWindow: (key, value, overrideExisting) => {
      if (overrideExisting || !((key as string) in fakeWindow)) fakeWindow[key as string] = value;
      return true;
    },
    injectScript: () => undefined,
    logToConsole: () => undefined,
    getType: (value) => typeOf(value),
    makeString: (value) => String(value),
  };
  const mocks: Record<string, Api> = {};
  const track =
    (name: string) =>
    (...args: unknown[]) => {
      (calls[name] = calls[name] || []).push(args);
      const impl = mocks[name];
      if (impl) return impl(...args);
      // Unmocked, an API enforces its permission as it would in GTM.
      enforce(name, args);
      if (!defaults[name]) throw new Error(`require('${name}'): not available in this runner`);
      return defaults[name](...args);
    };
  const sandboxRequire = (name: string) => {
    if (!(name in SANDBOX_APIS)) throw new Error(`require('${name}'): no such sandboxed API`);
    return track(name);
  };
  const assertThat = (actual: unknown, message?: string) => {
    const label = message ? message + ': ' : '';
    const show = (value: unknown) => (typeof value == 'function' ? 'a function' : JSON.stringify(value));
    const check = (ok: boolean, what: string) => {
      if (!ok) throw new Error(`${label}expected ${show(actual)} ${what}`);
    };
    const length = (value: unknown) =>
      typeof value == 'string' || Array.isArray(value)
        ? value.length
        : typeOf(value) == 'object'
          ? Object.keys(value as object).length
          : NaN;
    const contains = (value: unknown) =>
      typeof actual == 'string'
        ? actual.indexOf(String(value)) >= 0
        : Array.isArray(actual)
          ? actual.some((item) => isDeepStrictEqual(item, value))
          : false;
    return {
      isEqualTo: (expected: unknown) => check(isDeepStrictEqual(actual, expected), `to equal ${show(expected)}`),
      isNotEqualTo: (expected: unknown) => check(!isDeepStrictEqual(actual, expected), `not to equal ${show(expected)}`),
      isStrictlyEqualTo: (expected: unknown) => check(actual === expected, `to be ${show(expected)}`),
      isNotStrictlyEqualTo: (expected: unknown) => check(actual !== expected, `not to be ${show(expected)}`),
      isDefined: () => check(actual !== undefined, 'to be defined'),
      isUndefined: () => check(actual === undefined, 'to be undefined'),
      isNull: () => check(actual === null, 'to be null'),
      isNotNull: () => check(actual !== null, 'not to be null'),
      isTrue: () => check(actual === true, 'to be true'),
      isFalse: () => check(actual === false, 'to be false'),
      isTruthy: () => check(!!actual, 'to be truthy'),
      isFalsy: () => check(!actual, 'to be falsy'),
      isNaN: () => check(typeof actual == 'number' && actual !== actual, 'to be NaN'),
      isNotNaN: () => check(!(typeof actual == 'number' && actual !== actual), 'not to be NaN'),
      isInfinity: () => check(actual === Infinity || actual === -Infinity, 'to be infinite'),
      isNotInfinity: () => check(actual !== Infinity && actual !== -Infinity, 'not to be infinite'),
      isString: () => check(typeOf(actual) == 'string', 'to be a string'),
      isNotString: () => check(typeOf(actual) != 'string', 'not to be a string'),
      isNumber: () => check(typeOf(actual) == 'number', 'to be a number'),
      isNotNumber: () => check(typeOf(actual) != 'number', 'not to be a number'),
      isBoolean: () => check(typeOf(actual) == 'boolean', 'to be a boolean'),
      isNotBoolean: () => check(typeOf(actual) != 'boolean', 'not to be a boolean'),
      isArray: () => check(typeOf(actual) == 'array', 'to be an array'),
      isNotArray: () => check(typeOf(actual) != 'array', 'not to be an array'),
      isObject: () => check(typeOf(actual) == 'object', 'to be an object'),
      isNotObject: () => check(typeOf(actual) != 'object', 'not to be an object'),
      isFunction: () => check(typeOf(actual) == 'function', 'to be a function'),
      isNotFunction: () => check(typeOf(actual) != 'function', 'not to be a function'),
      isEmpty: () => check(length(actual) === 0, 'to be empty'),
      isNotEmpty: () => check(length(actual) > 0, 'not to be empty'),
      hasLength: (expected: number) => check(length(actual) === expected, `to have length ${expected}`),
      contains: (...values: unknown[]) => check(values.every(contains), `to contain ${show(values)}`),
      doesNotContain: (...values: unknown[]) => check(!values.some(contains), `not to contain ${show(values)}`),
      isAnyOf: (...values: unknown[]) =>
        check(
          values.some((value) => isDeepStrictEqual(actual, value)),
          `to be any of ${show(values)}`,
        ),
      isNoneOf: (...values: unknown[]) => check(!values.some((value) => isDeepStrictEqual(actual, value)), `to be none of ${show(values)}`),
      isLessThan: (expected: number) => check((actual as number) < expected, `to be less than ${expected}`),
      isLessThanOrEqualTo: (expected: number) => check((actual as number) <= expected, `to be at most ${expected}`),
      isGreaterThan: (expected: number) => check((actual as number) > expected, `to be greater than ${expected}`),
      isGreaterThanOrEqualTo: (expected: number) => check((actual as number) >= expected, `to be at least ${expected}`),
    };
  };
  const assertApi = (name: string) => ({
    wasCalled: () => assertThat(!!calls[name], `${name} called`).isTrue(),
    wasNotCalled: () => assertThat(!!calls[name], `${name} called`).isFalse(),
    wasCalledWith: (...args: unknown[]) =>
      assertThat(
        (calls[name] || []).some((call) => isDeepStrictEqual(call, args)),
        `${name} called with ${JSON.stringify(args)}`,
      ).isTrue(),
    wasNotCalledWith: (...args: unknown[]) =>
      assertThat(
        (calls[name] || []).some((call) => isDeepStrictEqual(call, args)),
        `${name} called with ${JSON.stringify(args)}`,
      ).isFalse(),
  });
  const runCode = (data: Record<string, unknown>) => {
    const withCallbacks = { ...data, gtmOnSuccess: track('gtmOnSuccess'), gtmOnFailure: track('gtmOnFailure') };
    defaults.gtmOnSuccess = defaults.gtmOnFailure = () => undefined;
    return new Function('require', 'data', code)(sandboxRequire, withCallbacks);
  };
  // A function runs in place of the API; any other value is what the API returns.
  const mock = (name: string, value: unknown) => {
    if (!(name in SANDBOX_APIS)) throw new Error(`mock('${name}'): no such sandboxed API`);
    mocks[name] = typeof value == 'function' ? (value as Api) : () => value;
  };
  const mockObject = (name: string, value: Record<string, unknown>) => {
    if (!(name in SANDBOX_APIS)) throw new Error(`mockObject('${name}'): no such sandboxed API`);
    mocks[name] = () => value;
  };
  const fail = (message: string) => {
    throw new Error(message);
  };
  try {
    // GTM refuses to save such a template, so no scenario of it passes.
    checkSandboxSyntax(code);
    checkPermissionsStatically(code, permissions);
    checkSandboxSyntax(scenario.code, 'scenario');
    new Function('mock', 'mockObject', 'runCode', 'assertApi', 'assertThat', 'fail', 'require', scenario.code)(
      mock,
      mockObject,
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
