/**
 * gtm-widget-bridge: one listener for Chili Piper, Customerly, Userlike and
 * Genesys Widgets that turns every vendor event into one normalized,
 * GA4-ready dataLayer push. See README.md and docs/events.md.
 */
import { parseConfig, type BridgeConfig } from './core/config';
import { createLog } from './core/log';
import { createReporter } from './core/createReporter';
import { guard } from './core/guard';
import { ADAPTERS } from './vendors/registry';

export type { BridgeConfig } from './core/config';
export type {
  ChiliPiperParams,
  CustomerlyParams,
  GenesysParams,
  LeadParams,
  UserlikeParams,
  WidgetCommonParams,
  WidgetParams,
  WidgetPush,
  WidgetStage,
  WidgetVendor,
} from './core/schema';
export { LEAD_EVENT, SCHEMA_KEYS, SCHEMA_VERSION, Stage, VENDORS } from './core/schema';

/** The bridge version, from package.json at build time. */
export const VERSION: string = __VERSION__;

/** What `install()` returns; also exposed as `window.gtmWidgetBridge`. */
export interface BridgeHandle {
  /** Version of the installed bridge. */
  version: string;
  /** Removes every listener and hook the bridge installed; a later `install()` starts afresh. */
  uninstall: () => void;
}

/** The `window` property marking an installed bridge: a second copy or a second `install()` does nothing. */
export const GLOBAL_KEY = 'gtmWidgetBridge';

type BridgeWindow = Window & { [GLOBAL_KEY]?: BridgeHandle };

/**
 * Installs the bridge once per page. Returns the handle of the bridge that is
 * installed, which is the existing one when a copy is already running.
 * Never throws; outside a browser it returns a handle that does nothing.
 */
export function install(config?: BridgeConfig): BridgeHandle {
  try {
    // Outside a browser this throws a ReferenceError, caught below.
    const w = window as BridgeWindow;
    const existing = w[GLOBAL_KEY];
    if (existing) return existing;
    const resolved = parseConfig(config);
    const log = createLog(resolved.debug);
    const reporterFor = createReporter(resolved, log);
    const uninstallers: (() => void)[] = [];
    for (const vendor of resolved.vendors) {
      const adapter = ADAPTERS[vendor];
      const report = guard(log, reporterFor(adapter));
      uninstallers.push(adapter.install({ report, config: resolved, log }));
    }
    const handle: BridgeHandle = {
      version: VERSION,
      uninstall() {
        for (const uninstallVendor of uninstallers.splice(0)) guard(log, uninstallVendor)();
        if (w[GLOBAL_KEY] === handle) delete w[GLOBAL_KEY];
      },
    };
    w[GLOBAL_KEY] = handle;
    log('installed for ' + resolved.vendors);
    return handle;
  } catch {
    return { version: VERSION, uninstall() {} };
  }
}
