/**
 * Entry of dist/gtm-widget-bridge.js and the GTM Custom HTML paste, with every
 * vendor of the registry. build.mjs makes the same entry for each combination
 * of vendors (dist/gtm-widget-bridge.<vendor>[.<vendor>…].js).
 */
import { installFromPage } from './core/installFromPage';
import { ADAPTERS } from './vendors/registry';

installFromPage(ADAPTERS, __VERSION__);
