import type { ResolvedConfig } from './config';
import type { Log } from './log';
import type { WidgetParams, WidgetStage, WidgetVendor } from './schema';

/**
 * One vendor event as an adapter reports it: schema parameters in the schema's
 * own names, before stage lookup and GA4 sanitizing. `widget_action` is the
 * vendor's event name, looked up in the adapter's stage table; the core fills
 * in vendor, product (unless set), stage and schema version in a fresh push.
 */
export type VendorEvent = Partial<WidgetParams> & {
  /** The vendor's event name. */
  widget_action: string;
  /** An e-mail the vendor handed over: only ever hashed for the opt-in `user_data`, never pushed. */
  email?: unknown;
  /**
   * Which interaction the event belongs to when the vendor names none, or names
   * it differently across events (one booking iframe, one Genesys chat): a
   * funnel step is pushed once per scope. Never pushed. Defaults to
   * `widget_interaction_id`.
   */
  scope?: string;
};

/** What the core hands an adapter when installing it. */
export interface AdapterContext {
  /** Report one vendor event; never throws. */
  report: (event: VendorEvent) => void;
  /** The validated configuration. */
  config: ResolvedConfig;
  /** Debug logger. */
  log: Log;
  /**
   * Registers the undo step of one hook as soon as it is made. Uninstall runs
   * them newest first; so does the core when `install` throws half-way, which
   * keeps a vendor's install all-or-nothing.
   */
  track: (undo: () => void) => void;
}

/**
 * Every vendor adapter has this shape and is registered in one typed table
 * (src/vendors/registry.ts): a declarative stage table plus hooks.
 */
export interface VendorAdapter {
  /** The vendor id pushed as `widget_vendor`. */
  vendor: WidgetVendor;
  /** `widget_product` when the event does not name another. */
  product: string;
  /** Vendor event name → funnel stage. Data, not branches; also generates docs/events.md. */
  stages: Readonly<Record<string, WidgetStage>>;
  /** Actions that count as a conversion unless configured otherwise. */
  leadActions: readonly string[];
  /** Installs the hooks, each registered with `context.track` as it is made. */
  install: (context: AdapterContext) => void;
}
