import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { extensions } from '../../src/core/extensions';
import { enableChiliPiperRelay, readRelayOptions, type ChiliPiperRelayApi } from '../../src/vendors/chili_piper/relay';
import { installBridge, testWindow } from './../helpers';

const RELAY = 'https://relay.example.com';
const WEBHOOK = RELAY + '/v1/hooks/k1.sealed-token-';
const IDS = { clientId: '1234567890.1763726400', sessionId: '1763726400' };
/** Advertising consent as sealed when the page says nothing about it. */
const DENIED = { adUserData: false, adPersonalization: false };

/** A relay answering each token request with a fresh URL; every request body kept. */
function fakeRelay(
  answer: (n: number) => Response | Promise<Response> = (n) =>
    Response.json({ webhookUrl: WEBHOOK + n, expiresAt: Date.now() + 60_000 }, { status: 201 }),
) {
  const bodies: unknown[] = [];
  const fetch = vi.fn(async (url: string, init: RequestInit) => {
    expect(url).toBe(RELAY + '/v1/tokens');
    expect(init.credentials).toBe('omit');
    bodies.push(JSON.parse(String(init.body)));
    return answer(bodies.length);
  });
  vi.stubGlobal('fetch', fetch);
  return { fetch, bodies };
}
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
/** The legacy snippet's stub as Chili Piper's install instructions have it: each method queues its arguments. */
function snippetStub() {
  type Method = ((...args: unknown[]) => void) & { q?: unknown[][] };
  const stub: Record<string, Method> = {};
  for (const name of ['submit', 'scheduling', 'showCalendar', 'bookMeeting']) {
    stub[name] = (...args: unknown[]) => {
      const method = (testWindow.ChiliPiper as typeof stub)[name];
      method.q = (method.q || []).concat([args]);
    };
  }
  return stub;
}
const api = () => (testWindow.gtmWidgetBridge as unknown as { chiliPiper?: ChiliPiperRelayApi }).chiliPiper;

beforeEach(enableChiliPiperRelay);
afterEach(() => {
  delete testWindow.ChiliPiper;
  vi.unstubAllGlobals();
});

