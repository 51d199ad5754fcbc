import { createSeenBefore } from '../lib/createSeenBefore';
import { hasOwn } from '../lib/hasOwn';
import { warn } from '../lib/warn';
import type { VendorAdapter, VendorEvent } from './adapter';
import { buildPush } from './buildPush';
import type { ResolvedConfig } from './config';
import type { Log } from './log';
import { pushEvent } from './pushEvent';
import { LEAD_EVENT, type WidgetParams } from './schema';

/** The same vendor + action + interaction inside this window is one event posted twice. */
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
      const action = params.widget_action;
      const id = params.widget_interaction_id || '';
      const name = vendor + ' "' + action + '"';
      if (!hasOwn(stages, action)) return log(name + ': unknown event, ignored');
      if (isDuplicate(vendor + '|' + action + '|' + id)) return log(name + ': duplicate, ignored');
      const stage = (params.widget_stage = stages[action]);
      params.widget_vendor = vendor;
      params.widget_product = params.widget_product || adapter.product;
      log(name + ' → ' + config.eventPrefix + stage);
      emit(config.eventPrefix + stage, params);

      // One lead per interaction; without an id, one per vendor per page.
      if (config.generateLead && leadActions.indexOf(action) >= 0 && !hadLead(vendor + '|' + id)) {
        params.lead_source = vendor;
        emit(LEAD_EVENT, params);
      }
    };
  };

  function emit(event: string, params: Partial<WidgetParams>): void {
    const push = buildPush(event, params);
    pushEvent(push, config);
    log('push ' + event, push);
  }
}
