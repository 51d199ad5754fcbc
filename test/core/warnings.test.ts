import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWarningsDoc, WARNING_DOCS } from '../../scripts/render/warningsDoc';
import { installBridge } from '../../src/core/installBridge';
import { readSettings } from '../../src/core/readConfig';
import { WARNINGS_URL } from '../../src/core/warnings';
import { ADAPTERS } from '../../src/vendors/registry';
import { testWindow } from '../helpers';

/** The warnings `run` writes to the console, each as [code, path]. */
function warningsOf(run: () => void): [string, string][] {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  try {
    run();
    return warn.mock.calls.map(([line]) => {
      const match = /^\[gtm-widget-bridge\] (W\d+) (\S+) (\S+)$/.exec(line as string);
      if (!match) throw new Error('not a coded warning: ' + line);
      // Every line links the docs page, at its code's section.
      expect(match[3]).toBe(WARNINGS_URL + match[1].toLowerCase());
      return [match[1], match[2]];
    });
  } finally {
    warn.mockRestore();
  }
}

const install = (config: unknown) => installBridge(config, ADAPTERS, 'test').uninstall();

afterEach(() => {
  delete testWindow.dataLayer;
  Reflect.deleteProperty(window, 'gtmWidgetBridge');
});

describe('the page’s coded warnings', () => {
  it('W1: a configuration that is no object, or cannot be read, gives every default', () => {
    expect(warningsOf(() => readSettings('widget_'))).toEqual([['W1', 'config']]);
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    expect(warningsOf(() => expect(readSettings(revoked.proxy)).toEqual(readSettings(undefined)))).toEqual([['W1', 'config']]);
    expect(warningsOf(() => readSettings({}))).toEqual([]); // control
  });

  it('W2: an invalid value falls back to its default, the other fields stand', () => {
    let settings = readSettings(undefined);
    expect(warningsOf(() => (settings = readSettings({ eventPrefix: 'page_', debug: true })))).toEqual([['W2', 'config.eventPrefix']]);
    expect(settings).toMatchObject({ eventPrefix: 'widget_', debug: true });
    expect(warningsOf(() => install({ chiliPiper: { origins: 'https://book.example.com' } }))).toEqual([
      ['W2', 'config.chiliPiper.origins'],
    ]);
  });

  it('W3: an invalid list entry is left out, the rest kept', () => {
    let settings = readSettings(undefined);
    expect(warningsOf(() => (settings = readSettings({ vendors: ['userlike', 42] })))).toEqual([['W3', 'config.vendors[1]']]);
    expect(settings.vendors).toEqual(['userlike']);
    expect(warningsOf(() => install({ chiliPiper: { origins: ['https://book.example.com', 'https://x.com/'] } }))).toEqual([
      ['W3', 'config.chiliPiper.origins[1]'],
    ]);
  });

  it('W4: a lead action the vendor does not have', () => {
    expect(warningsOf(() => install({ leadActions: { chili_piper: ['booked', 'booking_confirmed'] } }))).toEqual([
      ['W4', 'config.leadActions.chili_piper[1]'],
    ]);
  });

  it('W5: a key of an earlier version is read under its new name', () => {
    expect(warningsOf(() => install({ chiliPiperOrigins: ['https://book.example.com'] }))).toEqual([['W5', 'config.chiliPiperOrigins']]);
  });

  it('W6: a window.gtmWidgetBridge that cannot be set: nothing installed', () => {
    Object.defineProperty(window, 'gtmWidgetBridge', { value: 'taken', writable: false, configurable: true });
    let handle: { uninstall(): void } | undefined;
    expect(warningsOf(() => (handle = installBridge({}, ADAPTERS, 'test')))).toEqual([['W6', 'window.gtmWidgetBridge']]);
    expect('userlikeTrackingEvent' in window).toBe(false);
    handle!.uninstall();
  });

  it('has a test above for every code, and docs/warnings.md explains each (and is the committed file)', () => {
    const tested = ['W1', 'W2', 'W3', 'W4', 'W5', 'W6'];
    expect(Object.keys(WARNING_DOCS).sort()).toEqual(tested);
    const doc = renderWarningsDoc();
    for (const code of tested) expect(doc).toContain(`## ${code.toLowerCase()}\n\n**${code}: `);
    expect(readFileSync('docs/warnings.md', 'utf8')).toBe(doc);
    // Every field the page can warn about has its valid values listed.
    for (const path of ['config.eventPrefix', 'config.vendors', 'config.chiliPiper.origins', 'config.chiliPiper.relay'])
      expect(doc).toContain('`' + path + '`');
  });
});
