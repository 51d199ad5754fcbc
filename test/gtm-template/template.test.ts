import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DIST_BASE,
  injectableUrls,
  parameters,
  permissions,
  renderTemplate,
  sandboxedCode,
  scenarios,
} from '../../scripts/render/gtmTemplate';
import { defaultConfig, parseConfig } from '../../src/authoring/config';
import { DOCUMENTED_ADAPTERS } from '../../src/vendors/manifest';
import { ADAPTERS } from '../../src/vendors/registry';
import { checkSandboxSyntax, runScenario } from './sandboxRunner';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
type Param = {
  name: string;
  type: string;
  subParams?: Param[];
  simpleTableColumns?: Param[];
  help?: string;
  checkboxText?: string;
  displayName?: string;
  valueValidators?: { type: string; args?: string[] }[];
};
const flatten = (params: Param[]): Param[] => params.flatMap((param) => [param, ...flatten(param.subParams || [])]);
const fields = flatten(parameters() as Param[]).filter((param) => param.type != 'GROUP');

describe('gtm-template/template.tpl', () => {
  it('is generated from gtm-template/src (run `npm run generate` after changing them)', () => {
    expect(readFileSync('gtm-template/template.tpl', 'utf8')).toBe(renderTemplate());
  });

  it('has every section the Gallery expects, in order, with the terms of service', () => {
    const sections = renderTemplate().match(/^___[A-Z_]+___$/gm);
    expect(sections).toEqual([
      '___TERMS_OF_SERVICE___',
      '___INFO___',
      '___TEMPLATE_PARAMETERS___',
      '___SANDBOXED_JS_FOR_WEB_TEMPLATE___',
      '___WEB_PERMISSIONS___',
      '___TESTS___',
      '___NOTES___',
    ]);
    expect(renderTemplate()).toContain('https://developers.google.com/tag-manager/gallery-tos');
    const info = JSON.parse(renderTemplate().split('___INFO___')[1].split('___TEMPLATE_PARAMETERS___')[0]);
    expect(info).toMatchObject({
      type: 'TAG',
      id: 'cvt_temp_public_id',
      containerContexts: ['WEB'],
      categories: ['CHAT', 'ANALYTICS', 'LEAD_GENERATION'],
    });
    expect(info.brand.thumbnail).toMatch(/^data:image\/png;base64,/);
  });

  it('injects the versioned core and exactly the ticked vendors, each a built file and one the permissions name', () => {
    expect(DIST_BASE).toBe(`https://cdn.jsdelivr.net/npm/gtm-widget-bridge@${pkg.version}/dist/`);
    expect(sandboxedCode()).toContain(`'${DIST_BASE}'`);
    expect(sandboxedCode()).not.toMatch(/__DIST_BASE__/);
    // Every set of checkboxes, with and without the relay.
    const boxes = ['chiliPiper', 'customerly', 'userlike', 'genesys'];
    const vendors = ['chili_piper', 'customerly', 'userlike', 'genesys'];
    for (let mask = 0; mask < 32; mask++) {
      const data: Record<string, unknown> = Object.fromEntries(boxes.map((box, i) => [box, !!(mask & (1 << i))]));
      if (mask & 16) Object.assign(data, { chiliPiperRelay: true, chiliPiperRelayUrl: 'https://relay.example.com' });
      const consent = "mock('isConsentGranted', function () { return false; }); mock('addConsentListener', function () {});";
      const result = runScenario(
        sandboxedCode(),
        { name: 'urls', code: `${consent} runCode(${JSON.stringify(data)});` },
        permissions() as never,
      );
      const urls = (result.calls.injectScript || []).map((call) => call[0] as string);
      const expected = [
        DIST_BASE + 'core.js',
        ...vendors.filter((_, i) => mask & (1 << i)).map((vendor) => `${DIST_BASE}vendors/${vendor}.js`),
      ];
      if (mask & 16 && mask & 1) expected.push(DIST_BASE + 'vendors/chili_piper_relay.js');
      expect(urls, JSON.stringify(data)).toEqual(expected);
      for (const url of urls) {
        expect(existsSync('dist/' + url.slice(DIST_BASE.length)), url).toBe(true);
        expect(injectableUrls()).toContain(url);
      }
      // The permissions allow exactly these (otherwise the tag fails before injecting).
      expect(result.error).toBeUndefined();
      expect(result.calls.gtmOnFailure).toBeUndefined();
    }
  });

  it('is refused a URL its permissions do not name (control: the same tag with the URL listed injects it)', () => {
    const narrowed = (permissions() as { instance: { key: { publicId: string }; param: { value: { listItem: unknown[] } }[] } }[]).map(
      (permission) =>
        permission.instance.key.publicId == 'inject_script'
          ? {
              ...permission,
              instance: {
                ...permission.instance,
                param: [{ key: 'urls', value: { type: 2, listItem: [{ type: 1, string: DIST_BASE + 'core.js' }] } }],
              },
            }
          : permission,
    );
    const data = { chiliPiper: false, customerly: true, userlike: false, genesys: false };
    const refused = runScenario(sandboxedCode(), { name: 'narrow', code: `runCode(${JSON.stringify(data)});` }, narrowed as never);
    expect(refused.calls.injectScript).toBeUndefined();
    expect(refused.calls.gtmOnFailure).toHaveLength(1);
    const allowed = runScenario(sandboxedCode(), { name: 'full', code: `runCode(${JSON.stringify(data)});` }, permissions() as never);
    expect(allowed.calls.injectScript).toHaveLength(2);
  });

  it('has a field with help text for every configuration option', () => {
    const names = fields.map((field) => field.name);
    // One checkbox per registry vendor; a field per core option; a field per vendor option (named <key><Field>).
    const vendorBoxes = DOCUMENTED_ADAPTERS.map((adapter) => adapter.docs.template.param);
    const { options, ...core } = defaultConfig(ADAPTERS);
    for (const key of Object.keys(core)) {
      if (key == 'vendors') expect(names).toEqual(expect.arrayContaining(vendorBoxes));
      else expect(names, key).toContain(key);
    }
    for (const key of Object.keys(options)) {
      for (const field of Object.keys(options[key]))
        expect(names, key + '.' + field).toContain(key + field[0].toUpperCase() + field.slice(1));
    }
    // The Gallery style guide: a help text on every field (a label is its own text).
    for (const field of fields) expect(field.type == 'LABEL' ? field.displayName : field.help, field.name).toBeTruthy();
    const prefix = fields.find((field) => field.name == 'eventPrefix')!;
    expect(prefix.valueValidators!.map((validator) => validator.type)).toEqual(['NON_EMPTY', 'REGEX']);
  });

  it('offers every registry vendor, by its title, where a lead action names its vendor', () => {
    const table = fields.find((field) => field.name == 'leadActions') as unknown as {
      simpleTableColumns: { name: string; selectItems?: { value: string; displayValue: string }[] }[];
    };
    const vendor = table.simpleTableColumns.find((column) => column.name == 'vendor')!;
    expect(vendor.selectItems).toEqual(DOCUMENTED_ADAPTERS.map((adapter) => ({ value: adapter.vendor, displayValue: adapter.docs.title })));
    // Control: the placeholder in the sources is what the generator replaced.
    expect(readFileSync('gtm-template/src/parameters.json', 'utf8')).toContain('__VENDOR_SELECT_ITEMS__');
  });

  it('validates typed values and accepts a {{variable}} wherever a text is validated', () => {
    const columns = flatten(parameters() as Param[]).flatMap((param) => param.simpleTableColumns || []);
    const regexOf = (name: string) => {
      const field = [...fields, ...columns].find((candidate) => candidate.name == name)!;
      return new RegExp(field.valueValidators!.find((validator) => validator.type == 'REGEX')!.args![0]);
    };
    const cases: [string, string[], string[]][] = [
      ['dataLayerName', ['dataLayer', 'site_layer', '{{DL name}}'], ['data layer', '1layer', '{{unclosed', 'x}}']],
      ['eventPrefix', ['widget_', 'chat', '{{Prefix}}'], ['_x', 'with-dash', 'a'.repeat(30), '{{a}}b']],
      [
        'origin',
        ['https://booking.example.com', 'http://localhost:8080', '{{Booking origin}}'],
        ['https://x.com/', 'HTTPS://X.COM', 'booking.example.com'],
      ],
    ];
    for (const [name, good, bad] of cases) {
      for (const value of good) expect(regexOf(name).test(value), name + ' ' + value).toBe(true);
      for (const value of bad) expect(regexOf(name).test(value), name + ' ' + value).toBe(false);
    }
  });

  it('is named "Organization – Template Name" and links its documentation', () => {
    const info = JSON.parse(renderTemplate().split('___INFO___')[1].split('___TEMPLATE_PARAMETERS___')[0]);
    expect(info.displayName).toMatch(/^gtm-widget-bridge – [A-Z][^→]+$/);
    expect(info.description).toMatch(/https:\/\/www\.npmjs\.com\/package\/gtm-widget-bridge/);
  });

  it('declares the narrowest permissions: the exact URLs of the core and each plugin file, the config key (read and write, as setInWindow needs), the relay consent call, analytics and advertising consent (read only), analytics storage, debug logging', () => {
    expect(permissions()).toEqual([
      expect.objectContaining({
        instance: {
          key: { publicId: 'inject_script', versionId: '1' },
          param: [{ key: 'urls', value: { type: 2, listItem: injectableUrls().map((url) => ({ type: 1, string: url })) } }],
        },
      }),
      expect.objectContaining({
        instance: {
          key: { publicId: 'access_globals', versionId: '1' },
          param: [
            {
              key: 'keys',
              value: {
                type: 2,
                listItem: [
                  expect.objectContaining({
                    mapValue: [
                      { type: 1, string: 'gtmWidgetBridgeConfig' },
                      { type: 8, boolean: true },
                      { type: 8, boolean: true },
                      { type: 8, boolean: false },
                    ],
                  }),
                  expect.objectContaining({
                    mapValue: [
                      { type: 1, string: 'gtmWidgetBridge.chiliPiper.setAnalyticsConsent' },
                      { type: 8, boolean: false },
                      { type: 8, boolean: false },
                      { type: 8, boolean: true },
                    ],
                  }),
                ],
              },
            },
          ],
        },
      }),
      expect.objectContaining({
        instance: { key: { publicId: 'logging', versionId: '1' }, param: [{ key: 'environments', value: { type: 1, string: 'debug' } }] },
      }),
      expect.objectContaining({
        instance: {
          key: { publicId: 'access_consent', versionId: '1' },
          param: [
            {
              key: 'consentTypes',
              value: {
                type: 2,
                listItem: ['analytics_storage', 'ad_user_data', 'ad_personalization'].map((consentType) =>
                  expect.objectContaining({
                    mapValue: [
                      { type: 1, string: consentType },
                      { type: 8, boolean: true },
                      { type: 8, boolean: false },
                    ],
                  }),
                ),
              },
            },
          ],
        },
      }),
      expect.objectContaining({ instance: { key: { publicId: 'read_analytics_storage', versionId: '1' }, param: [] } }),
    ]);
  });

  it('uses only syntax the sandbox accepts', () => {
    expect(() => checkSandboxSyntax(sandboxedCode())).not.toThrow();
    // Positive controls: each forbidden construct is caught.
    for (const bad of ['const d = new Date();', 'const t = this;', 'const s = `x`;', 'const r = /x/;']) {
      expect(() => checkSandboxSyntax(bad), bad).toThrow();
    }
  });
});

