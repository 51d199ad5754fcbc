/**
 * gtm-widget-bridge: one listener for Chili Piper, Customerly, Userlike and
 * Genesys Widgets that turns every vendor event into one normalized,
 * GA4-ready dataLayer push. See README.md and docs/events.md.
 */
import { installBridge, type BridgeHandle } from './core/installBridge';
import { ADAPTERS, type BridgeConfig } from './vendors/registry';

export type { CoreConfig } from './authoring/config';
export type { BridgeHandle } from './core/installBridge';
export { GLOBAL_KEY } from './core/installBridge';
export type { EventParam, LeadParams, SchemaVersionParam, WidgetCommonParams, WidgetStage } from './core/schema';
export { FUNNEL_STEPS, LEAD_EVENT, SCHEMA_VERSION, STAGES, Stage } from './core/schema';
export type * from './vendors/registry';
export { SCHEMA_KEYS, VENDORS } from './vendors/registry';

/** The bridge version, from package.json at build time. */
export const VERSION: string = __VERSION__;

/**
 * Installs the bridge once per page, for every vendor of the registry the
 * configuration enables. Returns the handle of the bridge that is installed,
 * which is the existing one when a copy is already running. Never throws;
 * outside a browser it returns a handle that does nothing.
 */
export function install(config?: BridgeConfig): BridgeHandle {
  return installBridge(config, ADAPTERS, VERSION);
}
