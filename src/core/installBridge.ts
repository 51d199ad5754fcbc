import { hasOwn } from '../lib/hasOwn';
import { warn } from '../lib/warn';
import type { AnyVendorAdapter } from './adapter';
import type { PushBuilder } from './buildPush';
import { parseConfig } from './config';
import { createLog } from './log';
import { createReporter } from './createReporter';
import { guard } from './guard';
import { CLOSING_KEYS, COMMON_KEYS } from './schema';

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

/** Every key of a push, in push order: the common keys, each vendor's detail keys, the lead and version keys. */
export function composeSchemaKeys(adapters: readonly AnyVendorAdapter[]): string[] {
  return ([] as string[]).concat(COMMON_KEYS, ...adapters.map((adapter) => adapter.keys as readonly string[]), CLOSING_KEYS);
}

/**
 * Installs the bridge with these vendor adapters, once per page. Returns the
 * handle of the bridge that is installed, which is the existing one when a
 * copy is already running. Never throws; outside a browser it returns a
 * handle that does nothing. The page is marked installed before any hook is
 * made, so a second tag fire installs nothing even if one vendor's hooks
 * failed; each vendor's install is all-or-nothing. `makePush` is the push
 * builder written for exactly these adapters' keys, when the build has one.
 */
export function installBridge(
  config: unknown,
  adapters: readonly AnyVendorAdapter[],
  version: string,
  makePush?: PushBuilder,
): BridgeHandle {
  const inert: BridgeHandle = { version, uninstall() {} };
  try {
    // Outside a browser this throws a ReferenceError, caught below.
    const w = window as BridgeWindow;
    const existing = installedHandle(w);
    if (existing) return existing;
    const resolved = parseConfig(config, adapters);
    const log = createLog(resolved.debug);
    const undo: (() => void)[] = [];
    const handle: BridgeHandle = {
      version,
      uninstall() {
        while (undo.length) guard(log, undo.pop()!)();
        if (hasOwn(w, GLOBAL_KEY) && w[GLOBAL_KEY] === handle) delete w[GLOBAL_KEY];
      },
    };
    w[GLOBAL_KEY] = handle;
    // Without the mark a second copy would install again and push every event twice: install nothing.
    if (installedHandle(w) !== handle) {
      warn('window.' + GLOBAL_KEY + ' cannot be set; not installed');
      return inert;
    }
    const { reporterFor, isLeadAction } = createReporter(resolved, log, composeSchemaKeys(adapters), makePush);
    for (const adapter of adapters) {
      if (resolved.vendors.indexOf(adapter.vendor) < 0) continue;
      const made: (() => void)[] = [];
      try {
        const options = adapter.options ? resolved.options[adapter.options.key] : undefined;
        const api = adapter.install({
          report: guard(log, reporterFor(adapter)),
          options,
          log,
          track: (step) => void made.push(step),
          isLeadAction: (action) => isLeadAction(adapter, action),
        });
        undo.push(...made);
        // The vendor's public API, e.g. gtmWidgetBridge.chiliPiper.webhookUrl().
        if (api && adapter.options) (handle as unknown as Record<string, unknown>)[adapter.options.key] = api;
      } catch (error) {
        while (made.length) guard(log, made.pop()!)();
        log(adapter.vendor + ': could not install, left out:', error);
      }
    }
    log('installed for ' + resolved.vendors);
    return handle;
  } catch {
    return inert;
  }
}
