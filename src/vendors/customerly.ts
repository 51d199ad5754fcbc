/**
 * Customerly live chat: callbacks, registered either in
 * `customerly.load({callbacks: {onX}})` (seeds/002) or as `customerly.onX`
 * properties (the React SDK's registerCallback, SPEC §6). Which of the two the
 * messenger calls is not public, so the bridge hooks both; a call through both
 * for one event is one exact duplicate, pushed once.
 */
import type { VendorAdapter, VendorEvent } from '../core/adapter';
import type { WidgetStage } from '../core/schema';
import { hookCallback } from '../lib/hookCallback';
import { hookProperty } from '../lib/hookProperty';
import { isRecord } from '../lib/isRecord';
import { toId } from '../lib/toId';

/** Customerly callback → stage. Reasons: customerly.reasons.ts and docs/events.md. */
export const customerlyStages = {
  onMessengerInitialized: 'view',
  onChatOpened: 'open',
  onNewConversation: 'start',
  onLeadGenerated: 'submit',
  onChatClosed: 'close',
  onProfilingQuestionAsked: 'interaction',
  onProfilingQuestionAnswered: 'interaction',
  onHelpCenterArticleOpened: 'interaction',
  onRealtimeVideoReceived: 'interaction',
  onRealtimeVideoAnswered: 'complete',
  onRealtimeVideoRejected: 'cancel',
  onRealtimeVideoCanceled: 'cancel',
  onNewMessageReceived: 'interaction',
  onNewConversationReceived: 'interaction',
  onMessageRead: 'interaction',
  onSurveyPresented: 'interaction',
  onSurveyAnswered: 'submit',
  onSurveyRejected: 'cancel',
  onTriggerFired: 'interaction',
} as const satisfies Record<string, WidgetStage>;

/** A Customerly callback name. */
export type CustomerlyCallback = keyof typeof customerlyStages;

/**
 * The push for one callback call. Reads only what may be pushed: that an
 * e-mail was given (the address itself only travels to the core for the
 * opt-in hash, never into a push), attachment count, profiling attribute
 * name, article id/slug/title, trigger id. Never message text, attachment
 * contents, profiling answers, article body or author.
 */
export function readCustomerlyCall(name: string, args: unknown[]): VendorEvent {
  const [first, second] = args;
  const event: VendorEvent = { widget_action: name };
  if (name == 'onLeadGenerated') {
    event.widget_email_provided = typeof first == 'string' && first != '';
    event.email = first;
  } else if (name == 'onNewConversation') {
    event.widget_attachment_count = Array.isArray(second) ? second.length : 0;
  } else if (name == 'onProfilingQuestionAsked' || name == 'onProfilingQuestionAnswered') {
    event.widget_profiling_attribute = toId(first);
  } else if (name == 'onHelpCenterArticleOpened' && isRecord(first)) {
    event.widget_article_id = toId(first.knowledge_base_article_id);
    event.widget_article_slug = toId(first.slug);
    // A title is free text the site wrote for its help center, so it is not held to id rules.
    event.widget_article_title = typeof first.title == 'string' ? first.title : undefined;
  } else if (name == 'onTriggerFired') {
    event.widget_trigger_id = toId(first);
  } else if (name == 'onNewConversationReceived') {
    // A conversation started by the team or an automation, not the visitor.
    event.widget_proactive = true;
  }
  return event;
}

export const customerly: VendorAdapter = {
  vendor: 'customerly',
  product: 'live_chat',
  stages: customerlyStages,
  leadActions: ['onLeadGenerated'] satisfies CustomerlyCallback[],
  install({ report }) {
    const restores: (() => void)[] = [];
    const names = Object.keys(customerlyStages);
    const hookCallbacks = (target: Record<string, unknown>) => {
      for (const name of names) restores.push(hookCallback(target, name, (args) => report(readCustomerlyCall(name, args))));
    };
    // load(settings) stores customerly.settings; hooking the callbacks object itself covers the
    // messenger reading them from either customerly.settings or the object it was handed.
    const hookSettings = (settings: unknown) => {
      if (!isRecord(settings)) return;
      if (!isRecord(settings.callbacks)) settings.callbacks = {};
      hookCallbacks(settings.callbacks as Record<string, unknown>);
    };
    // window.customerly is the snippet's array, or whatever replaces it later: hook each one.
    const hookNamespace = (namespace: unknown) => {
      if (typeof namespace != 'object' || namespace === null) return;
      hookCallbacks(namespace as Record<string, unknown>);
      restores.push(hookProperty(namespace as Record<string, unknown>, 'settings', hookSettings));
    };
    restores.push(hookProperty(window as unknown as Record<string, unknown>, 'customerly', hookNamespace));
    return () => {
      for (const restore of restores.splice(0)) restore();
    };
  },
};
