/**
 * Tidio chat widget event → stage. The events are those of Tidio's widget listeners
 * (https://developers.tidio.com/docs/widget-listeners-events, and the JavaScript API page
 * https://docs.tidio.com/), heard as `tidioChatApi.on(name, fn)` and as `tidioChat-<name>` events on
 * `document`. `setStatus` is pushed with its status (`setStatus:offline`), since that decides its stage;
 * another status is not pushed.
 */
import type { StageTable } from '../../core/adapter';

export const tidioStages = {
  ready: 'view',
  open: 'open',
  close: 'close',
  conversationStart: 'start',
  preFormFilled: 'submit',
  messageFromVisitor: 'interaction',
  messageFromOperator: 'interaction',
  'setStatus:online': 'interaction',
  'setStatus:offline': 'unavailable',
} as const satisfies StageTable;

/** A Tidio action: an event name, with the status for `setStatus`. */
export type TidioAction = keyof typeof tidioStages;
