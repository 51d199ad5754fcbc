import { createHighWaterMark } from '../lib/createHighWaterMark';
import { createSeenBefore } from '../lib/createSeenBefore';
import { hasOwn } from '../lib/hasOwn';
import { isEmailShaped } from '../lib/isEmailShaped';
import { looksPersonal } from '../lib/looksPersonal';
import { stageOf, type AnyVendorAdapter as VendorAdapter, type VendorEvent } from './adapter';
import { buildPush, type PushBuilder } from './buildPush';
import type { Settings } from './readConfig';
import { W_LEAD_ACTION, warnCode } from './warnings';
import type { Log } from './log';
import { pushEvent } from './pushEvent';
import { guard } from './guard';
import { normalizeEmail } from '../lib/normalizeEmail';
import { sha256Hex } from '../lib/sha256Hex';
import { FUNNEL_STEPS, LEAD_EVENT, type AnyParams, type WidgetStage } from './schema';

/** An exact duplicate of a push inside this window is one event reported twice. */
export const DUPLICATE_WINDOW_MS = 1000;
/** Bounds of the duplicate, step and lead memories, so state stays flat on long-lived pages. */
const DUPLICATE_MEMORY = 32;
const STEP_MEMORY = 128;
const LEAD_MEMORY = 64;

/** A vendor's event name as safe to print: names that could hold personal data are not. */
function describeAction(action: unknown): string {
  return typeof action == 'string' && /^[\w .:-]{1,64}$/.test(action) && !looksPersonal(action)
    ? '"' + action + '"'
    : '(an unreadable name)';
}

/**
 * Creates the one place where vendor events become pushes: stage lookup,
 * duplicate suppression, the push itself with every key of the schema
 * (`keys`), and `generate_lead` once per interaction. Every event that is
 * neither unknown nor an exact duplicate is pushed once. Funnel steps only go
 * forward within one interaction: an event whose step the interaction has
 * already reached or passed (Chili Piper's `availability-loaded` after
 * `routing`, a second `open` after a maximise) is pushed as an interaction
 * with its own `widget_action`, so a GA4 funnel counts each interaction once
 * per step and the vendor's event is still there to report on.
 * `reporterFor` binds it to one adapter; `isLeadAction` tells an adapter what
 * counts as a conversion.
 */
export function createReporter(config: Settings, log: Log, keys: readonly string[], fast?: { build?: PushBuilder }) {
  // The builder written for exactly these keys, while the page's vendors are the ones it was written for.
  const build = (event: string, params: AnyParams) => (fast && fast.build ? fast.build(event, params) : buildPush(event, params, keys));
  const isDuplicatePush = createSeenBefore(DUPLICATE_MEMORY, DUPLICATE_WINDOW_MS);
  const furthestStep = createHighWaterMark(STEP_MEMORY);
  const isRepeatedLead = createSeenBefore(LEAD_MEMORY, Infinity);

  const reporterFor = (adapter: VendorAdapter) => {
    const { vendor, stages } = adapter;
    const leadActions = leadActionsOf(adapter);
    const configured = hasOwn(config.leadActions, vendor) ? config.leadActions[vendor] : undefined;
    if (configured) {
      for (let i = 0; i < configured.length; i++) {
        if (!hasOwn(stages, configured[i])) warnCode(W_LEAD_ACTION, 'config.leadActions.' + vendor + '[' + i + ']');
      }
    }

    return (event: VendorEvent): void => {
      const action = event.widget_action;
      const name = vendor + ' ' + describeAction(action);
      const stage = stageOf(stages, action);
      if (!stage) return log(name + ': unknown event, ignored');
      const product = event.widget_product || adapter.product;
      // A fresh object: the adapter's report is never written to. (Object.assign, not spread syntax, whose
      // down-levelled helper walks keys with for…in and defines them through descriptor objects.)
      const params: AnyParams = Object.assign({}, event, { widget_vendor: vendor, widget_product: product, widget_stage: stage });
      let push = build(config.eventPrefix + stage, params);
      // An exact duplicate (same vendor, action, interaction and details) is one event reported twice:
      // a message posted twice, or a callback the vendor calls through two registrations. Compared
      // before the funnel rule below, which would make the second copy look different. The adapter's
      // scope is part of the interaction: the same event from two embeds (two Calendly iframes, which
      // name no interaction before the booking) is two events.
      const scope = event.scope || event.widget_interaction_id;
      if (isDuplicatePush(JSON.stringify(push) + (scope ? '|' + scope : ''))) return log(name + ': duplicate, ignored');
      const step = FUNNEL_STEPS.indexOf(stage);
      if (step >= 0 && (event.notAStep || (scope && furthestStep(vendor + '|' + product + '|' + scope, step) >= step))) {
        // A literal, not Stage.Interaction: importing the Stage object would bundle all of it.
        const interaction: WidgetStage = 'interaction';
        params.widget_stage = interaction;
        push = build(config.eventPrefix + interaction, params);
        log(name + ': not a new "' + stage + '" step of this interaction');
      }
      log(name + ' → ' + push.event);
      deliver(push);

      // One lead per interaction, whatever stage its push had; without an id, one per vendor per page,
      // unless the vendor names the interaction in every genuine conversion (`leadsNeedId`).
      const id = params.widget_interaction_id;
      if (
        config.generateLead &&
        leadActions.indexOf(action) >= 0 &&
        !event.leadSentElsewhere &&
        (id || !adapter.leadsNeedId) &&
        !isRepeatedLead(vendor + '|' + (id || ''))
      ) {
        // The lead keeps the stage its action has in the table, whatever its own push became.
        const lead: AnyParams = Object.assign({}, params, { lead_source: vendor, widget_stage: stage });
        if (config.hashEmail && isEmailShaped(event.email)) {
          // Web Crypto is asynchronous: the lead follows its stage push by a few milliseconds.
          const emitLead = guard(log, () => emit(LEAD_EVENT, lead));
          sha256Hex(normalizeEmail(event.email)).then((hash) => {
            lead.user_data = { sha256_email_address: hash };
            emitLead();
          }, emitLead);
        } else {
          emit(LEAD_EVENT, lead);
        }
      }
    };
  };

  function leadActionsOf(adapter: VendorAdapter): readonly string[] {
    return (hasOwn(config.leadActions, adapter.vendor) && config.leadActions[adapter.vendor]) || adapter.leadActions;
  }

  return {
    reporterFor,
    /** Whether the configuration counts `action` of `adapter` as a conversion. */
    isLeadAction: (adapter: VendorAdapter, action: string) => config.generateLead && leadActionsOf(adapter).indexOf(action) >= 0,
  };

  function deliver(push: Record<string, unknown>): void {
    pushEvent(push, config);
    log('push ' + push.event, push);
  }

  function emit(event: string, params: AnyParams): void {
    deliver(build(event, params));
  }
}
