/**
 * Entry of dist/gtm-widget-bridge.js and the GTM Custom HTML paste: installs
 * at load with `window.gtmWidgetBridgeConfig`. Loading it twice installs once.
 */
import { install, type BridgeConfig } from './index';
import { warn } from './lib/warn';

let config: BridgeConfig | undefined;
try {
  config = (window as Window & { gtmWidgetBridgeConfig?: BridgeConfig }).gtmWidgetBridgeConfig;
} catch {
  // A throwing getter on the global: install with the defaults rather than not at all.
  warn('window.gtmWidgetBridgeConfig could not be read; using defaults');
}
install(config);
