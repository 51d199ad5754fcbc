/**
 * Userlike website messenger: the widget calls the page's global
 * `userlikeTrackingEvent(event_name, global_ctx, session_ctx)`, looked up at
 * call time (https://www.userlike.com/en/public/tutorial/um/api/javascript/tracking; npm
 * `@userlike/messenger` runs the widget in a same-origin iframe and hands it
 * the host window). The bridge keeps that global a function that pushes, then
 * calls the site's own one, however and whenever the site defines it.
 */
import { defineAdapter, type VendorEvent } from '../../core/adapter';
import { guard } from '../../core/guard';
import { hookCallback } from '../../lib/hookCallback';
import { ownValue } from '../../lib/ownValue';
import { toId } from '../../lib/toId';
import { userlikeKeys, type UserlikeParams } from './params';
import { userlikeStages } from './stages';

export type { UserlikeParams } from './params';
export { userlikeStages } from './stages';

/**
 * The push for one `userlikeTrackingEvent` call: widget, language, operator
 * group and operator ids; `chat_id`, else `session_id`, as the interaction.
 * Never `client_name`, `client_email`, `operator_name`, `custom_data` or
 * `client_uuid`.
 */
export function readUserlikeCall([name, globalContext, sessionContext]: unknown[]): VendorEvent {
  const action = typeof name == 'string' ? name : '';
  const sessionId = toId(ownValue(sessionContext, 'session_id'));
  return {
    widget_action: action,
    widget_interaction_id: toId(ownValue(sessionContext, 'chat_id')) || sessionId,
    // One visit's funnel steps belong to its session, also before a chat id exists.
    scope: sessionId,
    widget_proactive: action.indexOf('proactive') >= 0 || undefined,
    widget_id: toId(ownValue(globalContext, 'widget_id')),
    widget_lang: toId(ownValue(globalContext, 'widget_lang')),
    widget_operator_group_id: toId(ownValue(globalContext, 'operator_group_id')),
    widget_operator_id: toId(ownValue(sessionContext, 'operator_id')),
  };
}

const GLOBAL_NAME = 'userlikeTrackingEvent';

export const userlike = defineAdapter<'userlike', UserlikeParams>({
  vendor: 'userlike',
  product: 'messenger',
  stages: userlikeStages,
  leadActions: [],
  keys: userlikeKeys,
  install({ report, log, track }) {
    const w = window as unknown as Record<string, unknown>;
    const reportCall = (args: unknown[]) => report(readUserlikeCall(args));
    let undoHook = hookCallback(w, GLOBAL_NAME, reportCall);
    let wrapper = w[GLOBAL_NAME];
    /**
     * A site script that declares `function userlikeTrackingEvent(){}` after
     * the bridge replaces its accessor with a plain, non-configurable global
     * (https://tc39.es/ecma262/#sec-createglobalfunctionbinding), and no hook
     * can see that happen. The widget only calls the global once its own
     * script or iframe has loaded, so the bridge wraps the site's function
     * again whenever a script, an iframe or the page finishes loading.
     */
    const rewrap = guard(log, () => {
      if (w[GLOBAL_NAME] === wrapper) return;
      undoHook();
      undoHook = hookCallback(w, GLOBAL_NAME, reportCall);
      wrapper = w[GLOBAL_NAME];
      log('userlike: the site replaced userlikeTrackingEvent; wrapped again');
    });
    // A script's or an iframe's load event does not bubble and never reaches window: a Document's "get the
    // parent" is null for load events (https://dom.spec.whatwg.org/#interface-document). So: the document's
    // capture phase for those, window for the page's own load, DOMContentLoaded for inline declarations.
    document.addEventListener('load', rewrap, true);
    addEventListener('load', rewrap);
    document.addEventListener('DOMContentLoaded', rewrap);
    track(() => {
      document.removeEventListener('load', rewrap, true);
      removeEventListener('load', rewrap);
      document.removeEventListener('DOMContentLoaded', rewrap);
      undoHook();
    });
  },
});
