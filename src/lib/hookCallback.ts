import { HOOKED, hookProperty } from './hookProperty';

type Site = ((...args: unknown[]) => unknown) & Record<string, unknown>;

/** A bridge wrapper's own site function, or the value itself when it is not a bridge wrapper. */
function unwrap(value: unknown): unknown {
  const own = typeof value == 'function' ? (value as Site)[HOOKED] : undefined;
  return typeof own == 'function' ? own() : value;
}

/**
 * Makes `target[name]` a function that reports each call, then calls the
 * site's own function, if any, with the same arguments and `this`, returning
 * its value and letting its exceptions surface (after the report). The site
 * can assign its function before or after the bridge; it is kept either way.
 * A bridge wrapper assigned here from another hooked property is unwrapped to
 * the site function it holds, so a call is reported by this hook and the site
 * function runs once. An absent property shows up in `Object.keys` only if
 * `enumerable`. Returns the function that puts the site's own function back;
 * a wrapper a vendor kept a reference to stops reporting then.
 */
export function hookCallback(
  target: Record<string, unknown>,
  name: string,
  report: (args: unknown[]) => void,
  enumerable?: boolean,
): () => void {
  let site: Site | undefined;
  let active = true;
  const wrapper = function (this: unknown, ...args: unknown[]): unknown {
    const own = site;
    if (active) {
      try {
        report(args);
      } catch {
        // Whatever the arguments hold, nothing the bridge does reaches the vendor's call stack.
      }
    }
    return typeof own == 'function' ? own.apply(this, args) : undefined;
  };
  (wrapper as unknown as Site)[HOOKED] = () => site;
  const restore = hookProperty(
    target,
    name,
    (value) => {
      // Assigning the wrapper back (customerly.onX = customerly.onX) must not make it call itself.
      if (value !== wrapper) site = unwrap(value) as Site;
    },
    () => wrapper,
    enumerable,
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
