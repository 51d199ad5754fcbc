import { createSeenBefore } from '../lib/createSeenBefore';
import { hasOwn } from '../lib/hasOwn';
import { warn } from '../lib/warn';
import type { VendorAdapter, VendorEvent } from './adapter';
import { buildPush } from './buildPush';
import type { ResolvedConfig } from './config';
import type { Log } from './log';
import { pushEvent } from './pushEvent';
import { guard } from './guard';
import { normalizeEmail } from '../lib/normalizeEmail';
import { sha256Hex } from '../lib/sha256Hex';
import { LEAD_EVENT, type WidgetParams, type WidgetPush } from './schema';

/** An exact duplicate of a push inside this window is one event reported twice. */
export const DUPLICATE_WINDOW_MS = 1000;
/** Bounds of the duplicate and lead memories, so state stays flat on long-lived pages. */
const DUPLICATE_MEMORY = 32;
const LEAD_MEMORY = 64;

/**
 * Creates the one place where vendor events become pushes: stage lookup,
 * duplicate suppression, the push itself and `generate_lead` once per
 * interaction. The returned function binds it to one adapter.
 */
export function createReporter(config: ResolvedConfig, log: Log) {
  const isDuplicate = createSeenBefore(DUPLICATE_MEMORY, DUPLICATE_WINDOW_MS);
  const hadLead = createSeenBefore(LEAD_MEMORY, Infinity);

  return (adapter: VendorAdapter) => {
    const { vendor, stages } = adapter;
    const configured = config.leadActions[vendor];
    const leadActions = configured || adapter.leadActions;
    if (configured) {
      for (const action of configured) {
        if (!hasOwn(stages, action)) warn('config.leadActions.' + vendor + ': unknown action "' + action + '"');
      }
    }

    return (params: VendorEvent): void => {
      // The e-mail only ever feeds the opt-in hash: take it off before anything else sees params.
      const email = params.email;
      delete params.email;
      const action = params.widget_action;
      const name = vendor + ' "' + action + '"';
      if (!hasOwn(stages, action)) return log(name + ': unknown event, ignored');
      const stage = (params.widget_stage = stages[action]);
      params.widget_vendor = vendor;
      params.widget_product = params.widget_product || adapter.product;
      const push = buildPush(config.eventPrefix + stage, params);
      // An exact duplicate (same vendor, action, interaction and details) is one event reported twice:
      // a message posted twice, or a callback the vendor calls through two registrations.
      if (isDuplicate(JSON.stringify(push))) return log(name + ': duplicate, ignored');
      log(name + ' → ' + push.event);
      deliver(push);

      // One lead per interaction; without an id, one per vendor per page.
      if (config.generateLead && leadActions.indexOf(action) >= 0 && !hadLead(vendor + '|' + (params.widget_interaction_id || ''))) {
        params.lead_source = vendor;
        if (config.hashEmail && typeof email == 'string' && email) {
          // Web Crypto is asynchronous: the lead follows its stage push by a few milliseconds.
          const emitLead = guard(log, () => emit(LEAD_EVENT, params));
          sha256Hex(normalizeEmail(email)).then((hash) => {
            params.user_data = { sha256_email_address: hash };
            emitLead();
          }, emitLead);
        } else {
          emit(LEAD_EVENT, params);
        }
      }
    };
  };

  function deliver(push: WidgetPush): void {
    pushEvent(push, config);
    log('push ' + push.event, push);
  }

  function emit(event: string, params: Partial<WidgetParams>): void {
    deliver(buildPush(event, params));
  }
}
