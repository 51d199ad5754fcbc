/**
 * The one list of vendors. Everything vendor-specific outside a vendor's own
 * folder comes from here: the schema's keys and public types, the
 * configuration's vendor options, docs/events.md, the GTM template's vendor
 * fields, the playground's panels, the tests' vendor lists and the size table.
 * Adding a vendor: its folder (index.ts, params.ts, stages.ts), one line in
 * ADAPTERS, its type re-export below, then `npm run generate`.
 */
import type { VendorAdapter } from '../core/adapter';
import type { CoreConfig } from '../authoring/config';
import { composeSchemaKeys } from '../core/installBridge';
import type { WidgetParamsOf, WidgetPushOf } from '../core/schema';
import { calendly } from './calendly';
import { calCom } from './cal_com';
import { chiliPiper } from './chili_piper';
import { crisp } from './crisp';
import { customerly } from './customerly';
import { drift } from './drift';
import { genesys } from './genesys';
import { hubspot } from './hubspot';
import { livechat } from './livechat';
import { tidio } from './tidio';
import { tawkTo } from './tawk_to';
import { intercom } from './intercom';
import { typeform } from './typeform';
import { userlike } from './userlike';
import { zendesk } from './zendesk';

export type { CalendlyOptions, CalendlyParams } from './calendly';
export type { CalComOptions, CalComParams } from './cal_com';
export type { ChiliPiperOptions, ChiliPiperParams } from './chili_piper';
export type { CrispParams } from './crisp';
export type { CustomerlyParams } from './customerly';
export type { DriftParams } from './drift';
export type { GenesysParams } from './genesys';
export type { HubspotOptions, HubspotParams } from './hubspot';
export type { LivechatParams } from './livechat';
export type { TidioParams } from './tidio';
export type { TawkToParams } from './tawk_to';
export type { IntercomParams } from './intercom';
export type { TypeformOptions, TypeformParams } from './typeform';
export type { UserlikeParams } from './userlike';
export type { ZendeskParams } from './zendesk';

/** Every vendor adapter, in push-key order. */
export const ADAPTERS = [
  chiliPiper,
  customerly,
  userlike,
  genesys,
  calendly,
  typeform,
  calCom,
  hubspot,
  livechat,
  tidio,
  tawkTo,
  crisp,
  intercom,
  drift,
  zendesk,
] as const;

type Adapter = (typeof ADAPTERS)[number];
type UnionToIntersection<U> = (U extends unknown ? (union: U) => void : never) extends (intersection: infer I) => void ? I : never;

/** A vendor id as pushed in `widget_vendor` and used in configuration. */
export type WidgetVendor = Adapter['vendor'];

/** Every vendor id, in registry order. */
export const VENDORS: readonly WidgetVendor[] = ADAPTERS.map((adapter) => adapter.vendor);

/** Every vendor's detail keys, with their types and JSDoc (from each vendor's params.ts). */
export type VendorParams = UnionToIntersection<Adapter extends VendorAdapter<string, infer Params, string, unknown> ? Params : never>;

/** Every parameter of a push besides `event`. */
export type WidgetParams = WidgetParamsOf<WidgetVendor, VendorParams>;

/**
 * One dataLayer push. Always carries every key of the schema, absent values
 * set to `undefined`, because GTM's data model merges pushes and would
 * otherwise leak an earlier interaction's values into this event.
 */
export type WidgetPush = WidgetPushOf<WidgetVendor, VendorParams>;

/** Every key of a push, in push order: the common keys, each vendor's detail keys, the lead and version keys. */
export const SCHEMA_KEYS = composeSchemaKeys(ADAPTERS) as readonly (keyof WidgetPush)[];

/** One adapter's options as they appear in the configuration, or never for a vendor without options. */
type OptionsConfig<A> =
  A extends VendorAdapter<string, infer _Params, infer Key, infer Options>
    ? [Key] extends [never]
      ? never
      : { [K in Key]?: Partial<Options> }
    : never;

/** Each vendor's options, under its own key (`chiliPiper: { origins }`). */
export type VendorConfig = [OptionsConfig<Adapter>] extends [never] ? object : UnionToIntersection<OptionsConfig<Adapter>>;

/**
 * The configuration: `window.gtmWidgetBridgeConfig` (IIFE), the GTM
 * template's fields, or `install(config)` (ESM). Every field is optional; an
 * invalid value is reported with `console.warn` and replaced by its default.
 */
export type BridgeConfig = CoreConfig<WidgetVendor> & VendorConfig;
