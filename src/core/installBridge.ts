import { hasOwn } from '../lib/hasOwn';
import type { AnyVendorAdapter } from './adapter';
import { createLog } from './log';
import type { FastPushBuilder, PushBuilder } from './buildPush';
import { createReporter } from './createReporter';
import { guard } from './guard';
import { readOptions, readSettings } from './readConfig';
import { CLOSING_KEYS, COMMON_KEYS } from './schema';
import { W_NOT_INSTALLED, warnCode } from './warnings';

/** What `install()` returns; also exposed as `window.gtmWidgetBridge`. */
export interface BridgeHandle {
  /** Version of the installed bridge. */
  version: string;
  /** Removes every listener and hook the bridge installed; a later `install()` starts afresh. */
  uninstall: () => void;
  /**
   * Adds a vendor to the running bridge, as the plugin files do; from then on
   * every push carries its keys too. A vendor already added is left as it is;
   * one the configuration's `vendors` leaves out is not installed.
   */
  add: (adapter: AnyVendorAdapter) => void;
  /** Installs every added vendor again: a plugin that lends others code (the relay's client) arrived. */
  refresh: () => void;
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

/** Every key of a push, in push order: the common keys, each vendor's detail keys (each once), the lead and version keys. */
export function composeSchemaKeys(adapters: readonly AnyVendorAdapter[]): string[] {
  const keys: string[] = COMMON_KEYS.slice();
  for (const adapter of adapters) for (const key of adapter.keys) if (keys.indexOf(key) < 0) keys.push(key);
  return keys.concat(CLOSING_KEYS);
}

/**
 * Installs the bridge once per page with these vendor adapters. Returns the
 * handle of the bridge that is installed; when a copy is already running,
 * the adapters are added to it. Never throws; outside a browser it returns a
 * handle that does nothing. The page is marked installed before any hook is
 * made, so a second tag fire installs nothing even if one vendor's hooks
 * failed; each vendor's install is all-or-nothing.
 */
export function installBridge(
  config: unknown,
  adapters: readonly AnyVendorAdapter[],
  version: string,
  fast?: FastPushBuilder,
): BridgeHandle {
  const inert: BridgeHandle = { version, uninstall() {}, add() {}, refresh() {} };
  try {
    // Outside a browser this throws a ReferenceError, caught below.
    const w = window as BridgeWindow;
    const existing = installedHandle(w);
    if (existing) {
      // A bridge of an earlier version has no add.
      if (typeof existing.add == 'function') for (const adapter of adapters) existing.add(adapter);
      return existing;
    }
    const settings = readSettings(config);
    const log = createLog(settings.debug);
    // Every push carries every key of every vendor added so far (GTM's data model would keep an earlier
    // push's values otherwise); a vendor added later extends the list in place.
    const keys = composeSchemaKeys([]);
    // The build's literal push builder serves while the keys are the ones it was written for.
    const builder: { build?: PushBuilder } = {};
    const { reporterFor, isLeadAction } = createReporter(settings, log, keys, builder);
    /** Each added vendor, and the undo steps of its hooks while installed. */
    const added: { adapter: AnyVendorAdapter; undo: (() => void)[] }[] = [];
    const stop = (entry: { undo: (() => void)[] }) => {
      while (entry.undo.length) guard(log, entry.undo.pop()!)();
    };
    const start = (entry: (typeof added)[number]) => {
      const adapter = entry.adapter;
      try {
        const options = adapter.options ? readOptions(config, adapter) : undefined;
        const api = adapter.install({
          report: guard(log, reporterFor(adapter)),
          options,
          log,
          track: (step) => void entry.undo.push(step),
          isLeadAction: (action) => isLeadAction(adapter, action),
        });
        // The vendor's public API, e.g. gtmWidgetBridge.chiliPiper.webhookUrl().
        if (api && adapter.options) (handle as unknown as Record<string, unknown>)[adapter.options.key] = api;
        log('installed ' + adapter.vendor);
      } catch (error) {
        stop(entry);
        log(adapter.vendor + ': could not install, left out:', error);
      }
    };
    const handle: BridgeHandle = {
      version,
      uninstall() {
        while (added.length) stop(added.pop()!);
        if (hasOwn(w, GLOBAL_KEY) && w[GLOBAL_KEY] === handle) delete w[GLOBAL_KEY];
      },
      add: guard(log, (adapter: AnyVendorAdapter) => {
        for (const entry of added) if (entry.adapter.vendor === adapter.vendor) return;
        if (settings.vendors && settings.vendors.indexOf(adapter.vendor) < 0) return log(adapter.vendor + ': not in config.vendors');
        for (const key of adapter.keys as readonly string[])
          if (keys.indexOf(key) < 0) keys.splice(keys.length - CLOSING_KEYS.length, 0, key);
        builder.build = fast && fast.keys == keys.join() ? fast.build : undefined;
        const entry = { adapter, undo: [] };
        added.push(entry);
        start(entry);
      }),
      refresh: guard(log, () => {
        for (const entry of added) {
          stop(entry);
          start(entry);
        }
      }),
    };
    try {
      w[GLOBAL_KEY] = handle;
    } catch {
      // A read-only property throws in strict code: told below.
    }
    // Without the mark a second copy would install again and push every event twice: install nothing.
    if (installedHandle(w) !== handle) {
      warnCode(W_NOT_INSTALLED, 'window.' + GLOBAL_KEY);
      return inert;
    }
    for (const adapter of adapters) handle.add(adapter);
    return handle;
  } catch {
    return inert;
  }
}
