import type { AnyVendorAdapter } from './adapter';
import type { FastPushBuilder } from './buildPush';
import { installBridge } from './installBridge';
import { KIT, type Kit } from './kit';
import { W_CONFIG, warnCode } from './warnings';

/** The page's queue of plugin files (dist/vendors/*.js), served by the first core that loads. */
export const PLUGINS_KEY = 'gtmWidgetBridgePlugins';

/**
 * One plugin file's code: run with the core's kit and a function that adds
 * its vendor's adapter, or, called without one, installs the added vendors
 * again because the plugin lent them code (the relay's client).
 */
export type Plugin = (kit: Kit, add: (adapter?: AnyVendorAdapter) => void) => void;

type Queue = Plugin[] & { served?: true };

/**
 * What a classic-script build does at load (dist/core.js, dist/gtm-widget-bridge.js, the GTM pastes):
 * install with `window.gtmWidgetBridgeConfig` and these vendors, then serve the plugin queue, so a
 * plugin file loaded before the core, after it or after the first pushes adds its vendor. Loading it
 * twice installs once; only the first core serves the queue.
 */
export function installFromPage(adapters: readonly AnyVendorAdapter[], version: string, fast?: FastPushBuilder): void {
  const w = window as unknown as Record<string, unknown>;
  let config: unknown;
  try {
    config = w.gtmWidgetBridgeConfig;
  } catch {
    // A throwing getter on the global: install with the defaults rather than not at all.
    warnCode(W_CONFIG, 'window.gtmWidgetBridgeConfig');
  }
  const handle = installBridge(config, adapters, version, fast);
  const queue = (w[PLUGINS_KEY] = w[PLUGINS_KEY] || []) as Queue;
  if (!Array.isArray(queue) || queue.served) return;
  const run = (plugin: Plugin) => {
    try {
      plugin(KIT, (adapter) => (adapter ? handle.add(adapter) : handle.refresh()));
    } catch {
      // A broken plugin file is left out; the others run.
    }
  };
  queue.served = true;
  queue.splice(0).forEach(run);
  queue.push = (...plugins: Plugin[]) => {
    plugins.forEach(run);
    return 0;
  };
  const uninstall = handle.uninstall;
  handle.uninstall = () => {
    // Plugins that load later queue up again for the next core.
    delete (queue as { push?: unknown }).push;
    delete queue.served;
    uninstall();
  };
}
