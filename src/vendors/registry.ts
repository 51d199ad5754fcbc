import type { VendorAdapter } from '../core/adapter';
import type { WidgetVendor } from '../core/schema';
import { chiliPiper } from './chili-piper';
import { customerly } from './customerly';
import { genesys } from './genesys';
import { userlike } from './userlike';

/** Every vendor adapter, keyed by vendor id; the one table the installer reads. */
export const ADAPTERS: { readonly [V in WidgetVendor]: VendorAdapter } = {
  chili_piper: chiliPiper,
  customerly,
  userlike,
  genesys,
};
