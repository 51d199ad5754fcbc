import type { Settings } from './readConfig';

type BridgeWindow = Window & Record<string, unknown> & { gtag?: Gtag.Gtag };
type Queue = { push(...items: unknown[]): unknown };

/**
 * The page's dataLayer, resolved now because sites reassign it, and created
 * if missing. An existing one is never assigned to: a site may hold it in a
 * non-writable property, and assigning would throw in strict code.
 */
function resolveQueue(w: BridgeWindow, name: string): Queue {
  const existing = w[name];
  if (existing) return existing as Queue;
  const created: unknown[] = [];
  w[name] = created;
  return created;
}

/**
 * Hands one push to the page: `window[dataLayerName].push(push)`, or
 * `gtag('event', name, params)` with only the defined parameters.
 */
export function pushEvent(push: Record<string, unknown>, config: Settings): void {
  const w = window as unknown as BridgeWindow;
  const dataLayer = resolveQueue(w, config.dataLayerName);
  if (config.output == 'gtag') {
    const params: Gtag.CustomParams = {};
    // Own keys, not for…in: a key another script added to Object.prototype must not become a parameter.
    for (const key of Object.keys(push)) {
      const value = push[key];
      if (key != 'event' && key != 'user_data' && value !== undefined) params[key] = value as Gtag.CustomParams[string];
    }
    // Without gtag.js on the page yet, queue the call exactly as gtag.js's own snippet does.
    const gtag: Gtag.Gtag =
      typeof w.gtag == 'function'
        ? w.gtag
        : function () {
            // eslint-disable-next-line prefer-rest-params
            dataLayer.push(arguments);
          };
    // gtag.js takes enhanced-conversions data through its own command, not as an event parameter.
    if (push.user_data) gtag('set', 'user_data', push.user_data as Gtag.CustomParams);
    gtag('event', push.event as string, params);
  } else {
    dataLayer.push(push);
  }
}
