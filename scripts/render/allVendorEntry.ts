/**
 * The entry of dist/gtm-widget-bridge.js, every vendor of the registry in one
 * classic script, with a push builder written as one object literal for
 * their keys (scripts/render/pushBuilder.ts). build.mjs bundles it; the size
 * breakdown measures the same entry.
 */
import { composeSchemaKeys } from '../../src/core/installBridge';
import { ADAPTERS } from '../../src/vendors/registry';
import { renderPushBuilder } from './pushBuilder';

export function allVendorEntry(): string {
  const keys = composeSchemaKeys(ADAPTERS);
  return [
    "import { installFromPage } from './src/core/installFromPage';",
    "import { capParams, toParamValue as v } from './src/core/buildPush';",
    "import { SCHEMA_VERSION as S } from './src/core/schema';",
    "import { ADAPTERS } from './src/vendors/registry';",
    `installFromPage(ADAPTERS, __VERSION__, { keys: ${JSON.stringify(keys.join())}, build: ${renderPushBuilder(keys)} });`,
  ].join('\n');
}
