/**
 * Entry of dist/gtm-widget-bridge.js and the GTM Custom HTML paste: installs
 * at load with `window.gtmWidgetBridgeConfig`. Loading it twice installs once.
 */
import { install, type BridgeConfig } from './index';

install((window as Window & { gtmWidgetBridgeConfig?: BridgeConfig }).gtmWidgetBridgeConfig);
