/**
 * tawk.to callback → stage, with the reason for each choice in docs.ts. `onStatusChange` is one row per
 * status the widget reports (online, away, offline), so that an offline chat is `unavailable`.
 */
import type { StageTable } from '../../core/adapter';

export const tawkToStages = {
  onLoad: 'view',
  'onStatusChange:online': 'interaction',
  'onStatusChange:away': 'unavailable',
  'onStatusChange:offline': 'unavailable',
  onChatMaximized: 'open',
  onChatMinimized: 'close',
  onChatHidden: 'close',
  onPrechatSubmit: 'submit',
  onChatStarted: 'start',
  onChatMessageVisitor: 'start',
  onAgentJoinChat: 'interaction',
  onChatMessageAgent: 'interaction',
  onAgentLeaveChat: 'interaction',
  onFileUpload: 'interaction',
  onChatSatisfaction: 'interaction',
  onChatEnded: 'complete',
  onOfflineSubmit: 'submit',
} as const satisfies StageTable;

/** A tawk.to event name as pushed in `widget_action`. */
export type TawkToEvent = keyof typeof tawkToStages;
