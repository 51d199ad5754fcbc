/**
 * Customerly live chat: callbacks, registered either in
 * `customerly.load({callbacks: {onX}})`
 * (https://docs.customerly.io/api/receiving-information-from-customerly-live-chat)
 * or as `customerly.onX` properties, which is how Customerly's own SDKs
 * register them (npm `react-live-chat-customerly`: `registerCallback` assigns
 * `window.customerly[type]`). The messenger therefore reads `customerly.onX`
 * for every callback; the bridge answers there, and wraps the site's own
 * callbacks wherever the site put them. A call through both for one event is
 * one exact duplicate, pushed once.
 */
import { isEmailShaped } from '../../lib/isEmailShaped';
import { defineAdapter, type VendorEvent } from '../../core/adapter';
import { defineAccessor } from '../../lib/defineAccessor';
import { hasOwn } from '../../lib/hasOwn';
import { hookCallback } from '../../lib/hookCallback';
import { HOOKED, hookProperty } from '../../lib/hookProperty';
import { isRecord } from '../../lib/isRecord';
import { looksPersonal } from '../../lib/looksPersonal';
import { ownValue } from '../../lib/ownValue';
import { toId } from '../../lib/toId';
import { customerlyKeys, type CustomerlyParams } from './params';
import { customerlyStages, type CustomerlyCallback } from './stages';

export type { CustomerlyParams } from './params';
export { customerlyStages } from './stages';

const NAMES = Object.keys(customerlyStages) as CustomerlyCallback[];

/** Callbacks that carry no conversation id but happen inside the visitor's current conversation. */
const IN_CONVERSATION: readonly string[] = [
  'onNewConversation',
  'onLeadGenerated',
  'onProfilingQuestionAsked',
  'onProfilingQuestionAnswered',
  'onRealtimeVideoRejected',
  'onRealtimeVideoCanceled',
];

/** Callbacks whose id is a conversation's. */
const CARRIES_CONVERSATION: readonly string[] = [
  'onNewConversationReceived',
  'onNewMessageReceived',
  'onMessageRead',
  'onRealtimeVideoReceived',
  'onRealtimeVideoAnswered',
];

/**
 * The push for one callback call, from its arguments alone. Reads only what
 * may be pushed: the vendor's ids (conversation, survey, chatflow
 * notification), that an e-mail was given (the address itself only travels to
 * the core for the opt-in hash, never into a push), attachment count,
 * profiling attribute name, article id/slug and a title free of contact data,
 * trigger id, the kind of chatflow item clicked. Never message text,
 * attachment contents, profiling answers, article body or author.
 */
export function readCustomerlyCall(name: string, args: unknown[]): VendorEvent {
  const first = args[0];
  const second = args[1];
  const event: VendorEvent = { widget_action: name };
  switch (name) {
    case 'onLeadGenerated':
      event.widget_email_provided = isEmailShaped(first);
      event.email = first;
      break;
    case 'onNewConversation':
      event.widget_attachment_count = Array.isArray(second) ? second.length : 0;
      break;
    case 'onProfilingQuestionAsked':
    case 'onProfilingQuestionAnswered':
      event.widget_profiling_attribute = toId(first);
      break;
    case 'onHelpCenterArticleOpened': {
      event.widget_article_id = toId(ownValue(first, 'knowledge_base_article_id'));
      event.widget_article_slug = toId(ownValue(first, 'slug'));
      // The title is free text: one holding an e-mail address or a phone number is not pushed.
      const title = ownValue(first, 'title');
      event.widget_article_title = typeof title == 'string' && !looksPersonal(title) ? title : undefined;
      break;
    }
    case 'onTriggerFired':
      event.widget_trigger_id = toId(first);
      break;
    case 'onNewConversationReceived':
      // A conversation started by the team or an automation, not the visitor.
      event.widget_proactive = true;
      event.widget_interaction_id = toId(first);
      break;
    case 'onNewMessageReceived':
      event.widget_interaction_id = toId(ownValue(first, 'conversationId'));
      break;
    case 'onMessageRead':
      event.widget_interaction_id = toId(first);
      break;
    case 'onRealtimeVideoReceived':
    case 'onRealtimeVideoAnswered':
      event.widget_interaction_id = toId(ownValue(first, 'conversation_id'));
      break;
    case 'onSurveyPresented':
    case 'onSurveyAnswered':
    case 'onSurveyRejected':
      event.widget_interaction_id = toId(ownValue(first, 'survey_id'));
      break;
    case 'onChatflowNotificationViewed':
    case 'onChatflowNotificationClicked': {
      // A chatflow notification is shown by an automation; an e-mail may come along, and only its presence is pushed.
      event.widget_proactive = true;
      event.widget_interaction_id = toId(first);
      const email = name == 'onChatflowNotificationViewed' ? second : args[2];
      event.widget_email_provided = isEmailShaped(email) || undefined;
      if (name == 'onChatflowNotificationClicked') event.widget_item_type = toId(ownValue(second, 'type'));
    }
  }
  return event;
}

