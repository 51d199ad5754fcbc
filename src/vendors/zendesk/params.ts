import type { AssertNever } from '../../core/schema';

/** Zendesk detail keys, shared with other vendors: the proactive message's campaign, never message or button text. */
export interface ZendeskParams {
  /** The id of the automation that reached out: a Customerly trigger (`onTriggerFired`), a LiveChat greeting (`greeting_displayed` / `greeting_hidden`), a Drift playbook (`playbookId`) or a Zendesk proactive message's campaign (`campaignId`). */
  widget_trigger_id: string | undefined;
}

/** The keys of {@link ZendeskParams}, in push order. */
export const zendeskKeys = ['widget_trigger_id'] as const satisfies readonly (keyof ZendeskParams)[];

/** Compile-time proof that the list names every key of the interface. */
export type ZendeskKeysComplete = AssertNever<Exclude<keyof ZendeskParams, (typeof zendeskKeys)[number]>>;
