/**
 * Intercom Messenger: callbacks registered through the one global function,
 * `Intercom('ready' | 'onShow' | 'onHide' | 'onUserEmailSupplied', fn)`, and
 * the session methods `boot`, `update`, `shutdown`
 * (https://developers.intercom.com/installing-intercom/web/methods). Before
 * the messenger loads, `window.Intercom` is a queue: the install snippet's
 * stub or npm `@intercom/messenger-js-sdk`'s loader (instance-manager.ts),
 * both keeping the calls' `arguments` in `Intercom.q`; the messenger replaces
 * it and runs the queue.
 *
 * The bridge reads `window.Intercom` through a transparent Proxy (the queue's
 * `q` and every other property stay the vendor's). It registers its own
 * callbacks once per messenger session: `shutdown` drops the callbacks
 * registered so far (react-use-intercom issue #666: callbacks are not called
 * after shutdown → boot), so they are registered again after the next
 * `boot`. The site's own callbacks are passed on, each in a wrapper that
 * reports and calls it with the same arguments, `this` and return value; for
 * a callback the site registered in the current session the bridge registers
 * none of its own, so a messenger that keeps one function per callback keeps
 * the site's. A callback heard through both registrations is one exact
 * duplicate, pushed once.
 */
import { defineAdapter } from '../../core/adapter';
import { hasOwn } from '../../lib/hasOwn';
import { HOOKED, hookProperty } from '../../lib/hookProperty';
import { intercomKeys, type IntercomParams } from './params';
import { intercomStages, type IntercomCallback } from './stages';

export type { IntercomParams } from './params';
export { intercomStages } from './stages';

type Api = (...args: unknown[]) => unknown;

const NAMES = Object.keys(intercomStages) as IntercomCallback[];

/** Marks a function as the bridge's, so that it is never wrapped again. */
const marked = <F extends Api>(fn: F): F => {
  (fn as unknown as Record<string, unknown>)[HOOKED] = true;
  return fn;
};

export const intercom = defineAdapter<'intercom', IntercomParams>({
  vendor: 'intercom',
  product: 'messenger',
  stages: intercomStages,
  leadActions: ['onUserEmailSupplied'] satisfies IntercomCallback[],
  keys: intercomKeys,
  install({ report, track }) {
    // One messenger session (until `shutdown`) is one interaction scope; the bridge's callbacks belong to one.
    let session = 1;
    let registeredIn = 0;
    let siteNames: string[] = [];
    let active = true;
    const reportCall = (name: string) => {
      // The callbacks carry nothing to read: the e-mail address is not handed over.
      if (active)
        report({ widget_action: name, scope: 'session' + session, widget_email_provided: name == 'onUserEmailSupplied' || undefined });
    };
    const wrapSite = (name: string, site: unknown): unknown =>
      typeof site != 'function' || HOOKED in site
        ? site
        : marked(function (this: unknown, ...args: unknown[]) {
            reportCall(name);
            return (site as Api).apply(this, args);
          });
    /** The site registers a callback: it is wrapped, and this session needs no callback of the bridge's for it. */
    const takeSite = (args: Record<number, unknown> | null | undefined) => {
      if (!args) return;
      const name = args[0] as string;
      if (!hasOwn(intercomStages, name)) return;
      args[1] = wrapSite(name, args[1]);
      if (registeredIn != session) siteNames.push(name);
    };
    const registerOwn = (api: Api) => {
      if (registeredIn == session) return;
      registeredIn = session;
      const mine = session;
      for (const name of NAMES)
        if (siteNames.indexOf(name) < 0)
          api(
            name,
            marked(() => {
              if (mine == session) reportCall(name);
            }),
          );
    };
    const call = (target: Api, self: unknown, args: unknown[]): unknown => {
      const method = args[0];
      try {
        if (method == 'shutdown') {
          session++;
          siteNames = [];
        } else takeSite(args);
      } catch {
        // Whatever the page passes, the call goes through.
      }
      const result = Reflect.apply(target, self, args);
      try {
        if (method == 'boot') registerOwn(target);
      } catch {
        // Never into the page's call.
      }
      return result;
    };

    let shown: unknown;
    const follow = (value: unknown) => {
      if (value === shown) return;
      shown = value;
      if (typeof value != 'function') return;
      shown = new Proxy(value, { apply: call });
      // A queue (the snippet's or the npm loader's) holds no callback of the bridge's yet, and the calls the
      // page queued before the bridge came: the site's callbacks among them are wrapped in place. The
      // messenger that replaces a queue runs it, so the bridge's callbacks queued there are not registered again.
      const queue = (value as unknown as Record<string, unknown>).q;
      if (Array.isArray(queue)) {
        registeredIn = 0;
        siteNames = [];
        for (const args of queue) takeSite(args);
      }
      registerOwn(value as Api);
    };
    track(hookProperty(window as unknown as Record<string, unknown>, 'Intercom', follow, () => shown));
    track(() => {
      active = false;
    });
  },
});
