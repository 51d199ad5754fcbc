/**
 * Entry of dist/gtm-widget-bridge.js, every vendor of the registry in one
 * classic script. It also serves the plugin queue, so a plugin file loaded
 * beside it (the relay client's) joins in.
 */
import { installFromPage } from './core/installFromPage';
import { ADAPTERS } from './vendors/registry';

installFromPage(ADAPTERS, __VERSION__);
