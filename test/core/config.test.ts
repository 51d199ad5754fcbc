import { describe, expect, it, vi } from 'vitest';
import { defaultConfig, parseConfig } from '../../src/core/config';

function parse(raw: unknown) {
  const warnings: string[] = [];
  const config = parseConfig(raw, (message) => warnings.push(message));
  return { config, warnings };
}

describe('parseConfig', () => {
  it('returns the defaults without warnings when nothing is configured', () => {
    expect(parse(undefined)).toEqual({ config: defaultConfig(), warnings: [] });
    expect(parse(null)).toEqual({ config: defaultConfig(), warnings: [] });
    expect(defaultConfig()).toEqual({
      vendors: ['chili_piper', 'customerly', 'userlike', 'genesys'],
      dataLayerName: 'dataLayer',
      eventPrefix: 'widget_',
      output: 'dataLayer',
      chiliPiperOrigins: [],
      leadActions: {},
      generateLead: true,
      hashEmail: false,
      debug: false,
    });
  });

  it('accepts every valid field', () => {
    const raw = {
      vendors: ['chili_piper'],
      dataLayerName: 'myLayer',
      eventPrefix: 'chat_',
      output: 'gtag',
      chiliPiperOrigins: ['https://booking.example.com', 'http://localhost:8081'],
      leadActions: { chili_piper: ['booked', 'booking-confirmed'] },
      generateLead: false,
      hashEmail: true,
      debug: true,
    };
    expect(parse(raw)).toEqual({ config: raw, warnings: [] });
  });

  it.each([
    ['vendors', 'chili_piper'],
    ['vendors', ['chili_piper', 'drift']],
    ['dataLayerName', ''],
    ['dataLayerName', 42],
    ['eventPrefix', ''], // would make the reserved name "error"
    ['eventPrefix', 'form_'], // form_start, form_submit are reserved
    ['eventPrefix', 'ga_'],
    ['eventPrefix', '1_'],
    ['eventPrefix', 'my-prefix_'],
    ['eventPrefix', 'a'.repeat(30)], // a…ainteraction is over 40 characters
    ['output', 'console'],
    ['chiliPiperOrigins', 'https://booking.example.com'],
    ['chiliPiperOrigins', ['https://booking.example.com/']],
    ['chiliPiperOrigins', ['booking.example.com']],
    ['leadActions', ['booked']],
    ['leadActions', { drift: ['x'] }],
    ['leadActions', { chili_piper: 'booked' }],
    ['generateLead', 'yes'],
    ['hashEmail', 1],
    ['debug', 'true'],
  ])('warns about %s = %j and keeps the default', (key, value) => {
    const { config, warnings } = parse({ [key]: value });
    expect(config).toEqual(defaultConfig());
    expect(warnings).toEqual([`config.${key} is invalid; using ${JSON.stringify(defaultConfig()[key as 'debug'])}`]);
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
    expect(warn).toHaveBeenCalledWith('[gtm-widget-bridge] config.debug is invalid; using false');
  });

  it('returns fresh defaults each time, so one install cannot mutate another', () => {
    const first = parseConfig(undefined);
    first.vendors.push('genesys');
    expect(parseConfig(undefined).vendors).toHaveLength(4);
  });
});
