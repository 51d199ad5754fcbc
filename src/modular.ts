/**
 * The bridge without any vendor built in, for bundler users who import only
 * the adapters they use (`gtm-widget-bridge/vendors/<vendor>`), so their
 * bundler drops the others:
 *
 *     import { install } from 'gtm-widget-bridge/core';
 *     import { chiliPiper } from 'gtm-widget-bridge/vendors/chili_piper';
 *     install({ eventPrefix: 'widget_' }, [chiliPiper]);
 */
import type { AnyVendorAdapter } from './core/adapter';
import { installBridge, type BridgeHandle } from './core/installBridge';
import type { BridgeConfig } from './vendors/registry';

export type { AnyVendorAdapter } from './core/adapter';
export type { BridgeHandle } from './core/installBridge';
export type { BridgeConfig } from './vendors/registry';

/** The bridge version, from package.json at build time. */
export const VERSION: string = __VERSION__;

/**
 * Installs the bridge once per page for these vendors. Returns the handle of
 * the bridge that is installed, which is the existing one when a copy is
 * already running. Never throws.
 */
export function install(config: BridgeConfig | undefined, adapters: readonly AnyVendorAdapter[]): BridgeHandle {
  return installBridge(config, adapters, VERSION);
}