export const customerly = defineAdapter<'customerly', CustomerlyParams>({
  vendor: 'customerly',
  product: 'live_chat',
  stages: customerlyStages,
  leadActions: ['onLeadGenerated'] satisfies CustomerlyCallback[],
  keys: customerlyKeys,
  install({ report, track }) {
    // The visitor's current conversation: its id once a callback names it, and a scope for its funnel steps.
    let conversationId: string | undefined;
    let conversations = 0;
    let conversationScope = 'conversation0';
    const reportCall = (name: string) => (args: unknown[]) => {
      const event = readCustomerlyCall(name, args);
      const id = event.widget_interaction_id;
      if (name == 'onNewConversation') {
        conversationId = undefined;
        conversationScope = 'conversation' + ++conversations;
      } else if (id && CARRIES_CONVERSATION.indexOf(name) >= 0) {
        if (conversationId && id != conversationId) conversationScope = 'conversation' + ++conversations;
        conversationId = id;
      }
      if (IN_CONVERSATION.indexOf(name) >= 0) {
        event.widget_interaction_id = conversationId;
        event.scope = conversationScope;
      }
      report(event);
    };

    // window.customerly is the snippet's array, or whatever replaces it later. Only the current
    // one is hooked: a single-page app re-creating the messenger leaves nothing behind.
    let namespace: unknown;
    let undoNamespace = () => {};
    let undoSettings = () => {};
    /**
     * The load() callbacks: the ones the site set are wrapped, and one it adds
     * later (`customerly.settings.callbacks.onX = fn`, which the messenger
     * calls from there) is wrapped as it is assigned. The object the
     * messenger is handed keeps its own properties as the site made them.
     */
    const hookSettings = (settings: unknown) => {
      undoSettings();
      undoSettings = () => {};
      const callbacks = ownValue(settings, 'callbacks');
      if (isRecord(callbacks)) undoSettings = hookCallbacks(callbacks, false);
    };
    const hookNamespace = (next: unknown) => {
      if (next === namespace) return;
      undoSettings();
      undoSettings = () => {};
      undoNamespace();
      undoNamespace = () => {};
      namespace = next;
      if (typeof next != 'object' || next === null) return;
      const target = next as Record<string, unknown>;
      const undoCallbacks = hookCallbacks(target, true);
      const undoSettingsHook = hookProperty(target, 'settings', hookSettings);
      undoNamespace = () => {
        undoSettingsHook();
        undoCallbacks();
      };
    };
    /**
     * Wraps every callback `target` holds, and every one assigned to it later,
     * from a prototype layer put between `target` and its prototype, so
     * nothing new shows among its own properties. On the namespace
     * (`answers`) the layer also answers `customerly.onX` for callbacks the
     * site never set, as the messenger calls those. A callback the site
     * assigns becomes an own hooked property, which the site can `delete` and
     * assign again: the layer answers again in between and sees the next
     * assignment.
     */
    const hookCallbacks = (target: Record<string, unknown>, answers: boolean): (() => void) => {
      const own: Record<string, () => void> = {};
      const hookOwn = (object: Record<string, unknown>, name: string) => {
        if (hasOwn(own, name)) own[name]();
        own[name] = hookCallback(object, name, reportCall(name), true);
      };
      const original = Object.getPrototypeOf(target) as object | null;
      const layer = Object.create(original) as Record<string, unknown>;
      for (const name of NAMES) {
        const report = reportCall(name);
        const answer = answers
          ? function (...args: unknown[]): void {
              try {
                report(args);
              } catch {
                // Never into the messenger's call stack.
              }
            }
          : undefined;
        // Marked as the bridge's, holding no site function: assigning it elsewhere adds nothing to call.
        if (answer) (answer as unknown as Record<string, unknown>)[HOOKED] = () => undefined;
        defineAccessor(
          layer,
          name,
          () => answer,
          function (this: Record<string, unknown>, value: unknown) {
            hookOwn(this, name);
            this[name] = value;
          },
          false,
        );
      }
      // First, so that an object that cannot take the layer (frozen, non-extensible) gets no hook at all.
      Object.setPrototypeOf(target, layer);
      for (const name of NAMES) if (hasOwn(target, name)) hookOwn(target, name);
      return () => {
        for (const name of Object.keys(own)) own[name]();
        if (Object.getPrototypeOf(target) === layer) Object.setPrototypeOf(target, original);
      };
    };
    track(hookProperty(window as unknown as Record<string, unknown>, 'customerly', hookNamespace));
    track(() => hookNamespace(undefined));
  },
});
