import { readFileSync } from 'node:fs';
import { parse } from 'acorn';
import { describe, expect, it } from 'vitest';
import { VENDOR_GLOBALS } from '../../fixtures/vendorGlobals';
import { PASTE_CONFIG_COMMENTS } from '../../scripts/render/gtmPaste';
import { defaultConfig as defaultsFor } from '../../src/authoring/config';
import { ADAPTERS } from '../../src/vendors/registry';
import { CHILI_PIPER_ORIGIN, dataLayer, eventNames, postMessageFrom, testWindow } from '../helpers';

// These tests run the built files (npm test builds first); a missing dist/ fails them.
const iife = readFileSync('dist/gtm-widget-bridge.js', 'utf8');
const pasteHtml = readFileSync('dist/gtm-widget-bridge.gtm.html', 'utf8');
const pasteScript = pasteHtml.replace(/^<script>\n/, '').replace(/\n<\/script>\n$/, '');

function run(code: string): void {
  new Function(code)();
}

function uninstallBuilt(): void {
  (testWindow.gtmWidgetBridge as { uninstall(): void } | undefined)?.uninstall();
  delete testWindow.gtmWidgetBridgeConfig;
}

describe('dist/gtm-widget-bridge.js', () => {
  it('is a classic script: no import or export', () => {
    expect(() => parse(iife, { ecmaVersion: 2017, sourceType: 'script' })).not.toThrow();
  });

  it('installs itself with window.gtmWidgetBridgeConfig and pushes Chili Piper events', () => {
    testWindow.gtmWidgetBridgeConfig = { eventPrefix: 'cp_' };
    try {
      run(iife);
      run(iife); // loaded twice: installs once
      postMessageFrom(CHILI_PIPER_ORIGIN, { action: 'booking-confirmed', args: { routeId: 'r1' } });
      postMessageFrom('https://evilchilipiper.com', { action: 'booking-confirmed', args: { routeId: 'r2' } });
      expect(eventNames()).toEqual(['cp_complete', 'generate_lead']);
      expect(dataLayer()[0]).toMatchObject({ widget_vendor: 'chili_piper', widget_interaction_id: 'r1', widget_schema: 1 });
    } finally {
      uninstallBuilt();
    }
  });
});

describe('dist/gtm-widget-bridge.gtm.html', () => {
  it('is one <script> element that parses as ES5', () => {
    expect(pasteHtml.startsWith('<script>\n')).toBe(true);
    expect(pasteHtml.endsWith('</script>\n')).toBe(true);
    expect(() => parse(pasteScript, { ecmaVersion: 5, sourceType: 'script' })).not.toThrow();
    // Positive control: the ES5 parser does reject ES2015 syntax.
    expect(() => parse('const a = () => 1;', { ecmaVersion: 5 })).toThrow();
  });

  it('contains nothing GTM would mangle', () => {
    expect(pasteScript).not.toContain('{{');
    expect(pasteScript.toLowerCase()).not.toContain('</script');
  });

  it('declares an editable config block with every option at its default, each commented', () => {
    const { options, ...core } = defaultsFor(ADAPTERS);
    expect(Object.keys(PASTE_CONFIG_COMMENTS)).toEqual(Object.keys(core));
    run(pasteScript.slice(0, pasteScript.indexOf('\n};') + 3));
    try {
      // The core options, then each vendor's under its own key.
      expect(testWindow.gtmWidgetBridgeConfig).toEqual({ ...core, ...options });
      expect(pasteScript).toMatch(/\/\/ Chili Piper: extra exact origins/);
      for (const comment of Object.values(PASTE_CONFIG_COMMENTS)) expect(pasteScript).toContain('// ' + comment.split('PREFIX_').join('widget_'));
    } finally {
      uninstallBuilt();
    }
  });

  it('runs the same Chili Piper scenario as the IIFE and adds no globals besides its own and the vendor hooks', () => {
    const before = new Set(Object.keys(window));
    try {
      run(pasteScript);
      run(pasteScript);
      postMessageFrom(CHILI_PIPER_ORIGIN, { action: 'booking-confirmed', args: { routeId: 'r1' } });
      postMessageFrom('https://chilipiper.com.evil.net', { action: 'booked', args: { routeId: 'r2' } });
      expect(eventNames()).toEqual(['widget_complete', 'generate_lead']);
      const added = Object.keys(window).filter((key) => !before.has(key));
      // customerly, userlikeTrackingEvent, _genesys, CXBus, LiveChatWidget, tidioChatApi, Tawk_API, $crisp, Intercom, drift
      // and zE are the accessors that catch those vendors loading later.
      expect(added.sort()).toEqual([
        '$crisp',
        'CXBus',
        'Intercom',
        'LiveChatWidget',
        'Tawk_API',
        '_genesys',
        'customerly',
        'dataLayer',
        'drift',
        'gtmWidgetBridge',
        'gtmWidgetBridgeConfig',
        'tidioChatApi',
        'userlikeTrackingEvent',
        'zE',
      ]);
    } finally {
      uninstallBuilt();
    }
    // HubSpot's uninstall leaves the hsConversationsOnReady array it created (without its entry): not checked here.
    for (const hook of VENDOR_GLOBALS.filter((name) => name != 'hsConversationsOnReady')) expect(hook in window, hook).toBe(false);
  });
});
