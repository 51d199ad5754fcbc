import { warn } from '../lib/warn';
import type { AnyVendorAdapter } from './adapter';
import type { PushBuilder } from './buildPush';
import { installBridge } from './installBridge';

/**
 * What a classic-script build does at load (dist/gtm-widget-bridge*.js and the
 * GTM pastes): install these vendors with `window.gtmWidgetBridgeConfig`.
 * Loading it twice installs once.
 */
export function installFromPage(adapters: readonly AnyVendorAdapter[], version: string, makePush?: PushBuilder): void {
  let config: unknown;
  try {
    config = (window as Window & { gtmWidgetBridgeConfig?: unknown }).gtmWidgetBridgeConfig;
  } catch {
    // A throwing getter on the global: install with the defaults rather than not at all.
    warn('window.gtmWidgetBridgeConfig could not be read; using defaults');
  }
  installBridge(config, adapters, version, makePush);
}
