import type { AssertNever } from '../../core/schema';

/** Customerly detail keys: that something was given, never what. */
export interface CustomerlyParams {
  /** Whether the visitor left an e-mail address (never the address): Customerly `onLeadGenerated` and chatflow notifications, Tidio `preFormFilled`, tawk.to pre-chat and offline forms, Crisp `user:email:changed`, Intercom `onUserEmailSupplied`, Drift `emailCapture`. */
  widget_email_provided: boolean | undefined;
  /** `onNewConversation`: how many attachments the first message had (never names or contents). */
  widget_attachment_count: number | undefined;
  /** `onProfilingQuestionAsked/Answered`: the profiling attribute asked about (never the answer). */
  widget_profiling_attribute: string | undefined;
  /** `onHelpCenterArticleOpened`: the article's `knowledge_base_article_id`. */
  widget_article_id: string | undefined;
  /** `onHelpCenterArticleOpened`: the article's slug. */
  widget_article_slug: string | undefined;
  /** `onHelpCenterArticleOpened`: the article's title, unless it holds an e-mail address or a phone number (never its body or author). */
  widget_article_title: string | undefined;
  /** The id of the automation that reached out: a Customerly trigger (`onTriggerFired`), a LiveChat greeting (`greeting_displayed` / `greeting_hidden`), a Drift playbook (`playbookId`) or a Zendesk proactive message's campaign (`campaignId`). */
  widget_trigger_id: string | undefined;
  /** `onChatflowNotificationClicked`: the kind of item clicked (`button`, `article`, `close_button`…), never its caption or link; LiveChat `new_event`: the kind of chat event (`message`, `rich_message`, `file`), `form_submitted`: the form's type. */
  widget_item_type: string | undefined;
}

/** The keys of {@link CustomerlyParams}, in push order. */
export const customerlyKeys = [
  'widget_email_provided',
  'widget_attachment_count',
  'widget_profiling_attribute',
  'widget_article_id',
  'widget_article_slug',
  'widget_article_title',
  'widget_trigger_id',
  'widget_item_type',
] as const satisfies readonly (keyof CustomerlyParams)[];

/** Compile-time proof that the list names every key of the interface. */
export type CustomerlyKeysComplete = AssertNever<Exclude<keyof CustomerlyParams, (typeof customerlyKeys)[number]>>;
