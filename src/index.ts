/**
 * gtm-widget-bridge: one listener for Chili Piper, Customerly, Userlike and
 * Genesys Widgets that turns every vendor event into one normalized,
 * GA4-ready dataLayer push. See README.md and docs/events.md.
 */
import { parseConfig, type BridgeConfig } from './core/config';
import { createLog } from './core/log';
import { createReporter } from './core/createReporter';
import { guard } from './core/guard';
import { hasOwn } from './lib/hasOwn';
import { warn } from './lib/warn';
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
 * The handle of a bridge already installed on this page. Only an own property
 * shaped like a handle counts: an element with id or name `gtmWidgetBridge`
 * is reachable as `window.gtmWidgetBridge` too, and must not switch the bridge off.
 */
function installedHandle(w: BridgeWindow): BridgeHandle | undefined {
  const existing = hasOwn(w, GLOBAL_KEY) ? w[GLOBAL_KEY] : undefined;
  return existing && typeof existing.uninstall == 'function' && typeof existing.version == 'string' ? existing : undefined;
}

const INERT: BridgeHandle = { version: VERSION, uninstall() {} };

/**
 * Installs the bridge once per page. Returns the handle of the bridge that is
 * installed, which is the existing one when a copy is already running.
 * Never throws; outside a browser it returns a handle that does nothing.
 * The page is marked installed before any hook is made, so a second tag fire
 * installs nothing even if one vendor's hooks failed; each vendor's install
 * is all-or-nothing.
 */
export function install(config?: BridgeConfig): BridgeHandle {
  try {
    // Outside a browser this throws a ReferenceError, caught below.
    const w = window as BridgeWindow;
    const existing = installedHandle(w);
    if (existing) return existing;
    const resolved = parseConfig(config);
    const log = createLog(resolved.debug);
    const undo: (() => void)[] = [];
    const handle: BridgeHandle = {
      version: VERSION,
      uninstall() {
        while (undo.length) guard(log, undo.pop()!)();
        if (hasOwn(w, GLOBAL_KEY) && w[GLOBAL_KEY] === handle) delete w[GLOBAL_KEY];
      },
    };
    w[GLOBAL_KEY] = handle;
    // Without the mark a second copy would install again and push every event twice: install nothing.
    if (installedHandle(w) !== handle) {
      warn('window.' + GLOBAL_KEY + ' cannot be set; not installed');
      return INERT;
    }
    const reporterFor = createReporter(resolved, log);
    for (const vendor of resolved.vendors) {
      const adapter = ADAPTERS[vendor];
      const made: (() => void)[] = [];
      try {
        adapter.install({ report: guard(log, reporterFor(adapter)), config: resolved, log, track: (step) => void made.push(step) });
        undo.push(...made);
      } catch (error) {
        while (made.length) guard(log, made.pop()!)();
        log(vendor + ': could not install, left out:', error);
      }
    }
    log('installed for ' + resolved.vendors);
    return handle;
  } catch {
    return INERT;
  }
}
