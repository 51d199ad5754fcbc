/**
 * Intercom Messenger callback → stage. The callbacks are those of Intercom's
 * JavaScript API methods page (https://developers.intercom.com/installing-intercom/web/methods)
 * that say something about the visitor's funnel; `onUnreadCountChange` is
 * deliberately absent (docs.ts `ignored`).
 */
import type { StageTable } from '../../core/adapter';

export const intercomStages = {
  ready: 'view',
  onShow: 'open',
  onHide: 'close',
  onUserEmailSupplied: 'submit',
} as const satisfies StageTable;

/** An Intercom callback name. */
export type IntercomCallback = keyof typeof intercomStages;
