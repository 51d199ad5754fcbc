import type { Log } from './log';
import type { AnyParams, WidgetStage } from './schema';

/**
 * Vendor event name → its stage. Data, not branches. Why each event has its
 * stage lives beside it in the vendor's docs.ts (`reasons`), which only the
 * generators import, so no reason costs a byte on a site.
 */
export type StageTable<Action extends string = string> = { readonly [A in Action]: WidgetStage };

/** Why each action of a stage table has its stage: a missing action fails the typecheck. */
export type Reasons<Table> = { readonly [A in keyof Table]: string };

/**
 * One vendor event as an adapter reports it: schema parameters in the
 * schema's own names, before stage lookup and GA4 sanitizing. `widget_action`
 * is the vendor's event name, looked up in the adapter's stage table; the
 * core fills in vendor, product (unless set), stage and schema version in a
 * fresh push.
 */
export type VendorEvent = AnyParams & {
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
  /**
   * This occurrence is not the funnel step its action stands for (a chat
   * session that ended before an agent joined is no completion): pushed as an
   * interaction. Never pushed.
   */
  notAStep?: boolean;
  /**
   * The interaction's `generate_lead` is sent by someone else (a server that
   * hears the outcome from the vendor): the browser pushes none. Never pushed.
   */
  leadSentElsewhere?: boolean;
};

/** A field's rule: the value to use, or `undefined` when the given value is invalid. */
/**
 * A field's validation: the value to use, or undefined when the value is
 * invalid as a whole. A list rule drops the entries it cannot use and reports
 * each through `drop`, with why when it can tell, keeping the rest.
 */
export type Rule<T> = (value: unknown, drop?: DropEntry) => T | undefined;
/** Reports one list entry left out: its index, the entry, and why when the rule can tell. */
export type DropEntry = (index: number, entry: unknown, why?: string) => void;

/** One option field: its rule, what a valid value looks like (for the warning), and its default. */
export type OptionField<T> = readonly [rule: Rule<T>, expected: string, fallback: () => T];

/**
 * A vendor's options, namespaced under one config key (`chiliPiper: { origins }`).
 * `renamed` maps keys of earlier versions, still read with a warning, to fields.
 */
export interface VendorOptions<Key extends string, Options> {
  /** The config key of this vendor's options. */
  key: Key;
  /** Each field's rule, expectation and default. */
  fields: { readonly [F in keyof Options]-?: OptionField<Options[F]> };
  /** Top-level keys of earlier versions → the field they became. */
  renamed?: Readonly<Record<string, keyof Options>>;
}

/** A product's documented happy path, in the order the vendor publishes the events. */
export interface HappyPath {
  /** `widget_product` of the path. */
  product: string;
  /** A name for the path when a product has several. */
  name: string;
  /** The vendor's event names, in the vendor's order. */
  events: readonly string[];
}

/** What kind of widget a vendor offers, for the playground's grouped list and the docs. */
export type WidgetGroup = 'booking' | 'forms' | 'chat';

/**
 * What the docs, the GTM template and the playground say about a vendor, in
 * its docs.ts: imported by the generators (src/vendors/manifest.ts), never
 * bundled.
 */
export interface VendorDocs<Table = StageTable> {
  /** Why each event has its stage, for docs/events.md. */
  reasons: Reasons<Table>;
  /** The vendor's name as people write it. */
  title: string;
  /** The kinds of widget it offers (HubSpot: all three), first the one it is best known for. */
  groups: readonly WidgetGroup[];
  /** The vendor's brand colour (CSS hex), for its pick and panel in the playground. */
  brand: string;
  /** The vendor's public documentation of what the bridge listens to. */
  link: string;
  /** How the bridge hears the vendor, for docs/events.md. */
  mechanism: string;
  /** Vendor events deliberately not pushed, and why. */
  ignored: Readonly<Record<string, string>>;
  /** Each product's happy path: docs/events.md shows it, a test walks it. */
  happyPaths: readonly HappyPath[];
  /** The GTM template's checkbox for the vendor: its parameter name and text. */
  template: { readonly param: string; readonly label: string };
  /** One sentence per option field, for the paste's comments, the template's help texts and the README. */
  optionHelp?: Readonly<Record<string, string>>;
}

/** What the core hands an adapter when installing it. */
export interface AdapterContext<Options = unknown> {
  /** Report one vendor event; never throws. */
  report: (event: VendorEvent) => void;
  /** This vendor's validated options. */
  options: Options;
  /** Debug logger. */
  log: Log;
  /**
   * Registers the undo step of one hook as soon as it is made. Uninstall runs
   * them newest first; so does the core when `install` throws half-way, which
   * keeps a vendor's install all-or-nothing.
   */
  track: (undo: () => void) => void;
  /** Whether the configuration counts this vendor action as a conversion (`generate_lead`). */
  isLeadAction: (action: string) => boolean;
}

/**
 * Every vendor adapter has this shape and is registered in one typed list
 * (src/vendors/registry.ts): a declarative stage table, the detail keys it
 * pushes, its options, its docs, and the hooks.
 */
export interface VendorAdapter<Vendor extends string = string, Params = object, OptionsKey extends string = string, Options = unknown> {
  /** The vendor id pushed as `widget_vendor` and used in configuration. */
  vendor: Vendor;
  /** `widget_product` when the event does not name another. */
  product: string;
  /** Vendor event name → stage, with the reason. */
  stages: StageTable;
  /** Actions that count as a conversion unless configured otherwise. */
  leadActions: readonly string[];
  /**
   * The vendor names the interaction in every genuine conversion (Chili Piper's
   * routeId): a lead action without an interaction id is pushed, but sends no
   * `generate_lead`, so a malformed message cannot take the lead of the
   * genuine one that follows. Otherwise an id-less lead counts once per page.
   */
  leadsNeedId?: boolean;
  /** The detail keys this vendor adds to every push, in push order. */
  keys: readonly (keyof Params & string)[];
  /** The vendor's namespaced options, if it has any. */
  options?: VendorOptions<OptionsKey, Options>;
  /**
   * Installs the hooks, each registered with `context.track` as it is made.
   * May return the vendor's public API, exposed on the bridge handle under
   * the vendor's options key (`gtmWidgetBridge.chiliPiper`).
   */
  install(context: AdapterContext<Options>): object | void;
}

/** Any adapter, as the core handles them (their own types matter only to the registry). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyVendorAdapter = VendorAdapter<string, any, string, any>;

/** Declares an adapter with its types spelled out, so the registry can compose schema and config from it. */
export function defineAdapter<Vendor extends string, Params = object, OptionsKey extends string = never, Options = Record<never, never>>(
  adapter: VendorAdapter<Vendor, Params, OptionsKey, Options>,
): VendorAdapter<Vendor, Params, OptionsKey, Options> {
  return adapter;
}

/** The stage of a vendor event, or undefined for an event the table does not know (inherited names included). */
export function stageOf(table: StageTable, action: string): WidgetStage | undefined {
  return {}.hasOwnProperty.call(table, action) ? table[action] : undefined;
}
