import { HOOKED, hookProperty } from './hookProperty';

type Site = ((...args: unknown[]) => unknown) & Record<string, unknown>;

/**
 * Makes `target[name]` a function that reports each call, then calls the
 * site's own function, if any, with the same arguments and `this`, returning
 * its value and letting its exceptions surface (after the report). The site
 * can assign its function before or after the bridge; it is kept either way.
 * A bridge wrapper assigned to another hooked property is called through
 * without a second report. Returns the function that puts the site's own
 * function back; a wrapper a vendor kept a reference to stops reporting then.
 */
export function hookCallback(target: Record<string, unknown>, name: string, report: (args: unknown[]) => void): () => void {
  let site: Site | undefined;
  let active = true;
  const wrapper = function (this: unknown, ...args: unknown[]): unknown {
    const own = site;
    if (active && !(typeof own == 'function' && HOOKED in own)) {
      try {
        report(args);
      } catch {
        // Whatever the arguments hold, nothing the bridge does reaches the vendor's call stack.
      }
    }
    return typeof own == 'function' ? own.apply(this, args) : undefined;
  };
  (wrapper as unknown as Site)[HOOKED] = true;
  const restore = hookProperty(
    target,
    name,
    (value) => {
      // Assigning the wrapper back (customerly.onX = customerly.onX) must not make it call itself.
      if (value !== wrapper) site = value as Site;
    },
    () => wrapper,
  );
  return () => {
    active = false;
    restore();
    if (target[name] === wrapper) {
      if (site === undefined) delete target[name];
      else target[name] = site;
    }
  };
}
