import { enableChiliPiperRelay } from '../../src/vendors/chili_piper/relay';
import { describe, expect, it, vi } from 'vitest';
import { MAX_LIST_LENGTH, defaultConfig as defaultsFor, parseConfig as parseWith } from '../../src/authoring/config';
import { ADAPTERS } from '../../src/vendors/registry';

const defaultConfig = () => defaultsFor(ADAPTERS);
const parseConfig = (raw: unknown) => parseWith(raw, ADAPTERS);

function parse(raw: unknown) {
  const warnings: string[] = [];
  const config = parseWith(raw, ADAPTERS, (message) => warnings.push(message));
  return { config, warnings };
}

describe('parseConfig', () => {
  it('returns the defaults without warnings when nothing is configured', () => {
    expect(parse(undefined)).toEqual({ config: defaultConfig(), warnings: [] });
    expect(parse(null)).toEqual({ config: defaultConfig(), warnings: [] });
    expect(defaultConfig()).toEqual({
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
      leadActions: {},
      generateLead: true,
      hashEmail: false,
      debug: false,
      options: {
        chiliPiper: { origins: [], relay: null },
        calendly: { origins: [] },
        typeform: { origins: [] },
        calCom: { origins: [] },
        hubspot: { origins: [] },
      },
    });
  });

  it('accepts every valid field', () => {
    enableChiliPiperRelay();
    const raw = {
      vendors: ['chili_piper'],
      dataLayerName: 'myLayer',
      eventPrefix: 'chat_',
      output: 'gtag',
      chiliPiper: {
        origins: ['https://booking.example.com', 'http://localhost:8081'],
        relay: {
          url: 'https://relay.example.com',
          analyticsConsent: true,
          measurementId: 'G-ABC12345',
          clientId: '1234567890.1763726400',
          sessionId: '1763726400',
        },
      },
      leadActions: { chili_piper: ['booked', 'booking-confirmed'] },
      generateLead: false,
      hashEmail: true,
      debug: true,
    };
    const { chiliPiper, ...core } = raw;
    expect(parse(raw)).toEqual({
      config: {
        ...core,
        options: { chiliPiper, calendly: { origins: [] }, typeform: { origins: [] }, calCom: { origins: [] }, hubspot: { origins: [] } },
      },
      warnings: [],
    });
    const calCom = { origins: ['https://cal.example.com', 'http://localhost:3000'] };
    expect(parse({ calCom })).toEqual({ config: { ...defaultConfig(), options: { ...defaultConfig().options, calCom } }, warnings: [] });
    const hubspot = { origins: ['https://meet.example.com'] };
    expect(parse({ hubspot })).toEqual({ config: { ...defaultConfig(), options: { ...defaultConfig().options, hubspot } }, warnings: [] });
  });

  it.each([
    ['vendors', 'chili_piper'],
    ['dataLayerName', ''],
    ['dataLayerName', 42],
    ['eventPrefix', ''], // would make the reserved name "error"
    ['eventPrefix', 'form_'], // form_start, form_submit are reserved
    ['eventPrefix', 'ga_'],
    ['eventPrefix', '1_'],
    ['eventPrefix', 'my-prefix_'],
    ['eventPrefix', 'a'.repeat(30)], // a…ainteraction is over 40 characters
    ['output', 'console'],
    ['leadActions', ['booked']],
    ['leadActions', { olark: ['x'] }],
    ['leadActions', { chili_piper: 'booked' }],
    ['generateLead', 'yes'],
    ['hashEmail', 1],
    ['debug', 'true'],
  ])('warns about %s = %j and keeps the default', (key, value) => {
    const { config, warnings } = parse({ [key]: value });
    expect(config).toEqual(defaultConfig());
    expect(warnings).toHaveLength(1);
    // The warning names the field, says what a valid value looks like, and the default used instead.
    expect(warnings[0].startsWith(`config.${key} is invalid (expected `)).toBe(true);
    expect(warnings[0].endsWith(`); using ${JSON.stringify(defaultConfig()[key as 'debug'])}`)).toBe(true);
  });

  it('keeps valid fields when others are invalid', () => {
    const { config, warnings } = parse({ debug: true, output: 'nope', eventPrefix: 'cp_' });
    expect(config.debug).toBe(true);
    expect(config.eventPrefix).toBe('cp_');
    expect(config.output).toBe('dataLayer');
    expect(warnings).toHaveLength(1);
  });

  it('warns about unknown keys (typos) and ignores them', () => {
    const { config, warnings } = parse({ datalayerName: 'x', debug: true });
    expect(config.dataLayerName).toBe('dataLayer');
    expect(config.debug).toBe(true);
    expect(warnings).toEqual(['unknown config key "datalayerName" ignored']);
  });

  it('treats undefined fields as not set', () => {
    expect(parse({ debug: undefined })).toEqual({ config: defaultConfig(), warnings: [] });
  });

  it.each([['a string'], [42], [['chili_piper']], [true]])('warns when the config itself is %j', (raw) => {
    const { config, warnings } = parse(raw);
    expect(config).toEqual(defaultConfig());
    expect(warnings).toEqual(['config must be an object; using defaults']);
  });

  it('warns on the console with the bridge prefix by default', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    parseConfig({ debug: 'yes' });
    expect(warn).toHaveBeenCalledWith('[gtm-widget-bridge] config.debug is invalid (expected true or false); using false');
  });

  it('returns fresh defaults each time, so one install cannot mutate another', () => {
    const first = parseConfig(undefined);
    const length = first.vendors.length;
    expect(length).toBeGreaterThan(0);
    first.vendors.push('genesys');
    expect(parseConfig(undefined).vendors).toHaveLength(length);
  });

  it.each([['location'], ['document'], ['name'], ['onload'], ['top'], ['history']])(
    'refuses dataLayerName %j, a window property the page uses for something else, and falls back',
    (name) => {
      const { config, warnings } = parse({ dataLayerName: name });
      expect(config.dataLayerName).toBe('dataLayer');
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain('config.dataLayerName is invalid');
      // Positive control: a free name and an existing array are accepted.
      expect(parse({ dataLayerName: 'siteLayer' })).toEqual({ config: { ...defaultConfig(), dataLayerName: 'siteLayer' }, warnings: [] });
    },
  );

  it('accepts a dataLayerName that already holds an array, or a declared but unset variable', () => {
    const w = window as unknown as Record<string, unknown>;
    w.existingLayer = [];
    w.declaredLayer = undefined;
    try {
      expect(parse({ dataLayerName: 'existingLayer' }).warnings).toEqual([]);
      expect(parse({ dataLayerName: 'declaredLayer' }).warnings).toEqual([]);
      expect(parse({ dataLayerName: 'not a name' }).warnings).toHaveLength(1);
    } finally {
      delete w.existingLayer;
      delete w.declaredLayer;
    }
  });

  it('removes repeated vendors and origins, and refuses lists past the bound', () => {
    const vendors = Array.from({ length: 20_000 }, (_, i) => (i % 2 ? 'genesys' : 'chili_piper'));
    const started = performance.now();
    const huge = parse({ vendors });
    expect(performance.now() - started).toBeLessThan(100);
    expect(huge.config.vendors).toEqual(defaultConfig().vendors);
    expect(huge.warnings).toHaveLength(1);
    expect(huge.warnings[0]).toContain('config.vendors is invalid');
    // Within the bound, repeats are dropped and the first occurrence kept.
    expect(parse({ vendors: ['genesys', 'chili_piper', 'genesys', 'genesys'] })).toEqual({
      config: { ...defaultConfig(), vendors: ['genesys', 'chili_piper'] },
      warnings: [],
    });
    const origin = 'https://booking.example.com';
    expect(parse({ chiliPiper: { origins: [origin, origin] } }).config.options.chiliPiper.origins).toEqual([origin]);
    expect(parse({ leadActions: { chili_piper: ['booked', 'booked'] } }).config.leadActions).toEqual({ chili_piper: ['booked'] });
    expect(parse({ vendors: Array(MAX_LIST_LENGTH).fill('userlike') }).config.vendors).toEqual(['userlike']);
    expect(parse({ vendors: Array(MAX_LIST_LENGTH + 1).fill('userlike') }).config.vendors).toEqual(defaultConfig().vendors);
  });

  it('warns and uses defaults for a config with throwing getters, field by field', () => {
    const raw = {
      debug: true,
      get eventPrefix(): string {
        throw new Error('hostile getter');
      },
    };
    const { config, warnings } = parse(raw);
    expect(config).toEqual({ ...defaultConfig(), debug: true });
    expect(warnings).toEqual(['config.eventPrefix could not be read; using "widget_"']);
  });

  it('warns and uses defaults for a throwing or a revoked Proxy', () => {
    const throwing = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('hostile proxy');
        },
      },
    );
    const { proxy: revoked, revoke } = Proxy.revocable({ debug: true }, {});
    revoke();
    for (const raw of [throwing, revoked]) {
      expect(parse(raw)).toEqual({ config: defaultConfig(), warnings: ['config could not be read; using defaults'] });
    }
    // Positive control: a well-behaved Proxy is read like any object.
    expect(parse(new Proxy({ debug: true }, {}))).toEqual({ config: { ...defaultConfig(), debug: true }, warnings: [] });
  });

  it('warns about chiliPiper.origins that is not a list, and keeps the default', () => {
    const { config, warnings } = parse({ chiliPiper: { origins: 'https://booking.example.com' } });
    expect(config).toEqual(defaultConfig());
    expect(warnings).toEqual([
      'config.chiliPiper.origins is invalid (expected origins like "https://www.example.com", no path or trailing slash); using []',
    ]);
  });

  it('keeps the valid entries of a list and says why each other one is left out', () => {
    const good = 'https://booking.example.com';
    const { config, warnings } = parse({
      chiliPiper: {
        origins: ['https://booking.example.com/', good, 'booking.example.com', 'https://Booking.Example.com', 'https://x.com/book', 7],
      },
    });
    expect(config.options.chiliPiper.origins).toEqual([good]);
    expect(warnings).toEqual([
      'config.chiliPiper.origins[0] = "https://booking.example.com/" ignored: an origin has no path or trailing slash',
      'config.chiliPiper.origins[2] = "booking.example.com" ignored: an origin starts with https://',
      'config.chiliPiper.origins[3] = "https://Booking.Example.com" ignored: browsers write origins in lower case',
      'config.chiliPiper.origins[4] = "https://x.com/book" ignored: an origin has no path or trailing slash',
      'config.chiliPiper.origins[5] = 7 ignored: not a string',
    ]);
    const vendors = parse({ vendors: ['chili_piper', 'olark', 'genesys'] });
    expect(vendors.config.vendors).toEqual(['chili_piper', 'genesys']);
    expect(vendors.warnings).toEqual([
      'config.vendors[1] = "olark" ignored: not one of chili_piper, customerly, userlike, genesys, calendly, typeform, cal_com, hubspot, livechat, tidio, tawk_to, crisp, intercom, drift, zendesk',
    ]);
    // Positive control: a clean list warns about nothing.
    expect(parse({ chiliPiper: { origins: [good] } }).warnings).toEqual([]);
  });

  it('reads the old chiliPiperOrigins key as chiliPiper.origins, with a warning to rename it', () => {
    const origin = 'https://booking.example.com';
    expect(parse({ chiliPiperOrigins: [origin] })).toEqual({
      config: {
        ...defaultConfig(),
        options: {
          chiliPiper: { origins: [origin], relay: null },
          calendly: { origins: [] },
          typeform: { origins: [] },
          calCom: { origins: [] },
          hubspot: { origins: [] },
        },
      },
      warnings: ['config.chiliPiperOrigins is now config.chiliPiper.origins; read as such (rename it)'],
    });
    // Both given: the namespaced one wins.
    const both = parse({ chiliPiperOrigins: ['https://old.example.com'], chiliPiper: { origins: [origin] } });
    expect(both.config.options.chiliPiper.origins).toEqual([origin]);
  });

  it('warns about vendor options that are not an object or name unknown fields', () => {
    expect(parse({ chiliPiper: ['https://booking.example.com'] }).warnings).toEqual([
      'config.chiliPiper must be an object; using defaults',
    ]);
    expect(parse({ chiliPiper: { orgins: [] } }).warnings).toEqual(['unknown config key "chiliPiper.orgins" ignored']);
  });
});
