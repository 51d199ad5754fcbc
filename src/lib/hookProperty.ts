import { defineAccessor } from './defineAccessor';
import { defineValue } from './defineValue';

/** Marks the bridge's own accessors and wrappers, so nothing is ever hooked or reported twice. */
export const HOOKED = '__gtmWidgetBridgeHook';

type Hookable = Record<string, unknown>;

/**
 * Follows `target[name]` for the site's sake, without polling: `onSet` is
 * called with the current value now and with every value assigned later;
 * reads return `read(value)`, or the value itself.
 *
 * An accessor replaces the property when it is configurable (absent ones
 * included), which catches `window.x = …` and sloppy-mode `x = …` alike; it
 * keeps the property's enumerability, and an absent one becomes enumerable
 * only when `enumerable` says so (hooks on names the site never set stay out
 * of `Object.keys`). A global declared with `function x(){}` or `var x` is
 * not configurable: when it is writable and `read` is given, the read value
 * is assigned once instead (later reassignments then go unseen until the
 * caller hooks again). Already-hooked properties are left alone. Returns the
 * function that restores a plain value.
 */
export function hookProperty(
  target: Hookable,
  name: string,
  onSet: (value: unknown) => void,
  read?: (value: unknown) => unknown,
  enumerable = true,
): () => void {
  const descriptor = Object.getOwnPropertyDescriptor(target, name);
  if (descriptor && descriptor.get && HOOKED in descriptor.get) return () => {};
  let value = target[name];
  const follow = (next: unknown) => {
    try {
      onSet(next);
    } catch {
      // Never into the site's own assignment.
    }
  };
  const get = () => (read ? read(value) : value);
  (get as unknown as Hookable)[HOOKED] = true;
  const shownInKeys = descriptor ? !!descriptor.enumerable : enumerable;
  if ((!descriptor && Object.isExtensible(target)) || (descriptor && descriptor.configurable)) {
    defineAccessor(
      target,
      name,
      get,
      (next) => {
        value = next;
        follow(next);
      },
      shownInKeys,
    );
    // After the accessor is in place, so that onSet may itself assign the property.
    follow(value);
    return () => {
      const current = Object.getOwnPropertyDescriptor(target, name);
      if (current && current.get === get) {
        // A property the hook created and nobody set is removed again.
        if (!descriptor && value === undefined) delete target[name];
        else defineValue(target, name, value, shownInKeys);
      }
    };
  }
  follow(value);
  if (read && descriptor && descriptor.writable) {
    const shown = (target[name] = get());
    return () => {
      if (target[name] === shown) target[name] = value;
    };
  }
  return () => {};
}
