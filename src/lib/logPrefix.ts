/** Prefix of every console line the bridge writes (with its space), so sites can filter on it. */
export const LOG_PREFIX = '[gtm-widget-bridge] ';
