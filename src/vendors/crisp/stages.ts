/**
 * Crisp chatbox event → stage, with the reason for each choice in docs.ts. `website:availability:changed`
 * is one row per value it reports (true online, false away), so that an away chat is `unavailable`.
 */
import type { StageTable } from '../../core/adapter';

export const crispStages = {
  'session:loaded': 'view',
  'website:availability:changed:online': 'interaction',
  'website:availability:changed:away': 'unavailable',
  'chat:opened': 'open',
  'chat:initiated': 'start',
  'chat:closed': 'close',
  'message:sent': 'start',
  'message:received': 'interaction',
  'helpdesk:queried': 'interaction',
  'user:nickname:changed': 'interaction',
  'user:phone:changed': 'submit',
  'user:email:changed': 'submit',
} as const satisfies StageTable;

/** A Crisp event name as pushed in `widget_action`. */
export type CrispEvent = keyof typeof crispStages;