describe('___TESTS___ scenarios, run locally', () => {
  const all = scenarios();

  it('has the scenarios the template promises', () => {
    expect(all.map((scenario) => scenario.name)).toEqual([
      "Defaults configure every widget and inject the core and each widget's file, success once all loaded",
      'Every field reaches the bridge configuration',
      'A failed injection calls gtmOnFailure, once, however many files fail',
      'Unticked widgets are left out of the config and of the injected files; empty fields fall back to defaults',
      'Without permission nothing is written or injected, and the tag fails',
      "The relay reads the GA ids only with analytics consent, seals the advertising consent, injects the relay client's file and forwards consent changes",
    ]);
  });

  for (const scenario of all) {
    it(scenario.name, () => {
      const result = runScenario(sandboxedCode(), scenario, permissions() as never);
      expect(result.error).toBeUndefined();
    });
  }

  it('the runner fails a scenario whose assertion does not hold (positive control)', () => {
    const result = runScenario(
      sandboxedCode(),
      { name: 'wrong', code: "runCode({}); assertApi('gtmOnFailure').wasCalled();" },
      permissions() as never,
    );
    expect(result.error?.message).toMatch(/gtmOnFailure called/);
  });

  it('the config written to the page is one the bridge accepts without warnings', async () => {
    const data = {
      chiliPiper: true,
      customerly: false,
      userlike: true,
      genesys: true,
      calendly: true,
      output: 'gtag',
      dataLayerName: 'siteLayer',
      eventPrefix: 'chat_',
      generateLead: true,
      leadActions: [{ vendor: 'userlike', action: 'register_submit' }],
      chiliPiperOrigins: [{ origin: 'https://booking.example.com' }],
      calendlyOrigins: [{ origin: 'https://scheduling.example.com' }],
      hashEmail: true,
      debug: true,
    };
    const result = runScenario(sandboxedCode(), { name: 'inspect', code: `runCode(${JSON.stringify(data)});` }, permissions() as never);
    const warnings: string[] = [];
    parseConfig(result.window.gtmWidgetBridgeConfig, ADAPTERS, (message) => warnings.push(message));
    expect(warnings).toEqual([]);
    expect(result.window.gtmWidgetBridgeConfig).toMatchObject({ eventPrefix: 'chat_' });
  });
});
