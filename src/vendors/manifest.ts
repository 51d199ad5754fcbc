/**
 * The vendors as the tooling sees them: each registry adapter with its docs
 * (stage reasons, title, link, happy paths, GTM checkbox, option help) and
 * the module a build entry imports it from. build.mjs, the generators
 * (docs/events.md, the GTM template, the paste's comments), the playground
 * and the size breakdown import this list; the bundles import the registry,
 * never this file, so no docs text reaches a site.
 */
import type { AnyVendorAdapter, VendorDocs } from '../core/adapter';
import { calendlyDocs } from './calendly/docs';
import { calComDocs } from './cal_com/docs';
import { chiliPiperDocs } from './chili_piper/docs';
import { crispDocs } from './crisp/docs';
import { customerlyDocs } from './customerly/docs';
import { driftDocs } from './drift/docs';
import { genesysDocs } from './genesys/docs';
import { hubspotDocs } from './hubspot/docs';
import { livechatDocs } from './livechat/docs';
import { tidioDocs } from './tidio/docs';
import { intercomDocs } from './intercom/docs';
import { ADAPTERS, type WidgetVendor } from './registry';
import { tawkToDocs } from './tawk_to/docs';
import { typeformDocs } from './typeform/docs';
import { userlikeDocs } from './userlike/docs';
import { zendeskDocs } from './zendesk/docs';

/** An adapter with its docs: what every generator takes. */
export type DocumentedAdapter = AnyVendorAdapter & { docs: VendorDocs };

/** Each vendor's docs, by vendor id: a vendor of the registry without docs fails the typecheck. */
const DOCS: { readonly [V in WidgetVendor]: VendorDocs } = {
  chili_piper: chiliPiperDocs,
  customerly: customerlyDocs,
  userlike: userlikeDocs,
  genesys: genesysDocs,
  calendly: calendlyDocs,
  typeform: typeformDocs,
  cal_com: calComDocs,
  hubspot: hubspotDocs,
  livechat: livechatDocs,
  tidio: tidioDocs,
  tawk_to: tawkToDocs,
  crisp: crispDocs,
  intercom: intercomDocs,
  drift: driftDocs,
  zendesk: zendeskDocs,
};

/** One vendor of the manifest. */
export interface VendorEntry {
  /** The vendor id, also its folder under src/vendors/ and its file under dist/vendors/. */
  vendor: WidgetVendor;
  /** The adapter's export name in that folder's index.ts. */
  exportName: string;
  /** The adapter, with its docs. */
  adapter: DocumentedAdapter;
}

/** The registry's adapters with their docs, in registry order. */
export const DOCUMENTED_ADAPTERS: readonly DocumentedAdapter[] = ADAPTERS.map((adapter) =>
  Object.assign({}, adapter, { docs: DOCS[adapter.vendor] }),
);

/** Every vendor of the registry, in registry order, with what a build needs to import it. */
export const MANIFEST: readonly VendorEntry[] = DOCUMENTED_ADAPTERS.map((adapter) => ({
  vendor: adapter.vendor as WidgetVendor,
  exportName: adapter.vendor.replace(/_(\w)/g, (_, letter: string) => letter.toUpperCase()),
  adapter,
}));
