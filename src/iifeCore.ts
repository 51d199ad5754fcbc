/**
 * Entry of dist/core.js: the bridge without any vendor. The plugin files
 * (dist/vendors/<vendor>.js), loaded before or after it, add theirs.
 */
import { installFromPage } from './core/installFromPage';

installFromPage([], __VERSION__);