describe('chiliPiper.relay option', () => {
  it('accepts https relays (and http on the machine itself) with a consent flag; refuses the rest', () => {
    expect(readRelayOptions({ url: RELAY + '/', analyticsConsent: true, ...IDS })).toEqual({
      url: RELAY,
      analyticsConsent: true,
      measurementId: undefined,
      ...IDS,
      adUserData: undefined,
      adPersonalization: undefined,
    });
    expect(readRelayOptions({ url: 'http://127.0.0.1:8787', analyticsConsent: false })).toMatchObject({ url: 'http://127.0.0.1:8787' });
    for (const bad of [
      { url: 'http://relay.example.com', analyticsConsent: true },
      { url: 'javascript:alert(1)', analyticsConsent: true },
      { url: RELAY, analyticsConsent: 'yes' },
      { url: RELAY },
      { url: RELAY, analyticsConsent: true, clientId: 'jane@example.com' },
      { url: RELAY, analyticsConsent: true, sessionId: 'abc' },
      { url: RELAY, analyticsConsent: true, measurementId: 'UA-1234-1' },
      { url: RELAY, analyticsConsent: true, adUserData: 'granted' },
      'https://relay.example.com',
    ])
      expect(readRelayOptions(bad), JSON.stringify(bad)).toBeUndefined();
  });

  it('without consent asks the relay for nothing and adds no webHook (control: with consent it does)', async () => {
    for (const consent of [false, true]) {
      const relay = fakeRelay();
      testWindow.ChiliPiper = snippetStub();
      const handle = installBridge({ chiliPiper: { relay: { url: RELAY, analyticsConsent: consent, ...IDS } } });
      await settle();
      const site = { map: true };
      (testWindow.ChiliPiper as ReturnType<typeof snippetStub>).submit('acme', 'inbound-router', site);
      const queued = (testWindow.ChiliPiper as ReturnType<typeof snippetStub>).submit.q!;
      expect(relay.fetch).toHaveBeenCalledTimes(consent ? 2 : 0); // one URL used, the next one asked for
      expect(queued[0][2]).toEqual(consent ? { map: true, webHook: WEBHOOK + 1 } : { map: true });
      expect(site).toEqual({ map: true }); // the site's own object is never written to
      if (consent) expect(relay.bodies[0]).toEqual({ ...IDS, analyticsConsent: true, ...DENIED, lead: true });
      handle.uninstall();
      delete testWindow.ChiliPiper;
    }
  });

  it("keeps the site's own webHook, follows window.ChiliPiper when the loader replaces it, and restores it on uninstall", async () => {
    fakeRelay();
    const handle = installBridge({ chiliPiper: { relay: { url: RELAY, analyticsConsent: true, ...IDS } } });
    const stub = snippetStub();
    testWindow.ChiliPiper = stub;
    await settle();
    stub.submit('acme', 'router', { webHook: 'https://site.example.com/hook' });
    expect(stub.submit.q![0][2]).toEqual({ webHook: 'https://site.example.com/hook' });
    // The loader's object, as marketing.js assigns it after replaying the queue.
    const calls: unknown[][] = [];
    const loader = { submit: (...args: unknown[]) => void calls.push(args), scheduling: (...args: unknown[]) => void calls.push(args) };
    testWindow.ChiliPiper = loader;
    (testWindow.ChiliPiper as typeof loader).scheduling('acme', 'router');
    expect(calls[0]).toEqual(['acme', 'router', { webHook: WEBHOOK + 1 }]);
    await settle();
    (testWindow.ChiliPiper as typeof loader).submit('acme', 'router', {});
    expect(calls[1]).toEqual(['acme', 'router', { webHook: WEBHOOK + 2 }]);
    const wrapped = loader.submit;
    handle.uninstall();
    expect(loader.submit).not.toBe(wrapped);
    loader.submit('acme', 'router', {});
    expect(calls[2]).toEqual(['acme', 'router', {}]);
  });

  it('exposes webhookUrl() for REST API bookings, one URL per booking, none after consent is withdrawn', async () => {
    const relay = fakeRelay();
    installBridge({ chiliPiper: { relay: { url: RELAY, analyticsConsent: true, ...IDS } } });
    expect(await api()!.webhookUrl()).toBe(WEBHOOK + 1);
    expect(await api()!.webhookUrl()).toBe(WEBHOOK + 2);
    api()!.setAnalyticsConsent(false);
    expect(await api()!.webhookUrl()).toBeUndefined();
    expect(relay.fetch).toHaveBeenCalledTimes(3); // the third was asked for after the second was taken, before withdrawal
    api()!.setAnalyticsConsent(true);
    expect(await api()!.webhookUrl()).toMatch(/^https:\/\/relay\.example\.com\/v1\/hooks\//);
  });

  it('consent granted later brings the ids along (as the template passes them); without ids and gtag nothing is asked', async () => {
    const relay = fakeRelay();
    installBridge({ chiliPiper: { relay: { url: RELAY, analyticsConsent: false, measurementId: 'G-ABC12345' } } });
    api()!.setAnalyticsConsent(true);
    expect(await api()!.webhookUrl()).toBeUndefined(); // no ids, no gtag on the page: nothing to seal
    expect(relay.fetch).not.toHaveBeenCalled();
    api()!.setAnalyticsConsent(true, IDS.clientId, IDS.sessionId);
    expect(await api()!.webhookUrl()).toBe(WEBHOOK + 1);
    expect(relay.bodies[0]).toEqual({ ...IDS, analyticsConsent: true, ...DENIED, lead: true });
  });

  it('reads the GA ids with gtag("get") when the page does not pass them', async () => {
    const relay = fakeRelay();
    const gtag = vi.fn((command: string, id: string, field: string, callback: (value: unknown) => void) => {
      expect([command, id]).toEqual(['get', 'G-ABC12345']);
      callback(field == 'client_id' ? IDS.clientId : Number(IDS.sessionId));
    });
    testWindow.gtag = gtag;
    installBridge({ chiliPiper: { relay: { url: RELAY, analyticsConsent: true, measurementId: 'G-ABC12345' } } });
    expect(await api()!.webhookUrl()).toBe(WEBHOOK + 1);
    expect(relay.bodies[0]).toEqual({ ...IDS, analyticsConsent: true, ...DENIED, lead: true });
    delete testWindow.gtag;
  });

  it("seals the advertising consent: the option's, else the page's Consent Mode, else denied; a change asks for a new URL", async () => {
    const relay = fakeRelay();
    const layer: unknown[] = [];
    testWindow.dataLayer = layer;
    // gtag() pushes its arguments object: the default, then the CMP's update.
    const gtag = function (..._args: unknown[]) {
      // eslint-disable-next-line prefer-rest-params
      layer.push(arguments);
    };
    gtag('consent', 'default', { ad_user_data: 'denied', ad_personalization: 'denied', analytics_storage: 'granted' });
    gtag('consent', 'update', { ad_user_data: 'granted' });
    layer.push(['consent', 'update', { ad_personalization: 'granted' }]); // an array is no gtag() command
    const handle = installBridge({ chiliPiper: { relay: { url: RELAY, analyticsConsent: true, ...IDS } } });
    expect(await api()!.webhookUrl()).toBe(WEBHOOK + 1);
    expect(relay.bodies[0]).toEqual({ ...IDS, analyticsConsent: true, adUserData: true, adPersonalization: false, lead: true });
    await settle(); // the next URL is held, sealed with the same consent
    api()!.setAnalyticsConsent(true, undefined, undefined, false, true);
    expect(await api()!.webhookUrl()).toBe(WEBHOOK + 3); // the held one (2) is dropped
    expect(relay.bodies[2]).toEqual({ ...IDS, analyticsConsent: true, adUserData: false, adPersonalization: true, lead: true });
    handle.uninstall();
    // The option wins over Consent Mode.
    const explicit = fakeRelay();
    installBridge({ chiliPiper: { relay: { url: RELAY, analyticsConsent: true, ...IDS, adUserData: false, adPersonalization: true } } });
    expect(await api()!.webhookUrl()).toBe(WEBHOOK + 1);
    expect(explicit.bodies[0]).toMatchObject({ adUserData: false, adPersonalization: true });
    delete testWindow.dataLayer;
  });

  it('a failing or lying relay leaves the booking to the browser: no URL, nothing thrown', async () => {
    for (const answer of [
      () => Promise.reject(new TypeError('Failed to fetch')),
      () => new Response('nope', { status: 500 }),
      () => Response.json({ webhookUrl: 'javascript:alert(1)', expiresAt: Date.now() + 1000 }),
      () => Response.json({ webhookUrl: WEBHOOK, expiresAt: Date.now() - 1 }),
    ]) {
      fakeRelay(answer);
      const handle = installBridge({ chiliPiper: { relay: { url: RELAY, analyticsConsent: true, ...IDS } } });
      expect(await api()!.webhookUrl()).toBeUndefined();
      handle.uninstall();
    }
  });

  it('without the relay client the option is unused, and the client arriving later turns it on (control: with it, the API is there)', async () => {
    fakeRelay();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const config = { chiliPiper: { relay: { url: RELAY, analyticsConsent: true, ...IDS } } };
    const enabled = installBridge(config);
    expect(warn).not.toHaveBeenCalled();
    expect(api()).toBeDefined();
    enabled.uninstall();
    delete extensions.chiliPiperRelay;
    const handle = installBridge(config);
    // The relay's plugin file may load later: nothing to warn about yet.
    expect(warn).not.toHaveBeenCalled();
    expect((handle as unknown as { chiliPiper?: unknown }).chiliPiper).toBeUndefined();
    // Its plugin arrives: the core installs Chili Piper again, now with the relay.
    enableChiliPiperRelay();
    handle.refresh();
    expect((handle as unknown as { chiliPiper?: unknown }).chiliPiper).toBeDefined();
  });

  it('no relay option: no API on the handle and window.ChiliPiper left alone', () => {
    const stub = snippetStub();
    testWindow.ChiliPiper = stub;
    installBridge();
    expect(api()).toBeUndefined();
    expect(testWindow.ChiliPiper).toBe(stub);
    expect(Object.getOwnPropertyDescriptor(window, 'ChiliPiper')!.value).toBe(stub);
  });
});
