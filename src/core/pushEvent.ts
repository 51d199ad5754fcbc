import type { ResolvedConfig } from './config';
import type { WidgetPush } from './schema';

type BridgeWindow = Window & Record<string, unknown> & { gtag?: Gtag.Gtag };

/**
 * Hands one push to the page: `window[dataLayerName].push(push)`, resolved
 * now because sites reassign their dataLayer, and created if missing; or
 * `gtag('event', name, params)` with only the defined parameters.
 */
export function pushEvent(push: WidgetPush, config: ResolvedConfig): void {
  const w = window as unknown as BridgeWindow;
  const name = config.dataLayerName;
  const dataLayer = (w[name] = w[name] || []) as { push(...items: unknown[]): unknown };
  if (config.output == 'gtag') {
    const params: Gtag.CustomParams = {};
    for (const key in push) {
      const value = push[key as keyof WidgetPush];
      if (key != 'event' && key != 'user_data' && value !== undefined) params[key] = value;
    }
    // Without gtag.js on the page yet, queue the call exactly as gtag.js's own snippet does.
    const gtag: Gtag.Gtag =
      w.gtag ||
      function () {
        // eslint-disable-next-line prefer-rest-params
        dataLayer.push(arguments);
      };
    // gtag.js takes enhanced-conversions data through its own command, not as an event parameter.
    if (push.user_data) gtag('set', 'user_data', push.user_data);
    gtag('event', push.event, params);
  } else {
    dataLayer.push(push);
  }
}
